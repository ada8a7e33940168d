/**
 * One row per grant: who (principal), where (organization, a project, deployments), which role, how the
 * assignment reaches there, and until when. Built on the effective-access model (../access), so a review says
 * exactly what the matrix shows: an owner reaches every project as admin, a key gets only its application_roles.
 * Names from the API are made inert once, here, so every format (and every file a reviewer opens) starts from text
 * that cannot drive a terminal or read backwards.
 */
import { PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../../api/schemas.js';
import { friendlyRoleName, ORGANIZATION_OWNER_ROLE_ID } from '../catalog.js';
import {
  activePrincipals,
  activeProjectKeys,
  coveredPositions,
  grantingDescriptors,
  organizationReaches,
  projectIndex,
  projectKeyPrivileges,
  reachesOf,
  roleAssignmentsOf,
  roleExistence,
  type Principal,
  type ProjectIndex,
  type ProjectKeyHolder,
} from '../access/index.js';
import type { ReachVia } from '../access/index.js';
import { deploymentNamer } from '../deployments.js';
import type { OrgSnapshot } from '../org.js';
import { inertText } from '../../util/inert-text.js';
import { PRINCIPAL_KIND_ORDER, type GrantPrincipal, type GrantSource } from './principals.js';

export type ScopeKind = 'organization' | 'project' | 'deployment';
export type ScopeType = 'organization' | ProjectType | 'deployment';

export interface GrantScope {
  readonly kind: ScopeKind;
  /** Organization id, project id, deployment id, or `*` for every deployment. */
  readonly id: string;
  readonly name: string;
  readonly type: ScopeType;
}

/** direct: the entry names this scope; all: `all: true`; organization: org-scoped application_roles; owner. */
export type GrantedVia = 'direct' | 'all' | 'organization' | 'owner';

/** A principal as listed in an export, grants or not (so a diff tells "lost its roles" from "gone"). */
export interface ReviewPrincipal extends GrantPrincipal {
  readonly expires_at: string | null;
}

export interface AccessGrant {
  readonly principal: GrantPrincipal;
  readonly scope: GrantScope;
  /** The Cloud role_id as stored (type-prefixed). */
  readonly role_id: string;
  readonly role: string;
  readonly application_roles: readonly string[];
  /** Stack roles the principal signs in with there (projects only). */
  readonly stack_roles: readonly string[];
  /** Custom roles named there that the project does not have: they grant nothing. */
  readonly missing_roles: readonly string[];
  readonly via: GrantedVia;
  /** Key expiry, invitation expiry; null for members and keys that never expire. */
  readonly expires_at: string | null;
  /** Project API keys only: what their role descriptors allow (`cluster: …`, `<indices>: …`, `<app>: …`). */
  readonly privileges?: readonly string[];
}

const VIA: Record<ReachVia, GrantedVia> = {
  project: 'direct',
  'all-of-type': 'all',
  organization: 'organization',
  'org-owner': 'owner',
};

export const ALL_DEPLOYMENTS = '*';

function principalOf(principal: Principal): { who: GrantPrincipal; expires: string | null } {
  switch (principal.kind) {
    case 'member': {
      const { member } = principal;
      const identity = inertText(member.email ?? member.name ?? member.user_id);
      return { who: { kind: 'member', id: member.user_id, identity }, expires: null };
    }
    case 'invitation': {
      const email = inertText(principal.invitation.email);
      return { who: { kind: 'invitation', id: email, identity: email }, expires: principal.invitation.expires_at };
    }
    case 'key': {
      const { key } = principal;
      const who: GrantPrincipal = { kind: 'cloud-key', id: key.id, identity: inertText(key.description) };
      return { who, expires: key.expiration_date ?? null };
    }
  }
}

interface RowBase {
  readonly principal: GrantPrincipal;
  readonly expires_at: string | null;
}

function organizationGrants(snapshot: OrgSnapshot, base: RowBase, assignments: RoleAssignments): AccessGrant[] {
  const scope: GrantScope = {
    kind: 'organization',
    id: snapshot.organization.id,
    name: inertText(snapshot.organization.name),
    type: 'organization',
  };
  return (assignments.organization ?? []).map((a) => ({
    principal: base.principal,
    scope,
    role_id: a.role_id,
    role: friendlyRoleName(a.role_id),
    application_roles: a.application_roles ?? [],
    stack_roles: [],
    missing_roles: [],
    via: a.role_id === ORGANIZATION_OWNER_ROLE_ID ? 'owner' : 'direct',
    expires_at: base.expires_at,
  }));
}

function deploymentGrants(snapshot: OrgSnapshot, base: RowBase, assignments: RoleAssignments): AccessGrant[] {
  const nameOf = deploymentNamer(snapshot.deployments);
  return (assignments.deployment ?? []).flatMap((a) => {
    const ids = a.all ? [ALL_DEPLOYMENTS] : (a.deployment_ids ?? []);
    return ids.map((id): AccessGrant => ({
      principal: base.principal,
      // Named from the deployment list; an id it does not hold (gone, or hidden from the key) stays the id.
      scope: {
        kind: 'deployment',
        id,
        name: id === ALL_DEPLOYMENTS ? 'all deployments' : inertText(nameOf(id)),
        type: 'deployment',
      },
      role_id: a.role_id,
      role: friendlyRoleName(a.role_id),
      application_roles: a.application_roles ?? [],
      stack_roles: [],
      missing_roles: [],
      via: a.all ? 'all' : 'direct',
      expires_at: base.expires_at,
    }));
  });
}

/** The projects (with their scopes, made once per review and shared by their rows) and an index of them by type. */
interface ReviewProjects {
  readonly scopes: readonly GrantScope[];
  readonly index: ProjectIndex;
}

function reviewProjects(snapshot: OrgSnapshot): ReviewProjects {
  return {
    scopes: snapshot.projects.map((p) => ({ kind: 'project', id: p.id, name: inertText(p.name), type: p.type })),
    index: projectIndex(snapshot.projects),
  };
}

/**
 * Positions of the projects where `reachesOf` can find something, in project order: every project when an
 * organization entry reaches (it reaches everywhere), else those the project entries cover. Asking only these
 * gives the same rows as asking all 300 projects for each of 10,000 principals.
 */
function candidatePositions(principal: Principal, assignments: RoleAssignments, projects: ReviewProjects): number[] {
  if (organizationReaches(principal.kind, assignments).length > 0)
    return projects.scopes.map((_, position) => position);
  const covered = new Set<number>();
  for (const type of PROJECT_TYPES)
    for (const entry of assignments.project?.[type] ?? [])
      for (const position of coveredPositions(projects.index, type, entry)) covered.add(position);
  return [...covered].sort((a, b) => a - b);
}

function projectGrants(
  snapshot: OrgSnapshot,
  projects: ReviewProjects,
  principal: Principal,
  base: RowBase,
): AccessGrant[] {
  const assignments = roleAssignmentsOf(principal);
  const grants: AccessGrant[] = [];
  for (const position of candidatePositions(principal, assignments, projects)) {
    const project = projects.index.projects[position]!;
    const scope = projects.scopes[position]!;
    for (const reach of reachesOf(principal.kind, assignments, project))
      grants.push({
        principal: base.principal,
        scope,
        role_id: reach.roleId,
        role: friendlyRoleName(reach.roleId),
        application_roles: reach.applicationRoles,
        stack_roles: reach.stackRoles,
        missing_roles: reach.stackRoles.filter((name) => roleExistence(snapshot, project, name) === 'missing'),
        via: VIA[reach.via],
        expires_at: base.expires_at,
      });
  }
  return grants;
}

/** Members, open invitations and live Cloud API keys: everything held through role_assignments. */
const roleAssignmentGrants: GrantSource<ReviewPrincipal, AccessGrant> = (snapshot) => {
  const principals: ReviewPrincipal[] = [];
  const grants: AccessGrant[] = [];
  const projects = reviewProjects(snapshot);
  for (const principal of activePrincipals(snapshot)) {
    const { who, expires } = principalOf(principal);
    const base: RowBase = { principal: who, expires_at: expires };
    const assignments = roleAssignmentsOf(principal);
    principals.push({ ...who, expires_at: expires });
    grants.push(
      ...organizationGrants(snapshot, base, assignments),
      ...projectGrants(snapshot, projects, principal, base),
      ...deploymentGrants(snapshot, base, assignments),
    );
  }
  return { principals, grants };
};

/**
 * A project's own API key: one grant, on its project, with what its role descriptors allow. It holds no Cloud
 * role, so role_id names where its access comes from: its own `role_descriptors`, or (without any) `limited_by`,
 * its creator's privileges when it was made.
 */
function projectKeyGrant({ project, key }: ProjectKeyHolder): { principal: ReviewPrincipal; grant: AccessGrant } {
  const expires = key.expiration == null ? null : new Date(key.expiration).toISOString();
  const who: GrantPrincipal = { kind: 'project-key', id: key.id, identity: inertText(key.name ?? key.id) };
  const p = projectKeyPrivileges(key);
  const privileges = [...p.cluster.map((c) => `cluster: ${c}`), ...p.indices, ...p.applications].map(inertText);
  const allows = p.superuserLike ? 'superuser-like' : privileges.join('; ') || 'no privileges';
  return {
    principal: { ...who, expires_at: expires },
    grant: {
      principal: who,
      scope: { kind: 'project', id: project.id, name: inertText(project.name), type: project.type },
      role_id: p.inherited ? 'limited_by' : 'role_descriptors',
      role: `project API key: ${allows}`,
      application_roles: [],
      stack_roles: Object.keys(grantingDescriptors(key)).map(inertText),
      missing_roles: [],
      via: 'direct',
      expires_at: expires,
      privileges,
    },
  };
}

/** Project keys that still authenticate; none when the snapshot was loaded without them. */
const projectKeyGrants: GrantSource<ReviewPrincipal, AccessGrant> = (snapshot) => {
  const rows = activeProjectKeys(snapshot).map(projectKeyGrant);
  return { principals: rows.map((r) => r.principal), grants: rows.map((r) => r.grant) };
};

/** Every source of grants: role assignments (Cloud layer), then each project's own API keys. */
const GRANT_SOURCES: readonly GrantSource<ReviewPrincipal, AccessGrant>[] = [roleAssignmentGrants, projectKeyGrants];

const SCOPE_ORDER: readonly ScopeKind[] = ['organization', 'project', 'deployment'];

export function comparePrincipals(a: GrantPrincipal, b: GrantPrincipal): number {
  return (
    PRINCIPAL_KIND_ORDER.indexOf(a.kind) - PRINCIPAL_KIND_ORDER.indexOf(b.kind) ||
    compareText(a.identity, b.identity) ||
    compareText(a.id, b.id)
  );
}

/** The review order: principal kind, identity, id; then organization, projects by name, deployments; then role. */
export function compareGrants(a: AccessGrant, b: AccessGrant): number {
  return (
    comparePrincipals(a.principal, b.principal) ||
    SCOPE_ORDER.indexOf(a.scope.kind) - SCOPE_ORDER.indexOf(b.scope.kind) ||
    compareText(a.scope.name, b.scope.name) ||
    compareText(a.scope.id, b.scope.id) ||
    compareText(a.role_id, b.role_id) ||
    compareText(a.via, b.via)
  );
}

// Code-unit order, not localeCompare: the same on every machine, and fast on 10,000 members.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every principal that holds or will hold access (even with no grant left), and every grant, in review order. */
export function accessReview(snapshot: OrgSnapshot): { principals: ReviewPrincipal[]; grants: AccessGrant[] } {
  const parts = GRANT_SOURCES.map((source) => source(snapshot));
  return {
    principals: parts.flatMap((p) => p.principals).sort(comparePrincipals),
    grants: parts.flatMap((p) => p.grants).sort(compareGrants),
  };
}

export function accessGrants(snapshot: OrgSnapshot): AccessGrant[] {
  return accessReview(snapshot).grants;
}
