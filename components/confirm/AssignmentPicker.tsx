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
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { useState } from 'react';

function AssignmentPicker({ member, entries }: { member: Member; entries: readonly AssignmentEntry[] }) {
  const actions = useAppActions();
  const theme = useTheme();
  const [cursor, setCursor] = useState(0);
  const move = (delta: number) => () => setCursor((c) => Math.max(0, Math.min(entries.length - 1, c + delta)));
  usePanelBindings('pick', {
    'pick.up': move(-1),
    'pick.down': move(1),
    'pick.cancel': actions.closeOverlay,
    'pick.choose': () => {
      const entry = entries[cursor];
      if (!entry) return;
      actions.closeOverlay();
      openRemoveAssignment(actions, member, entry.remove);
    },
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
