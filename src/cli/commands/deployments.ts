/**
 * `deployments list`: the hosted deployments the key can see, with where they run, and with `--access` who can reach
 * each one and why (organization owners, `all: true` deployment roles, roles naming it; members, invitations, keys).
 */
import type { Deployment } from '../../api/schemas.js';
import { deploymentRegion, whoCanReachDeployment, type DeploymentHolder } from '../../domain/deployments.js';
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

function holderJson(holder: DeploymentHolder) {
  const { kind, id, label } = holder.principal;
  // An invitation's token is a secret (and its only id): it is named by its email, as the access review does.
  const shownId = kind === 'invitation' ? label : id;
  return { principal: { kind, id: shownId, label }, role_id: holder.roleId, role: holder.role, via: holder.via };
}

export async function deploymentsList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const withAccess = ctx.values.access === true;
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
    out.result(
      {
        schema: DEPLOYMENTS_SCHEMA,
        deployments: deployments.map((d) => ({
          ...deploymentJson(d),
          access: withAccess ? access(d.id).map(holderJson) : null,
        })),
      },
      () => {
        const list = table(
          ['NAME', 'REGION', 'PARTS', 'ID'],
          deployments.map((d) => [
            d.name,
            inertText(deploymentRegion(d) ?? '-'),
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
