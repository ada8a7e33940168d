/**
 * `deployments list`: the hosted deployments the key can see, with where they run; with `--details` each one's
 * version and health (`GET /deployments/{id}`, one request per deployment: the listing has neither); with `--access`
 * who can reach each one and why (organization owners, `all: true` deployment roles, roles naming it; members,
 * invitations, keys).
 */
import type { CloudApi } from '../../api/client.js';
import type { Deployment } from '../../api/schemas.js';
import {
  deploymentRegion,
  deploymentState,
  whoCanReachDeployment,
  type DeploymentHolder,
  type DeploymentState,
} from '../../domain/deployments.js';
import { createLimiter } from '../../state/limit.js';
import { describeError } from '../../state/resource.js';
import { inertText } from '../../util/inert-text.js';
import type { CommandContext } from '../command-spec.js';
import { withSession } from './shared/connect.js';
import { createOutput, table } from './shared/output.js';
import { loadSnapshot } from './shared/snapshot.js';

export const DEPLOYMENTS_SCHEMA = 'ec-access/deployments@1';

function deploymentJson(deployment: Deployment) {
  return {
    id: deployment.id,
    name: deployment.name,
    region: deploymentRegion(deployment) ?? null,
    resources: deployment.resources.map((r) => ({ kind: r.kind, ref_id: r.ref_id, id: r.id, region: r.region })),
  };
}

function detailsJson(state: DeploymentState) {
  return {
    healthy: state.healthy,
    status: state.status ?? null,
    version: state.version ?? null,
    parts: state.parts.map((p) => ({
      kind: p.kind,
      ref_id: p.refId,
      region: p.region,
      status: p.status,
      healthy: p.healthy,
      version: p.version ?? null,
    })),
  };
}

/** Deployments read at once with `--details`, as the TUI reads per-project details. */
const DETAILS_CONCURRENCY = 8;

type Read = { readonly state: DeploymentState } | { readonly reason: string };

async function readDetails(
  cloud: Pick<CloudApi, 'getDeployment'>,
  deployments: readonly Deployment[],
): Promise<Map<string, Read>> {
  const limit = createLimiter(DETAILS_CONCURRENCY);
  const read = await Promise.all(
    deployments.map((d) =>
      limit(async (): Promise<[string, Read]> => {
        try {
          return [d.id, { state: deploymentState(await cloud.getDeployment(d.id)) }];
        } catch (error) {
          return [d.id, { reason: describeError(error).message }];
        }
      }),
    ),
  );
  return new Map(read);
}

function holderJson(holder: DeploymentHolder) {
  const { kind, id, label } = holder.principal;
  // An invitation's token is a secret (and its only id): it is named by its email, as the access review does.
  const shownId = kind === 'invitation' ? label : id;
  return { principal: { kind, id: shownId, label }, role_id: holder.roleId, role: holder.role, via: holder.via };
}

export async function deploymentsList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const withAccess = ctx.values.access === true;
  const withDetails = ctx.values.details === true;
  return withSession(ctx, async (session) => {
    let deployments: readonly Deployment[];
    let access: (id: string) => DeploymentHolder[] = () => [];
    if (withAccess) {
      const snapshot = await loadSnapshot(session, { deployments: true });
      deployments = snapshot.deployments ?? [];
      access = (id) => whoCanReachDeployment(snapshot, id);
    } else {
      deployments = await session.cloud.listDeployments();
    }
    const details = withDetails ? await readDetails(session.cloud, deployments) : new Map<string, Read>();
    const stateOf = (id: string) => {
      const read = details.get(id);
      return read && 'state' in read ? read.state : undefined;
    };
    const unreadable = deployments.flatMap((d) => {
      const read = details.get(d.id);
      return read && 'reason' in read ? [{ id: d.id, name: d.name, reason: read.reason }] : [];
    });
    for (const u of unreadable) out.note(`deployment ${u.name}: details not readable: ${inertText(u.reason)}`);
    out.result(
      {
        schema: DEPLOYMENTS_SCHEMA,
        deployments: deployments.map((d) => {
          const state = stateOf(d.id);
          return {
            ...deploymentJson(d),
            details: state ? detailsJson(state) : null,
            access: withAccess ? access(d.id).map(holderJson) : null,
          };
        }),
        unreadable,
      },
      () => {
        const health = (id: string) => {
          const state = stateOf(id);
          if (!state) return 'unreadable';
          return state.healthy ? 'healthy' : 'unhealthy';
        };
        const list = table(
          ['NAME', 'REGION', ...(withDetails ? ['VERSION', 'HEALTH'] : []), 'PARTS', 'ID'],
          deployments.map((d) => [
            d.name,
            inertText(deploymentRegion(d) ?? '-'),
            ...(withDetails ? [inertText(stateOf(d.id)?.version ?? '-'), health(d.id)] : []),
            inertText(d.resources.map((r) => r.kind).join(',')),
            inertText(d.id),
          ]),
          '(no deployments this key can see)',
        );
        if (!withAccess) return list;
        const rows = deployments.flatMap((d) =>
          access(d.id).map((h) => [d.name, h.principal.kind, h.principal.label, h.role, h.via]),
        );
        return `${list}\n\n${table(['DEPLOYMENT', 'KIND', 'WHO', 'ROLE', 'HOW'], rows, '(nobody)')}`;
      },
    );
    return 0;
  });
}
