/**
 * Where a custom role can turn up: the principals and projects the rules about custom roles (over-grant,
 * missing-custom-role) need to look at. Checking every principal in every project is 3 million pairs at 10,000
 * members and 300 projects; these are the few thousand that can matter.
 * - Only `application_roles` name custom roles: a `role_id` maps to a predefined role of its own project type, and
 *   an owner's `admin` is predefined in every type. A principal without application_roles has no custom role.
 * - A project no assignment covers gives no role at all. Coverage follows access/reach.ts: an organization entry
 *   covers every project, a project entry the projects of its own type that it lists, or all of them with `all`.
 * test/domain/doctor/reached-projects.test.ts holds both claims against access/ on random organizations.
 */
import { PROJECT_TYPES, type Project, type RoleAssignments } from '../../api/schemas.js';
import {
  activePrincipals,
  coveredPositions,
  organizationReaches,
  projectAccess,
  projectIndex,
  roleAssignmentsOf,
  type Principal,
  type ProjectAccess,
  type ProjectIndex,
} from '../access/index.js';
import type { OrgSnapshot } from '../org.js';
import type { DoctorContext } from './finding.js';

/** The projects some assignment of `principal` covers, in the order of the index's project list. */
export function reachedProjects(index: ProjectIndex, principal: Principal): Project[] {
  const assignments = roleAssignmentsOf(principal);
  if (organizationReaches(principal.kind, assignments).length > 0) return [...index.projects];
  const positions = new Set<number>();
  for (const type of PROJECT_TYPES) {
    for (const entry of assignments.project?.[type] ?? []) {
      for (const position of coveredPositions(index, type, entry)) positions.add(position);
    }
  }
  return [...positions].sort((a, b) => a - b).map((position) => index.projects[position]!);
}

export interface CustomRoleHolder {
  readonly principal: Principal;
  /** The projects it reaches, in snapshot order. */
  readonly projects: readonly Project[];
}

/** Some organization or project entry names application_roles (deployment entries never reach a project). */
function namesApplicationRoles(assignments: RoleAssignments): boolean {
  const named = (entry: { readonly application_roles?: readonly string[] | undefined }) =>
    (entry.application_roles?.length ?? 0) > 0;
  return (
    (assignments.organization ?? []).some(named) ||
    PROJECT_TYPES.some((type) => (assignments.project?.[type] ?? []).some(named))
  );
}

/** The active principals that may hold a custom role somewhere, in activePrincipals order. */
export function customRoleHolders(snapshot: OrgSnapshot): CustomRoleHolder[] {
  const index = projectIndex(snapshot.projects);
  return activePrincipals(snapshot)
    .filter((principal) => namesApplicationRoles(roleAssignmentsOf(principal)))
    .map((principal) => ({ principal, projects: reachedProjects(index, principal) }));
}

export interface CustomRoleHolderAccess extends CustomRoleHolder {
  /** projectAccess in each of `projects`, in the same order. */
  readonly accesses: readonly ProjectAccess[];
}

/**
 * Both custom-role rules (over-grant, missing-custom-role) read every holder's access in every project it reaches,
 * some 5,500 pairs at 10,000 members: worked out once per doctor run, kept by the context the run hands every rule
 * (doctorSteps), so it goes with the run instead of living as long as the snapshot.
 */
const accessByRun = new WeakMap<DoctorContext, readonly CustomRoleHolderAccess[]>();

/** customRoleHolders, with each one's access in the projects it reaches. */
export function customRoleHolderAccess(context: DoctorContext): readonly CustomRoleHolderAccess[] {
  let holders = accessByRun.get(context);
  if (!holders) {
    const { snapshot } = context;
    holders = customRoleHolders(snapshot).map((holder) => ({
      ...holder,
      accesses: holder.projects.map((project) => projectAccess(snapshot, holder.principal, project)),
    }));
    accessByRun.set(context, holders);
  }
  return holders;
}
