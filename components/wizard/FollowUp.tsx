/** An offer under a finished plan: "c continue: …". One key, one action; the plan view keeps enter/esc. */
import { Text } from 'ink';
import { useTheme } from '../../src/ui/theme.js';
import { useKeys } from '../../src/ui/keypress.js';

export function FollowUp({ keyLabel, text, onRun }: { keyLabel: string; text: string; onRun: () => void }) {
  const theme = useTheme();
  useKeys(({ name }) => {
    if (name === keyLabel) onRun();
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
