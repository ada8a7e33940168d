/**
 * Which of a member's role assignments to remove: details views scroll but have no cursor, so `x` opens this list
 * of the member's entries; enter leads to the typed confirmation for the one under the cursor.
 */
import { Text } from 'ink';
import type { Member } from '../../src/api/schemas.js';
import { useAppActions, type AppActions } from '../../src/ui/contexts.js';
import { useTheme } from '../../src/ui/theme.js';
import { assignmentEntries, type AssignmentEntry } from './assignment-entries.js';
import { openRemoveAssignment } from './openers.js';
import { useSyncReducer } from './use-sync-reducer.js';
import { useKeys } from '../../src/ui/keypress.js';

const cursorReducer = (cursor: number, a: { delta: number; count: number }) =>
  Math.max(0, Math.min(a.count - 1, cursor + a.delta));

function AssignmentPicker({ member, entries }: { member: Member; entries: readonly AssignmentEntry[] }) {
  const actions = useAppActions();
  const theme = useTheme();
  const [cursor, move] = useSyncReducer(cursorReducer, 0);
  useKeys(({ name }) => {
    if (name === 'up' || name === 'k') move({ delta: -1, count: entries.length });
    else if (name === 'down' || name === 'j') move({ delta: 1, count: entries.length });
    else if (name === 'escape') actions.closeOverlay();
    else if (name === 'enter') {
      // The cursor as of this key, not as of the handler's render (a key may beat the re-render).
      const entry = entries[move({ delta: 0, count: entries.length })];
      if (!entry) return;
      actions.closeOverlay();
      openRemoveAssignment(actions, member, entry.remove);
    }
  });
  return (
    <>
      <Text>{` Which role assignment of ${member.email || member.user_id} should go?`}</Text>
      <Text> </Text>
      {entries.map((entry, i) => (
        <Text key={entry.key} wrap="truncate" inverse={i === cursor}>
          <Text color={theme.colorOf('accent')}>{i === cursor ? ` ${theme.symbols.pointer} ` : '   '}</Text>
          {entry.label}
        </Text>
      ))}
      <Text> </Text>
      <Text color={theme.colorOf('muted')}>{' enter choose (a typed confirmation follows)   esc cancel'}</Text>
    </>
  );
}

export function openAssignmentPicker(actions: AppActions, member: Member): void {
  const entries = assignmentEntries(member.role_assignments);
  if (entries.length === 0) {
    actions.notify(`${member.email || member.user_id} has no role assignments to remove`, 'warning');
    return;
  }
  actions.openPanel({
    id: `pick-assignment:${member.user_id}`,
    title: `Remove a role assignment from ${member.email || member.user_id}`,
    node: <AssignmentPicker member={member} entries={entries} />,
  });
}
