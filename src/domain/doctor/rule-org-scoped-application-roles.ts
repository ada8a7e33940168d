import { activePrincipals, organizationReaches, principalRef, roleAssignmentsOf } from '../access/index.js';
import { removeAssignmentsFix } from './assignment-fix.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';

export const orgScopedApplicationRoles: Rule = {
  id: 'org-scoped-application-roles',
  summary: 'organization-scoped application_roles: stack access to every current and future project',
  check: ({ snapshot }) =>
    activePrincipals(snapshot).flatMap((principal): Finding[] => {
      const grants = organizationReaches(principal.kind, roleAssignmentsOf(principal)).filter(
        (r) => r.source === 'application_roles',
      );
      if (grants.length === 0) return [];
      const ref = principalRef(principal);
      const roles = [...new Set(grants.flatMap((g) => g.applicationRoles))];
      return [
        {
          id: principalFindingId('org-scoped-application-roles', ref),
          rule: 'org-scoped-application-roles',
          severity: 'warning',
          principal: ref,
          title: `${ref.label} has [${roles.join(', ')}] on every project, including future ones`,
          why:
            'Organization-scoped application_roles are the broadest data-plane scope: any project created later is ' +
            'covered at once, without anyone deciding it. Prefer project-scoped entries (specific projects, or all projects of a type).',
          fix: removeAssignmentsFix(principal, grants),
        },
      ];
    }),
};
