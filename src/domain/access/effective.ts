/**
 * What a principal can actually do: Cloud roles at organization and deployment level, and in every project of the
 * snapshot the stack roles they sign in with, each with the chain of assignments that gives it.
 */
import type { Project, ProjectType, RoleAssignments } from '../../api/schemas.js';
import { friendlyRoleName } from '../catalog.js';
import type { OrgSnapshot } from '../org.js';
import { allApplicationRoles, futureReachesOf, reachesOf, type FutureReach, type Reach } from './reach.js';
import { roleExistence } from './role-existence.js';
import { principalRef, roleAssignmentsOf, type Principal, type PrincipalRef } from './principal.js';

export interface ProjectRef {
  readonly id: string;
  readonly name: string;
  readonly type: ProjectType;
}

/** granted: in effect; missing: a custom role the project does not have (grants nothing); unknown: not loaded. */
export type RoleStatus = 'granted' | 'missing' | 'unknown';

export interface StackRoleGrant {
  readonly name: string;
  readonly origin: 'predefined' | 'custom';
  readonly status: RoleStatus;
  /** Every assignment that names or maps to this role here. */
  readonly reasons: readonly Reach[];
}

export interface ProjectAccess {
  readonly project: ProjectRef;
  /**
   * Every assignment that covers the project. Non-empty means at least Cloud console / Cloud API access there,
   * even when no stack role results.
   */
  readonly reaches: readonly Reach[];
  readonly roles: readonly StackRoleGrant[];
  readonly missingCustomRoles: readonly string[];
  readonly unknownCustomRoles: readonly string[];
  /**
   * Users only: a predefined role mapped from role_id and a custom role both apply here, and since roles combine
   * as a union, the predefined one (usually broader) defeats the restriction the custom role was meant to give.
   */
  readonly overGrant: boolean;
}

export interface CloudRole {
  readonly roleId: string;
  readonly label: string;
  readonly scope: 'organization' | 'deployment';
  /** Deployment roles only: which deployments. */
  readonly deployments?: 'all' | readonly string[];
}

export interface EffectiveAccess {
  readonly principal: PrincipalRef;
  readonly cloudRoles: readonly CloudRole[];
  readonly projects: readonly ProjectAccess[];
  /** Keys only: no application_roles anywhere, so every Elasticsearch or Kibana call answers 403. */
  readonly cloudOnly: boolean;
  readonly futureProjects: readonly FutureReach[];
}

export function projectRef(project: Project): ProjectRef {
  return { id: project.id, name: project.name, type: project.type };
}

function cloudRolesOf(assignments: RoleAssignments): CloudRole[] {
  const organization = (assignments.organization ?? []).map((a): CloudRole => ({
    roleId: a.role_id,
    label: friendlyRoleName(a.role_id),
    scope: 'organization',
  }));
  const deployment = (assignments.deployment ?? []).map((a): CloudRole => ({
    roleId: a.role_id,
    label: friendlyRoleName(a.role_id),
    scope: 'deployment',
    deployments: a.all ? 'all' : (a.deployment_ids ?? []),
  }));
  return [...organization, ...deployment];
}

function grantsFrom(snapshot: OrgSnapshot, project: Project, reaches: readonly Reach[]): StackRoleGrant[] {
  const byName = new Map<string, Reach[]>();
  for (const reach of reaches) {
    for (const name of reach.stackRoles) {
      const reasons = byName.get(name);
      if (reasons) reasons.push(reach);
      else byName.set(name, [reach]);
    }
  }
  return [...byName].map(([name, reasons]) => {
    const existence = roleExistence(snapshot, project, name);
    const status: RoleStatus = existence === 'missing' ? 'missing' : existence === 'unknown' ? 'unknown' : 'granted';
    return { name, origin: existence === 'predefined' ? 'predefined' : 'custom', status, reasons };
  });
}

function isOverGrant(principal: Principal, roles: readonly StackRoleGrant[]): boolean {
  if (principal.kind === 'key') return false;
  // An owner is meant to have everything; only a *project* role mapped from role_id counts as the accidental part.
  const mappedProjectRole = roles.some(
    (r) =>
      r.origin === 'predefined' &&
      r.reasons.some((reason) => reason.source === 'role_id' && reason.via !== 'org-owner'),
  );
  const customRole = roles.some((r) => r.origin === 'custom' && r.status !== 'missing');
  return mappedProjectRole && customRole;
}

export function projectAccess(snapshot: OrgSnapshot, principal: Principal, project: Project): ProjectAccess {
  const reaches = reachesOf(principal.kind, roleAssignmentsOf(principal), project);
  const roles = grantsFrom(snapshot, project, reaches);
  return {
    project: projectRef(project),
    reaches,
    roles,
    missingCustomRoles: roles.filter((r) => r.status === 'missing').map((r) => r.name),
    unknownCustomRoles: roles.filter((r) => r.status === 'unknown').map((r) => r.name),
    overGrant: isOverGrant(principal, roles),
  };
}

export function effectiveAccess(snapshot: OrgSnapshot, principal: Principal): EffectiveAccess {
  const assignments = roleAssignmentsOf(principal);
  return {
    principal: principalRef(principal),
    cloudRoles: cloudRolesOf(assignments),
    projects: snapshot.projects.map((project) => projectAccess(snapshot, principal, project)),
    cloudOnly: principal.kind === 'key' && allApplicationRoles(assignments).length === 0,
    futureProjects: futureReachesOf(principal.kind, assignments),
  };
}
