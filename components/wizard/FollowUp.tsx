/**
 * An offer under a finished plan: "c continue: …". Its key is one of the `followup` bindings (the table says what
 * each offer does); the plan view keeps enter/esc.
 */
import { Text } from 'ink';
import { bindingsOf, type PanelBindingId } from '../../src/ui/bindings.js';
import { useTheme } from '../../src/ui/theme.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';

type FollowUpId = PanelBindingId<'followup'>;

function bindingOf(key: string): FollowUpId {
  const binding = bindingsOf('followup').find((b) => (b.keys as readonly string[]).includes(key));
  if (!binding) throw new Error(`no followup binding for the key ${key}`);
  return binding.id;
}

export function FollowUp({ keyLabel, text, onRun }: { keyLabel: string; text: string; onRun: () => void }) {
  const theme = useTheme();
  usePanelBindings('followup', { [bindingOf(keyLabel)]: onRun });
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
