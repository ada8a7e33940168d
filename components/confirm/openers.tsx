/**
 * Opening a typed confirmation over the current screen. Exported for every caller that leads to a destructive
 * action: the screens' actions (screens/<resource>/actions.ts) and the doctor's fix dispatcher.
 */
import type { ApiKey, Invitation, Member, Project, RoleAssignments } from '../../src/api/schemas.js';
import type { AppActions } from '../../src/ui/contexts.js';
import { ConfirmPanel } from './ConfirmPanel.js';
import type { ConfirmSpec } from './spec.js';
import { revokeKeysSpec } from './specs-keys.js';
import { cancelInvitationSpec, removeAssignmentSpec, removeMemberSpec } from './specs-members.js';
import { deleteRoleSpec } from './specs-roles.js';

export function openConfirmation(actions: AppActions, spec: ConfirmSpec): void {
  actions.openPanel({ id: spec.id, title: spec.title, node: <ConfirmPanel spec={spec} /> });
}

/** All `keys` go in one bulk request. */
export function openRevokeKeys(actions: AppActions, keys: readonly ApiKey[]): void {
  if (keys.length === 0) actions.notify('No key selected', 'warning');
  else openConfirmation(actions, revokeKeysSpec(keys));
}

export function openRemoveMember(actions: AppActions, member: Member): void {
  openConfirmation(actions, removeMemberSpec(member));
}

export function openCancelInvitation(actions: AppActions, invitation: Invitation): void {
  openConfirmation(actions, cancelInvitationSpec(invitation));
}

export function openDeleteRole(actions: AppActions, project: Project, roleName: string): void {
  openConfirmation(actions, deleteRoleSpec(project, roleName));
}

/** `remove`: the entries to drop, as the DELETE /users/{id}/role_assignments body takes them. */
export function openRemoveAssignment(actions: AppActions, member: Member, remove: RoleAssignments): void {
  openConfirmation(actions, removeAssignmentSpec(member, remove));
}
