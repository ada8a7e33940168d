/**
 * Which role assignments of a principal apply to a project, and which stack roles each one hands out there.
 * This is the one place that encodes the Serverless access model (cloud-api.md §4):
 * - a project entry applies through `project_ids` or `all: true` for its project type;
 * - an organization entry applies to every project, current and future;
 * - users get the stack role mapped from `role_id` unless `application_roles` is set, which replaces it;
 * - API keys get only `application_roles`, never anything from `role_id`.
 */
import {
  PROJECT_TYPES,
  type OrganizationRoleAssignment,
  type Project,
  type ProjectRoleAssignment,
  type ProjectType,
  type RoleAssignments,
} from '../../api/schemas.js';
import { findRole, ORGANIZATION_OWNER_ROLE_ID } from '../catalog.js';
import type { PrincipalKind } from './principal.js';
import { inheritsStackRoles } from './principal.js';

/** How an assignment comes to cover a project. */
export type ReachVia = 'project' | 'all-of-type' | 'organization' | 'org-owner';

/** Where the stack roles came from: mapped from the Cloud role, or named in `application_roles`. */
export type StackRoleSource = 'role_id' | 'application_roles';

/** One assignment that covers a project, with what it yields there. */
export interface Reach {
  readonly via: ReachVia;
  readonly roleId: string;
  readonly applicationRoles: readonly string[];
  /** The entry exactly as it appears in role_assignments (so a fix can DELETE precisely it). */
  readonly entry:
    | { readonly scope: 'organization'; readonly assignment: OrganizationRoleAssignment }
    | { readonly scope: ProjectType; readonly assignment: ProjectRoleAssignment };
  readonly stackRoles: readonly string[];
  readonly source: StackRoleSource;
  /** A short sentence for reason chains: "via elasticsearch-developer on all elasticsearch projects". */
  readonly text: string;
}

const listed = (roles: readonly string[] | undefined): readonly string[] => roles ?? [];

function projectEntryCovers(
  assignment: ProjectRoleAssignment,
  project: Project,
): 'project' | 'all-of-type' | undefined {
  if (assignment.all) return 'all-of-type';
  return assignment.project_ids?.includes(project.id) ? 'project' : undefined;
}

/**
 * What a project entry yields. Users: application_roles, else the stack role of role_id (when role_id belongs to
 * this project type). Keys: application_roles only.
 */
export function projectStackRoles(kind: PrincipalKind, assignment: ProjectRoleAssignment, type: ProjectType) {
  const applicationRoles = listed(assignment.application_roles);
  if (applicationRoles.length > 0) return { stackRoles: applicationRoles, source: 'application_roles' as const };
  const role = findRole(assignment.role_id);
  const mapped = inheritsStackRoles(kind) && role?.scope === type && role.stackRole ? [role.stackRole] : [];
  return { stackRoles: mapped, source: 'role_id' as const };
}

/**
 * What an organization entry yields in every project. Owners are "full admin over org, deployments, projects"
 * (catalog), so a user owner signs in to each project as `admin`. Other org roles (billing-admin) give no project
 * access at all and do not reach projects. An owner *key* reaches every project through the Cloud API but, keys never
 * inheriting, gets stack roles only from application_roles.
 */
function organizationReach(kind: PrincipalKind, assignment: OrganizationRoleAssignment) {
  const applicationRoles = listed(assignment.application_roles);
  if (applicationRoles.length > 0) {
    return { via: 'organization' as const, stackRoles: applicationRoles, source: 'application_roles' as const };
  }
  if (assignment.role_id !== ORGANIZATION_OWNER_ROLE_ID) return undefined;
  const stackRoles = inheritsStackRoles(kind) ? ['admin'] : [];
  return { via: 'org-owner' as const, stackRoles, source: 'role_id' as const };
}

function withApplicationRoles(roleId: string, applicationRoles: readonly string[]): string {
  return applicationRoles.length > 0 ? `${roleId} + application_roles [${applicationRoles.join(', ')}]` : roleId;
}

function projectReachText(via: 'project' | 'all-of-type', assignment: ProjectRoleAssignment, project: Project): string {
  const what = withApplicationRoles(assignment.role_id, listed(assignment.application_roles));
  return via === 'all-of-type' ? `via ${what} on all ${project.type} projects` : `via ${what} on ${project.name}`;
}

function organizationReachText(via: 'organization' | 'org-owner', applicationRoles: readonly string[]): string {
  return via === 'org-owner'
    ? `via organization owner (${ORGANIZATION_OWNER_ROLE_ID})`
    : `via org-scoped application_roles [${applicationRoles.join(', ')}]`;
}

/** Organization entries cover every project alike, so they need no project to be resolved. */
export function organizationReaches(kind: PrincipalKind, assignments: RoleAssignments): Reach[] {
  return (assignments.organization ?? []).flatMap((assignment): Reach[] => {
    const org = organizationReach(kind, assignment);
    if (!org) return [];
    return [
      {
        via: org.via,
        roleId: assignment.role_id,
        applicationRoles: listed(assignment.application_roles),
        entry: { scope: 'organization', assignment },
        stackRoles: org.stackRoles,
        source: org.source,
        text: organizationReachText(org.via, listed(assignment.application_roles)),
      },
    ];
  });
}

/** Every assignment of `assignments` that covers `project`, in role_assignments order (organization first). */
export function reachesOf(kind: PrincipalKind, assignments: RoleAssignments, project: Project): Reach[] {
  // Plain loops: the doctor and the matrix ask this for thousands of principal and project pairs.
  const reaches = assignments.organization ? organizationReaches(kind, assignments) : [];
  for (const assignment of assignments.project?.[project.type] ?? []) {
    const via = projectEntryCovers(assignment, project);
    if (!via) continue;
    const { stackRoles, source } = projectStackRoles(kind, assignment, project.type);
    reaches.push({
      via,
      roleId: assignment.role_id,
      applicationRoles: listed(assignment.application_roles),
      entry: { scope: project.type, assignment },
      stackRoles,
      source,
      text: projectReachText(via, assignment, project),
    });
  }
  return reaches;
}

/** An assignment that will also cover projects created later (org-scoped, or `all: true` for a type). */
export interface FutureReach {
  readonly scope: 'organization' | ProjectType;
  readonly stackRoles: readonly string[];
  readonly text: string;
}

/** Assignments that hand out stack roles in projects that do not exist yet. */
export function futureReachesOf(kind: PrincipalKind, assignments: RoleAssignments): FutureReach[] {
  const organization = (assignments.organization ?? []).flatMap((assignment): FutureReach[] => {
    const org = organizationReach(kind, assignment);
    if (!org || org.stackRoles.length === 0) return [];
    const text = `${organizationReachText(org.via, listed(assignment.application_roles))} also covers every future project`;
    return [{ scope: 'organization', stackRoles: org.stackRoles, text }];
  });
  const perType = PROJECT_TYPES.flatMap((type) =>
    (assignments.project?.[type] ?? [])
      .filter((a) => a.all)
      .flatMap((assignment): FutureReach[] => {
        const { stackRoles } = projectStackRoles(kind, assignment, type);
        if (stackRoles.length === 0) return [];
        const what = withApplicationRoles(assignment.role_id, listed(assignment.application_roles));
        return [
          { scope: type, stackRoles, text: `via ${what} on all ${type} projects also covers future ${type} projects` },
        ];
      }),
  );
  return [...organization, ...perType];
}

/** Every `application_roles` list anywhere in the assignments (organization, deployment, project). */
export function allApplicationRoles(assignments: RoleAssignments): string[] {
  const lists = [
    ...(assignments.organization ?? []).map((a) => a.application_roles),
    ...(assignments.deployment ?? []).map((a) => a.application_roles),
    ...PROJECT_TYPES.flatMap((type) => (assignments.project?.[type] ?? []).map((a) => a.application_roles)),
  ];
  return lists.flatMap((roles) => roles ?? []);
}
