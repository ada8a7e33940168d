/**
 * Invitations cannot be edited: changing one means cancelling it and inviting the address again. These are the invite
 * wizard's answers for that, read off the invitation minus the entries to drop. The wizard models one organization
 * role, deployment grants (all deployments or chosen ones) and project grants (a predefined role_id, or
 * `<type>-viewer` carrying one custom role); whatever does not fit is listed in `caveats` rather than changed without
 * a word.
 */
import type { Invitation, RoleAssignments } from '../../../src/api/schemas.js';
import { flattenAssignments, isSameAssignment, type FlatAssignment } from '../../../src/domain/assignments.js';
import { friendlyRoleName, viewerRoleId } from '../../../src/domain/catalog.js';
import type { WizardEnv } from '../env.js';
import { deploymentGrantsFrom } from '../deployment-grants.js';
import type { Grant } from '../grants.js';
import { rowLabel } from '../row-label.js';
import { EMPTY_INVITE, type InviteValues } from './values.js';

export interface InvitePrefill {
  readonly values: InviteValues;
  readonly caveats: readonly string[];
  /** The entries the new invitation drops, as rows. */
  readonly removed: readonly FlatAssignment[];
}

function grantOf(row: FlatAssignment, caveats: string[], env: WizardEnv): Grant {
  const type = row.type!;
  const base = { type, all: row.all, projectIds: row.all ? [] : [...row.ids] };
  if (row.applicationRoles.length === 0) return { ...base, role: row.roleId };
  // `<type>-viewer` + one application role is exactly what the wizard writes for a custom role.
  if (row.roleId === viewerRoleId(type) && row.applicationRoles.length === 1)
    return { ...base, role: `custom:${row.applicationRoles[0]}` };
  caveats.push(
    `${rowLabel(row, env)} does not fit the wizard: ` +
      `it is pre-filled as ${friendlyRoleName(row.roleId)} alone, so the invitee would get that role's own stack role there instead.`,
  );
  return { ...base, role: row.roleId };
}

/** The answers that invite `invitation.email` again with its roles minus `remove`, in "cancel and resend" mode. */
export function inviteValuesFromInvitation(
  invitation: Invitation,
  remove: RoleAssignments,
  env: WizardEnv,
): InvitePrefill {
  const dropped = flattenAssignments(remove);
  const kept = flattenAssignments(invitation.role_assignments ?? {}).filter(
    (row) => !dropped.some((d) => isSameAssignment(d, row)),
  );
  const removed = flattenAssignments(invitation.role_assignments ?? {}).filter((row) =>
    dropped.some((d) => isSameAssignment(d, row)),
  );
  const caveats: string[] = [];

  const org = kept.filter((r) => r.scope === 'organization');
  const [orgRole, ...otherOrg] = org;
  if (otherOrg.length > 0)
    caveats.push(
      `Only one organization role fits the wizard: ${friendlyRoleName(orgRole!.roleId)} is kept, ${otherOrg.map((r) => friendlyRoleName(r.roleId)).join(', ')} is not.`,
    );
  if (org.some((r) => r.applicationRoles.length > 0)) {
    caveats.push(
      `Organization-scoped application_roles [${org.flatMap((r) => r.applicationRoles).join(', ')}] are not carried over: the wizard invites with project-scoped roles only.`,
    );
  }

  const deploymentGrants = deploymentGrantsFrom(kept, env, caveats);
  const grants = kept.filter((r) => r.scope === 'project').map((row) => grantOf(row, caveats, env));
  return {
    values: {
      ...EMPTY_INVITE,
      emailsText: invitation.email,
      pending: 'resend',
      orgRole: orgRole?.roleId ?? '',
      grants,
      deploymentGrants,
    },
    caveats,
    removed,
  };
}
