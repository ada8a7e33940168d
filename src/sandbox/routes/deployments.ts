/**
 * Hosted deployments: `GET /api/v1/deployments` (the ESS spec's DeploymentsListResponse) lists what the calling key
 * may reach, `GET /api/v1/deployments/{id}` (DeploymentGetResponse) tells one's health, status and version, and the `/_sandbox/deployments/{id}` control takes one away the way a shutdown elsewhere would: role
 * assignments naming it stay behind, as they do in Elastic Cloud (the doctor's `deployment-gone` finds them).
 */
import type { Deployment, RoleAssignments } from '../../api/schemas.js';
import { callerOf, type RequestContext } from '../context.js';
import type { StoredDeployment } from '../model.js';
import { cloudError, ok } from '../reply.js';
import { isOrganizationOwner } from '../role-assignments.js';
import { one, type Route } from '../router.js';

type R = Route<RequestContext>;

/** The listing: every resource carries the deployment's region; dependants name the cluster they belong to. */
export function deploymentWire(deployment: StoredDeployment): Deployment {
  const cluster = deployment.resources.find((r) => r.kind === 'elasticsearch');
  return {
    id: deployment.id,
    name: deployment.name,
    resources: deployment.resources.map((r) => ({
      ref_id: r.ref_id,
      id: r.id,
      kind: r.kind,
      region: deployment.region,
      ...(r.kind === 'elasticsearch'
        ? { cloud_id: `${deployment.name}:${Buffer.from(`${deployment.region}.example$${r.id}`).toString('base64')}` }
        : cluster
          ? { elasticsearch_cluster_ref_id: cluster.ref_id }
          : {}),
    })),
  };
}

type StoredPart = StoredDeployment['resources'][number];

/**
 * One part as DeploymentGetResponse has it: every field the spec requires of its `*ResourceInfo` and `info`, empty
 * where the sandbox has nothing to say (no instances, shards or links), and its current plan naming the version.
 */
function partInfo(deployment: StoredDeployment, part: StoredPart, cluster: StoredPart | undefined, at: string) {
  const plan = {
    healthy: part.healthy,
    history: [],
    current: {
      plan_attempt_id: `${part.id.slice(0, 8)}-plan`,
      healthy: true,
      attempt_start_time: at,
      attempt_end_time: at,
      plan_attempt_log: [],
      warnings: [],
      plan: { cluster_topology: [], [part.kind]: { version: deployment.version } },
    },
  };
  const common = {
    healthy: part.healthy,
    status: part.status,
    region: deployment.region,
    deployment_id: deployment.id,
    plan_info: plan,
    topology: { healthy: part.healthy, instances: [] },
    external_links: [],
  };
  const metadata = { version: 1, last_modified: at };
  const base = { ref_id: part.ref_id, id: part.id, region: deployment.region };
  if (part.kind === 'elasticsearch') {
    return {
      ...base,
      info: {
        ...common,
        cluster_id: part.id,
        cluster_name: deployment.name,
        metadata,
        elasticsearch: {
          healthy: part.healthy,
          blocking_issues: { healthy: true, cluster_level: [], index_level: [] },
          master_info: { healthy: true, masters: [], instances_with_no_master: [] },
          shard_info: { healthy: part.healthy, available_shards: [], unavailable_shards: [], unavailable_replicas: [] },
        },
        snapshots: { healthy: true, count: 0, recent_success: false },
        associated_kibana_clusters: [],
        associated_apm_clusters: [],
        associated_appsearch_clusters: [],
        associated_enterprise_search_clusters: [],
      },
    };
  }
  const target = { elasticsearch_cluster: { elasticsearch_id: cluster?.id ?? '' } };
  return {
    ...base,
    elasticsearch_cluster_ref_id: cluster?.ref_id ?? '',
    // Kibana's info names itself as a cluster; APM's and Integrations Server's by id and name.
    info:
      part.kind === 'kibana'
        ? { ...common, ...target, cluster_id: part.id, cluster_name: deployment.name, metadata }
        : { ...common, ...target, id: part.id, name: deployment.name },
  };
}

/** DeploymentGetResponse: overall healthy only when every part is. */
export function deploymentInfoWire(deployment: StoredDeployment, at: string) {
  const cluster = deployment.resources.find((r) => r.kind === 'elasticsearch');
  const ofKind = (kind: string) =>
    deployment.resources.filter((r) => r.kind === kind).map((r) => partInfo(deployment, r, cluster, at));
  return {
    id: deployment.id,
    name: deployment.name,
    healthy: deployment.resources.every((r) => r.healthy),
    resources: {
      elasticsearch: ofKind('elasticsearch'),
      kibana: ofKind('kibana'),
      apm: ofKind('apm'),
      appsearch: ofKind('appsearch'),
      enterprise_search: ofKind('enterprise_search'),
      integrations_server: ofKind('integrations_server'),
    },
  };
}

/** "The deployments that belong to the authenticated user": owners and `all: true` see all, ids see those. */
export function visibleTo(assignments: RoleAssignments, deployments: readonly StoredDeployment[]): StoredDeployment[] {
  if (isOrganizationOwner(assignments)) return [...deployments];
  const entries = assignments.deployment ?? [];
  if (entries.some((e) => e.all === true)) return [...deployments];
  const named = new Set(entries.flatMap((e) => e.deployment_ids ?? []));
  return deployments.filter((d) => named.has(d.id));
}

export const deploymentRoutes: readonly R[] = [
  {
    dialect: 'cloud',
    auth: 'cloud',
    method: 'GET',
    pattern: '/api/v1/deployments',
    handle: (ctx) => {
      const { key } = callerOf(ctx);
      return ok({ deployments: visibleTo(key.role_assignments, ctx.core.data.deployments).map(deploymentWire) });
    },
  },
  {
    dialect: 'cloud',
    auth: 'cloud',
    method: 'GET',
    pattern: '/api/v1/deployments/:id',
    handle: (ctx, { id }) => {
      const { key } = callerOf(ctx);
      const wanted = one(id!);
      // One the key may not see is as unknown to it as one that never existed.
      const found = visibleTo(key.role_assignments, ctx.core.data.deployments).find((d) => d.id === wanted);
      if (!found) throw cloudError(404, 'deployments.deployment_not_found', `Deployment ${wanted} not found`);
      return ok(deploymentInfoWire(found, ctx.core.clock.now().toISOString()));
    },
  },
];

export const deploymentControlRoutes: readonly R[] = [
  {
    dialect: 'control',
    auth: 'none',
    method: 'DELETE',
    pattern: '/_sandbox/deployments/:id',
    handle: ({ core }, { id }) => {
      const gone = one(id!);
      const { data } = core;
      if (!data.deployments.some((d) => d.id === gone))
        throw cloudError(404, 'deployments.deployment_not_found', `deployment ${gone} not found`);
      data.deployments = data.deployments.filter((d) => d.id !== gone);
      return ok({});
    },
  },
];
