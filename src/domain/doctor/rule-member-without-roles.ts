import { PROJECT_TYPES, type RoleAssignments } from '../../api/schemas.js';
import { principalRef } from '../access/index.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';

function hasAnyRole(assignments: RoleAssignments): boolean {
  return (
    (assignments.organization?.length ?? 0) > 0 ||
    (assignments.deployment?.length ?? 0) > 0 ||
    PROJECT_TYPES.some((type) => (assignments.project?.[type]?.length ?? 0) > 0)
  );
}

/**
 * Info: usually an onboarding left half-way (the custom-role flow invites without roles and assigns afterwards), or a
 * leaver whose roles were removed but who is still a member.
 */
export const memberWithoutRoles: Rule = {
  id: 'member-without-roles',
  summary: 'member with no role anywhere',
  check: ({ snapshot }) =>
    snapshot.members
      .filter((member) => !hasAnyRole(member.role_assignments ?? {}))
      .map((member): Finding => {
        const principal = principalRef({ kind: 'member', member });
        return {
          id: principalFindingId('member-without-roles', principal),
          rule: 'member-without-roles',
          severity: 'info',
          principal,
          title: `${principal.label} has no role anywhere`,
          why:
            'They can sign in to the organization but see no project or deployment. Assign the roles they need, or ' +
            'remove them from the organization if they have left.',
          fix: { kind: 'assign-member-roles', userId: member.user_id },
        };
      }),
};
