import type { Project } from '../../api/schemas.js';
import { isPredefinedStackRole } from '../catalog.js';
import { principalRef, type Principal, type ProjectAccess, type Reach } from '../access/index.js';
import { removeAssignmentsFix } from './assignment-fix.js';
import { plural, principalFindingId, type Finding, type FixAction, type Rule } from './finding.js';
import { customRoleHolderAccess } from './reached-projects.js';

interface Gap {
  readonly projects: Project[];
  readonly reaches: Reach[];
}

/** role name → the projects where it names nothing, for one principal (only a custom role can be missing). */
function gapsOf(projects: readonly Project[], accesses: readonly ProjectAccess[]): Map<string, Gap> {
  const gaps = new Map<string, Gap>();
  for (const [i, project] of projects.entries()) {
    for (const role of accesses[i]!.roles) {
      if (role.status !== 'missing') continue;
      const gap = gaps.get(role.name) ?? { projects: [], reaches: [] };
      gap.projects.push(project);
      gap.reaches.push(...role.reasons);
      gaps.set(role.name, gap);
    }
  }
  return gaps;
}

/**
 * A solution's predefined role (developer) named where it does not exist (an observability project) cannot be
 * created there as a custom role with that reserved name; the assignment's scope is what is wrong.
 */
function fixFor(principal: Principal, roleName: string, gap: Gap): FixAction {
  return isPredefinedStackRole(roleName)
    ? removeAssignmentsFix(principal, gap.reaches)
    : { kind: 'create-custom-role', projectIds: gap.projects.map((p) => p.id), roleName };
}

export const missingCustomRole: Rule = {
  id: 'missing-custom-role',
  summary: 'application_roles naming a role that does not exist in a project it covers (silently no access there)',
  check: (context) =>
    customRoleHolderAccess(context).flatMap(({ principal, projects, accesses }) =>
      [...gapsOf(projects, accesses)].map(([roleName, gap]): Finding => {
        const ref = principalRef(principal);
        const names = gap.projects.map((p) => p.name).join(', ');
        return {
          id: principalFindingId('missing-custom-role', ref, roleName),
          rule: 'missing-custom-role',
          severity: 'warning',
          principal: ref,
          title: `"${roleName}" of ${ref.label} does not exist in ${names}`,
          why:
            `The role is named in application_roles but ${plural(gap.projects.length, 'project')} (${names}) ` +
            'have no role by that name, so it grants nothing there, without any error. ' +
            (isPredefinedStackRole(roleName)
              ? `"${roleName}" is predefined only in other project types: narrow the assignment to the projects where it exists.`
              : 'Create the role in those projects, or drop them from the assignment.'),
          fix: fixFor(principal, roleName, gap),
        };
      }),
    ),
};
