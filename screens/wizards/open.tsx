/** Which wizard each key opens (components/handlers.ts), and the pre-filled entry points for intents and fixes. */
import { isPredefinedStackRole } from '../../src/domain/catalog.js';
import type { Intent, ProjectGrant } from '../../src/domain/intent/index.js';
import type { AppActions, PanelSpec } from '../../src/ui/contexts.js';
import { PRESETS, type KeyValues } from './api-key/values.js';
import type { Grant } from './grants.js';
import { keyPanel } from './api-key/KeyPanel.js';
import { createRolePanel, editRolePanel } from './custom-role/RolePanel.js';
import { invitePanel } from './invite/InvitePanel.js';
import { memberRolesPanel } from './member-roles/MemberRolesPanel.js';
import { copyOfDescriptor } from './custom-role/values.js';
import { OpenOnReview } from './WizardPanel.js';

export type WizardBinding = 'members.invite' | 'members.edit' | 'roles.create' | 'roles.edit' | 'keys.create';

/** `ids`: the visible rows of the screen at key time, for wizards that act on the selected row. */
export function openWizardFor(binding: WizardBinding, actions: AppActions, ids: readonly string[]): void {
  switch (binding) {
    case 'members.invite':
      return actions.openPanel(invitePanel(actions));
    case 'members.edit':
      return actions.openPanel(memberRolesPanel(actions, ids));
    case 'keys.create':
      return actions.openPanel(keyPanel());
    case 'roles.create':
      return actions.openPanel(createRolePanel());
    case 'roles.edit':
      return actions.openPanel(editRolePanel(ids));
  }
}

function grantOf(g: ProjectGrant): Grant {
  const custom = g.applicationRoles?.find((name) => !isPredefinedStackRole(name, g.target.type));
  const all = g.target.kind === 'all-of-type';
  return {
    type: g.target.type,
    all,
    projectIds: g.target.kind === 'projects' ? g.target.projectIds : [],
    role: custom ? `custom:${custom}` : g.roleId,
  };
}

function keyValuesOf(intent: Extract<Intent, { kind: 'create-key' }>): Partial<KeyValues> {
  const expiry =
    intent.expiration === undefined
      ? {}
      : (PRESETS as readonly string[]).includes(intent.expiration)
        ? { expiry: intent.expiration }
        : { expiry: 'custom', customExpiry: intent.expiration };
  const stackRoles = [...new Set(intent.grants.flatMap((g) => g.applicationRoles ?? []))];
  const [orgRole] = intent.organizationRoleIds;
  if (orgRole) return { description: intent.description, ...expiry, scope: 'organization', orgRole, stackRoles };
  const [first] = intent.grants;
  const scope = first?.target.kind === 'all-of-type' ? 'types' : 'projects';
  return {
    description: intent.description,
    ...expiry,
    scope,
    stackRoles,
    types: intent.grants.map((g) => g.target.type),
    projectIds: intent.grants.flatMap((g) => (g.target.kind === 'projects' ? g.target.projectIds : [])),
    ...(first ? { cloudRole: first.roleId.slice(first.target.type.length + 1) } : {}),
  };
}

/** A complete request needs no step: its wizard opens on the review (each answer can still be changed there). */
const onReview = (panel: PanelSpec): PanelSpec => ({
  ...panel,
  node: <OpenOnReview.Provider value={true}>{panel.node}</OpenOnReview.Provider>,
});

/**
 * Opens the wizard that shows an intent pre-filled (the `:` command line). Nothing is sent until the user reviews
 * the plan; a request that answers every step opens on that review, one that does not on the first step it lacks.
 * False when no wizard here handles that kind (revocations and removals are confirmations).
 */
export function openWizardForIntent(intent: Intent, actions: AppActions): boolean {
  const open = (panel: PanelSpec) => actions.openPanel(onReview(panel));
  switch (intent.kind) {
    case 'invite':
      open(
        invitePanel(actions, {
          emailsText: intent.emails.join(', '),
          orgRole: intent.organizationRoleIds[0] ?? '',
          grants: intent.grants.map(grantOf),
        }),
      );
      return true;
    case 'update-member-roles':
    case 'assign-custom-role':
      open(
        memberRolesPanel(actions, [], {
          userId: intent.userId,
          grants: ('add' in intent ? intent.add : intent.grants).map(grantOf),
          ...('organizationRoleIds' in intent && intent.organizationRoleIds[0]
            ? { orgRole: intent.organizationRoleIds[0] }
            : {}),
        }),
      );
      return true;
    case 'create-custom-role-and-assign':
      open(
        createRolePanel({
          ...copyOfDescriptor(intent.roleName, intent.descriptor, intent.projectIds),
          ...(intent.assignee.kind === 'member' ? { assignees: [intent.assignee.userId] } : {}),
        }),
      );
      return true;
    case 'create-key':
      open(keyPanel(keyValuesOf(intent)));
      return true;
    default:
      return false;
  }
}
