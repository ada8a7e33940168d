/**
 * Hosted deployments: `GET /api/v1/deployments` (the ESS spec's DeploymentsListResponse) lists what the calling key
 * may reach, and the `/_sandbox/deployments/{id}` control takes one away the way a shutdown elsewhere would: role
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
