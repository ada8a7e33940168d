/** An offer under a finished plan: "c continue: …". One key, one action; the plan view keeps enter/esc. */
import { Text, useInput } from 'ink';
import { useTheme } from '../../src/ui/theme.js';

export function FollowUp({ keyLabel, text, onRun }: { keyLabel: string; text: string; onRun: () => void }) {
  const theme = useTheme();
  useInput((input) => {
    if (input === keyLabel) onRun();
  });
  return (
    <Text wrap="truncate">
      {' '}
      <Text bold color={theme.colorOf('accent')}>
        {keyLabel}
      </Text>
      {` ${text}`}
    </Text>
  );
}
