/**
 * What the destructive bindings (and the audit view binding) do with the row the user is on or the marked rows.
 * Spread into components/handlers.ts; each handler runs only on its own screen, and checks the row's kind anyway.
 */
import type { Dispatch } from 'react';
import type { KeyRow } from '../../screens/keys.js';
import type { MemberRow } from '../../screens/members.js';
import type { RoleRow } from '../../screens/roles.js';
import type { AppActions } from '../../src/ui/contexts.js';
import type { NavAction } from '../../src/ui/navigation.js';
import type { Row } from '../../src/ui/list-model.js';
import type { Handlers } from '../../src/ui/use-key-dispatch.js';
import { hiddenMarksQuestion, markCounts } from '../../src/ui/hidden-marks.js';
import type { Frame } from '../handlers.js';
import { withPanels } from '../panels.js';

type OwnedId =
  | 'members.remove'
  | 'members.removeAssignment'
  | 'roles.delete'
  | 'keys.mark'
  | 'keys.markAll'
  | 'keys.revoke'
  | 'audit.open';

const MEMBER_KINDS: readonly unknown[] = ['member', 'invitation'] satisfies MemberRow['kind'][];
const ROLE_KINDS: readonly unknown[] = ['predefined', 'custom', 'unavailable'] satisfies RoleRow['kind'][];
const KEY_KINDS: readonly unknown[] = ['cloud', 'project', 'unreadable'] satisfies KeyRow['kind'][];

const kindOf = (row: Row | undefined): unknown => (row && 'kind' in row ? row.kind : undefined);
const isMemberRow = (row: Row | undefined): row is MemberRow => MEMBER_KINDS.includes(kindOf(row));
const isRoleRow = (row: Row | undefined): row is RoleRow => ROLE_KINDS.includes(kindOf(row));
const isKeyRow = (row: Row | undefined): row is KeyRow => KEY_KINDS.includes(kindOf(row));

export function destructiveHandlers(
  dispatch: Dispatch<NavAction>,
  actions: AppActions,
  frame: () => Frame,
): Pick<Handlers, OwnedId> {
  return {
    'members.remove': () => {
      const row = frame().current;
      if (!isMemberRow(row)) return;
      if (row.kind === 'member') withPanels(actions, (panels) => panels.openRemoveMember(actions, row.member));
      else withPanels(actions, (panels) => panels.openCancelInvitation(actions, row.invitation));
    },
    'members.removeAssignment': () => {
      const row = frame().current;
      if (!isMemberRow(row)) return;
      if (row.kind === 'member') withPanels(actions, (panels) => panels.openAssignmentPicker(actions, row.member));
      else {
        actions.notify("An invitation's roles cannot be edited: cancel it (d) and invite again", 'warning');
      }
    },
    'roles.delete': () => {
      const row = frame().current;
      if (!isRoleRow(row)) return;
      if (row.kind === 'custom') withPanels(actions, (panels) => panels.openDeleteRole(actions, row.project, row.name));
      else if (row.kind === 'predefined')
        actions.notify(`${row.role.label} is predefined by Elastic Cloud and cannot be deleted`, 'warning');
      else actions.notify(`The custom roles of ${row.project.name} could not be listed: ${row.reason}`, 'warning');
    },
    'keys.mark': () => dispatch({ type: 'toggleMark', ids: frame().ids }),
    'keys.markAll': () => dispatch({ type: 'markAll', ids: frame().ids }),
    'keys.revoke': () => {
      const marked = (frame().marked ?? []).filter(isKeyRow);
      const row = frame().current;
      const question = hiddenMarksQuestion(
        markCounts(
          marked.map((r) => r.id),
          frame().ids,
        ),
        'key',
      );
      // Asked once; the `d` that answers it sees the question still on the status line.
      if (question && frame().message !== question) {
        actions.notify(question, 'warning');
        return;
      }
      const rows = marked.length > 0 ? marked : isKeyRow(row) ? [row] : [];
      withPanels(actions, (panels) => panels.openRevokeKeyRows(actions, rows));
    },
    'audit.open': () => withPanels(actions, (panels) => panels.openAuditView(actions)),
  };
}
