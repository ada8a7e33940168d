/**
 * What the destructive bindings (and the audit view binding) do with the row the user is on or the marked rows.
 * Spread into components/handlers.ts; each handler runs only on its own screen, so the row casts below are sound.
 */
import type { Dispatch } from 'react';
import type { KeyRow } from '../../screens/keys.js';
import type { MemberRow } from '../../screens/members.js';
import type { RoleRow } from '../../screens/roles.js';
import type { AppActions } from '../../src/ui/contexts.js';
import type { NavAction } from '../../src/ui/navigation.js';
import type { Handlers } from '../../src/ui/use-key-dispatch.js';
import { openAuditView } from '../audit/AuditView.js';
import type { Frame } from '../handlers.js';
import { openAssignmentPicker } from './AssignmentPicker.js';
import { openCancelInvitation, openDeleteRole, openRemoveMember } from './openers.js';
import { openRevokeKeyRows } from './open-revoke-rows.js';

type OwnedId =
  | 'members.remove'
  | 'members.removeAssignment'
  | 'roles.delete'
  | 'keys.mark'
  | 'keys.markAll'
  | 'keys.revoke'
  | 'audit.open';

export function destructiveHandlers(
  dispatch: Dispatch<NavAction>,
  actions: AppActions,
  frame: () => Frame,
): Pick<Handlers, OwnedId> {
  const current = <R>() => frame().current as R | undefined;
  return {
    'members.remove': () => {
      const row = current<MemberRow>();
      if (row?.kind === 'member') openRemoveMember(actions, row.member);
      else if (row?.kind === 'invitation') openCancelInvitation(actions, row.invitation);
    },
    'members.removeAssignment': () => {
      const row = current<MemberRow>();
      if (row?.kind === 'member') openAssignmentPicker(actions, row.member);
      else if (row?.kind === 'invitation') {
        actions.notify("An invitation's roles cannot be edited: cancel it (d) and invite again", 'warning');
      }
    },
    'roles.delete': () => {
      const row = current<RoleRow>();
      if (row?.kind === 'custom') openDeleteRole(actions, row.project, row.name);
      else if (row?.kind === 'predefined')
        actions.notify(`${row.role.label} is predefined by Elastic Cloud and cannot be deleted`, 'warning');
      else if (row)
        actions.notify(`The custom roles of ${row.project.name} could not be listed: ${row.reason}`, 'warning');
    },
    'keys.mark': () => dispatch({ type: 'toggleMark', ids: frame().ids }),
    'keys.markAll': () => dispatch({ type: 'markAll', ids: frame().ids }),
    'keys.revoke': () => {
      const marked = (frame().marked ?? []) as readonly KeyRow[];
      const row = current<KeyRow>();
      openRevokeKeyRows(actions, marked.length > 0 ? marked : row ? [row] : []);
    },
    'audit.open': () => openAuditView(actions),
  };
}
