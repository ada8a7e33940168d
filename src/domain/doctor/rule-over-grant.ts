import { principalRef } from '../access/index.js';
import { removeAssignmentsFix } from './assignment-fix.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';
import { customRoleHolderAccess } from './reached-projects.js';

export const overGrant: Rule = {
  id: 'over-grant',
  summary: 'a predefined project role and a custom role on the same project for one user (union over-grants)',
  check: (context) =>
    // Over-granting takes a custom role (see reached-projects.ts for who can have one, and where).
    customRoleHolderAccess(context).flatMap(({ principal, projects, accesses }) =>
      projects.flatMap((project, i): Finding[] => {
        const access = accesses[i]!;
        if (!access.overGrant) return [];
        const predefined = access.roles.filter((r) => r.origin === 'predefined');
        const custom = access.roles.filter((r) => r.origin === 'custom' && r.status !== 'missing').map((r) => r.name);
        // The culprit: assignments whose predefined role is mapped from role_id (an owner's admin is intended).
        const culprits = predefined
          .flatMap((r) => r.reasons)
          .filter((r) => r.source === 'role_id' && r.via !== 'org-owner');
        const wide = culprits.some((r) => r.via === 'all-of-type')
          ? ` Removing the all-${project.type}-projects assignment also removes that role on the other ${project.type} projects.`
          : '';
        const ref = principalRef(principal);
        return [
          {
            id: principalFindingId('over-grant', ref, project.id),
            rule: 'over-grant',
            severity: 'warning',
            principal: ref,
            projectId: project.id,
            title: `${ref.label} gets ${predefined.map((r) => r.name).join(', ')} on top of [${custom.join(', ')}] on ${project.name}`,
            why:
              'Roles combine as a union when the user signs in, so the predefined role defeats the restriction the custom ' +
              'role was meant to give. A custom role already grants Viewer-level console access; the separate predefined ' +
              `assignment is not needed.${wide}`,
            fix: removeAssignmentsFix(principal, culprits),
          },
        ];
      }),
    ),
};
