/**
 * Deployment role assignments whose `deployment_ids` name deployments that no longer exist. Elastic Cloud keeps such
 * ids when a deployment is shut down: they grant nothing, but they read as access in every review, and the
 * assignment looks like a live grant to whoever maintains it.
 */
import type { RoleAssignments } from '../../api/schemas.js';
import { inertText } from '../../util/inert-text.js';
import { activePrincipals, principalRef, roleAssignmentsOf, type Principal } from '../access/index.js';
import { goneDeploymentIds, type GoneDeploymentIds } from '../deployments.js';
import type { OrgSnapshot } from '../org.js';
import { plural, principalFindingId, type FixAction, type Rule } from './finding.js';

/** The DELETE body that takes exactly the gone ids out (the other ids of each entry stay). */
function removalOf(gone: readonly GoneDeploymentIds[]): RoleAssignments {
  return { deployment: gone.map(({ entry, goneIds }) => ({ ...entry, deployment_ids: [...goneIds] })) };
}

function fixFor(principal: Principal, gone: readonly GoneDeploymentIds[]): FixAction {
  switch (principal.kind) {
    case 'member':
      return { kind: 'edit-member-roles', userId: principal.member.user_id, remove: removalOf(gone) };
    case 'invitation': {
      const { token, email } = principal.invitation;
      return { kind: 'replace-invitation', token, email, remove: removalOf(gone) };
    }
    case 'key':
      // A key cannot be edited, and a copy made by the key wizard would drop its live deployment roles too.
      return { kind: 'review-keys' };
  }
}

/**
 * The list is what the calling key sees; only a key that sees every deployment (an owner, or a deployment role on
 * all of them) can tell "gone" from "hidden from me". When the calling key is not in the snapshot, it is trusted.
 */
function listIsComplete(snapshot: OrgSnapshot, selfKeyId: string | undefined): boolean {
  const self = snapshot.keys.find((k) => k.id === selfKeyId);
  if (!self) return true;
  const assignments = self.role_assignments ?? {};
  return (
    (assignments.organization ?? []).some((a) => a.role_id === 'organization-admin') ||
    (assignments.deployment ?? []).some((a) => a.all === true)
  );
}

export const deploymentGone: Rule = {
  id: 'deployment-gone',
  summary: 'deployment role naming a deployment that no longer exists',
  check: ({ snapshot, selfKeyId }) => {
    if (!snapshot.deployments || !listIsComplete(snapshot, selfKeyId)) return [];
    const known = new Set(snapshot.deployments.map((d) => d.id));
    return activePrincipals(snapshot).flatMap((principal) => {
      const gone = goneDeploymentIds(roleAssignmentsOf(principal), known);
      if (gone.length === 0) return [];
      const ids = [...new Set(gone.flatMap((g) => g.goneIds))];
      const ref = principalRef(principal);
      return [
        {
          id: principalFindingId('deployment-gone', ref),
          rule: 'deployment-gone',
          severity: 'info',
          principal: ref,
          title: `${ref.label} holds a deployment role on ${plural(ids.length, 'deployment')} that no longer exist${ids.length === 1 ? 's' : ''}`,
          why:
            `No deployment has the id ${ids.map(inertText).join(', ')} any more. The role grants nothing there, ` +
            'but every review still lists it as access; remove the id so the assignment says what it grants.',
          fix: fixFor(principal, gone),
        },
      ];
    });
  },
};
