/**
 * Hosted deployments in the access model: how an id is named for display, and who can reach a deployment and why.
 * A deployment is reached by an organization owner (`organization-admin`: "full admin over org, deployments,
 * projects"), by a deployment role with `all: true`, or by one whose `deployment_ids` name it; members, open
 * invitations and unexpired Cloud API keys alike. Billing admins and project roles reach no deployment.
 */
import {
  DEPLOYMENT_PART_KINDS,
  type Deployment,
  type DeploymentInfo,
  type DeploymentPartKind,
  type DeploymentRoleAssignment,
  type RoleAssignments,
} from '../api/schemas.js';
import { activePrincipals, principalRef, roleAssignmentsOf, type PrincipalRef } from './access/index.js';
import { friendlyRoleName, ORGANIZATION_OWNER_ROLE_ID } from './catalog.js';
import type { OrgSnapshot } from './org.js';

/** owner: the organization owner role; all: a deployment role with `all: true`; direct: `deployment_ids` names it. */
export type DeploymentVia = 'owner' | 'all' | 'direct';

export interface DeploymentHolder {
  readonly principal: PrincipalRef;
  /** The role_id as stored (`organization-admin`, `deployment-viewer`, …). */
  readonly roleId: string;
  readonly role: string;
  readonly via: DeploymentVia;
  /** One line saying how the assignment reaches the deployment. */
  readonly reason: string;
}

/** Where a deployment runs: its Elasticsearch cluster's region (every part shares it), else its first part's. */
export function deploymentRegion(deployment: Deployment): string | undefined {
  const cluster = deployment.resources.find((r) => r.kind === 'elasticsearch');
  return (cluster ?? deployment.resources[0])?.region;
}

/** One part as `GET /deployments/{id}` reports it. */
export interface DeploymentPartState {
  readonly kind: DeploymentPartKind;
  readonly refId: string;
  readonly region: string;
  /** The spec's cluster status: started, stopped, initializing, reconfiguring, … */
  readonly status: string;
  readonly healthy: boolean;
  /** Its current plan's version; undefined when no plan is current (a part still being created). */
  readonly version: string | undefined;
}

export interface DeploymentState {
  /** The deployment's own verdict: false when any part is unhealthy. */
  readonly healthy: boolean;
  /** The Elasticsearch cluster's version (what "the deployment's version" means in the console), else a part's. */
  readonly version: string | undefined;
  /** The Elasticsearch cluster's status. */
  readonly status: string | undefined;
  readonly region: string | undefined;
  readonly parts: readonly DeploymentPartState[];
}

/** What a deployment's details say of its health and version, from its DeploymentGetResponse. */
export function deploymentState(info: DeploymentInfo): DeploymentState {
  const parts = DEPLOYMENT_PART_KINDS.flatMap((kind) =>
    info.resources[kind].map((part) => ({
      kind,
      refId: part.ref_id,
      region: part.region,
      status: part.info.status,
      healthy: part.info.healthy,
      version: part.info.plan_info.current?.plan?.[kind]?.version,
    })),
  );
  const cluster = parts.find((p) => p.kind === 'elasticsearch');
  return {
    healthy: info.healthy,
    version: cluster?.version ?? parts.find((p) => p.version)?.version,
    status: cluster?.status,
    region: (cluster ?? parts[0])?.region,
    parts,
  };
}

/**
 * Names deployment ids for display: the deployment's name where the list has it, the bare id otherwise (a deployment
 * the key cannot see, or one that no longer exists). Ids are returned as stored; whatever prints them cleans them.
 */
export function deploymentNamer(deployments: readonly Deployment[] | undefined): (id: string) => string {
  const names = new Map((deployments ?? []).map((d) => [d.id, d.name]));
  return (id) => names.get(id) ?? id;
}

function reachOf(entry: DeploymentRoleAssignment, deploymentId: string): DeploymentVia | undefined {
  if (entry.all === true) return 'all';
  return (entry.deployment_ids ?? []).includes(deploymentId) ? 'direct' : undefined;
}

const REASON: Record<DeploymentVia, (role: string) => string> = {
  owner: () => 'organization owner: every deployment',
  all: (role) => `${role} on all deployments`,
  direct: (role) => `${role} on this deployment`,
};

/** How one principal's assignments reach a deployment, one entry per granting assignment. */
export function deploymentReaches(
  principal: PrincipalRef,
  assignments: RoleAssignments,
  deploymentId: string,
): DeploymentHolder[] {
  const owner = (assignments.organization ?? []).filter((a) => a.role_id === ORGANIZATION_OWNER_ROLE_ID);
  const grants = [
    ...owner.map((a) => ({ roleId: a.role_id, via: 'owner' as const })),
    ...(assignments.deployment ?? []).flatMap((a) => {
      const via = reachOf(a, deploymentId);
      return via ? [{ roleId: a.role_id, via }] : [];
    }),
  ];
  return grants.map(({ roleId, via }) => {
    const role = friendlyRoleName(roleId);
    return { principal, roleId, role, via, reason: REASON[via](role) };
  });
}

/** Every member, open invitation and unexpired key that can reach the deployment, in snapshot order. */
export function whoCanReachDeployment(snapshot: OrgSnapshot, deploymentId: string): DeploymentHolder[] {
  return activePrincipals(snapshot).flatMap((principal) =>
    deploymentReaches(principalRef(principal), roleAssignmentsOf(principal), deploymentId),
  );
}

/** A deployment entry that names ids the deployment list does not hold. */
export interface GoneDeploymentIds {
  /** The entry as stored, so a fix can remove exactly its gone ids. */
  readonly entry: DeploymentRoleAssignment;
  readonly goneIds: readonly string[];
}

/** Entries naming deployments that are not in `known` (ids of every deployment there is). */
export function goneDeploymentIds(assignments: RoleAssignments, known: ReadonlySet<string>): GoneDeploymentIds[] {
  return (assignments.deployment ?? []).flatMap((entry) => {
    if (entry.all === true) return [];
    const goneIds = (entry.deployment_ids ?? []).filter((id) => !known.has(id));
    return goneIds.length > 0 ? [{ entry, goneIds }] : [];
  });
}
