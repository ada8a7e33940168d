/**
 * Hosted deployments, and for each one who can reach it and why: organization owners, deployment roles on all
 * deployments, and roles naming it, for members, open invitations and unexpired Cloud API keys alike
 * (src/domain/deployments.ts decides; this file only lays it out).
 *
 * The listing (`GET /deployments`) gives each deployment's name, id and parts with their region; its version and
 * health come only from `GET /deployments/{id}`, one request per deployment, so the list does not show them.
 */
import type { Deployment } from '../../src/api/schemas.js';
import type { PrincipalRef } from '../../src/domain/access/index.js';
import {
  deploymentRegion,
  whoCanReachDeployment,
  type DeploymentHolder,
  type DeploymentVia,
} from '../../src/domain/deployments.js';
import { dataOf } from '../../src/state/resource.js';
import { blank, field, heading, line, tone, type Line } from '../../src/ui/lines.js';
import { byText, defineScreen, type ScreenContext } from '../../src/ui/screen-def.js';
import { API_KEYS, DEPLOYMENTS, INVITATIONS, listOf, MEMBERS } from '../../src/state/lists.js';

export interface DeploymentRow {
  readonly id: string;
  readonly deployment: Deployment;
  readonly region: string;
  /** The kinds of its parts, in listing order ("elasticsearch, kibana"). */
  readonly parts: string;
  /** How many principals reach it; undefined until the organization is loaded. */
  readonly reach: number | undefined;
}

const GROUPS: ReadonlyArray<readonly [PrincipalRef['kind'], string]> = [
  ['member', 'Members'],
  ['invitation', 'Pending invitations'],
  ['key', 'Cloud API keys'],
];

const VIA_TONE: Record<DeploymentVia, 'danger' | 'warning' | 'muted'> = {
  owner: 'danger',
  all: 'warning',
  direct: 'muted',
};

/** Principals in first-seen order, each with every assignment through which it reaches the deployment. */
function byPrincipal(holders: readonly DeploymentHolder[]): Map<string, DeploymentHolder[]> {
  const out = new Map<string, DeploymentHolder[]>();
  for (const holder of holders) {
    const key = `${holder.principal.kind}:${holder.principal.id}`;
    out.set(key, [...(out.get(key) ?? []), holder]);
  }
  return out;
}

function reachLines(deployment: Deployment, ctx: ScreenContext): Line[] {
  if (!ctx.snapshot) return [line(tone('muted', '  loading…'))];
  const grouped = [...byPrincipal(whoCanReachDeployment(ctx.snapshot, deployment.id)).values()];
  return GROUPS.flatMap(([kind, title]) => {
    const holders = grouped.filter((h) => h[0]?.principal.kind === kind);
    return [
      line('  ', tone('title', `${title} (${holders.length})`)),
      ...(holders.length === 0 ? [line(tone('muted', '    none'))] : []),
      ...holders.map((reaches) =>
        line(
          '    ',
          (reaches[0]?.principal.label ?? '').padEnd(28),
          ' ',
          ...reaches.flatMap((r, i) => [...(i > 0 ? ['; '] : []), tone(VIA_TONE[r.via], r.reason)]),
        ),
      ),
    ];
  });
}

export function deploymentDetails(deployment: Deployment, ctx: ScreenContext): Line[] {
  return [
    heading(deployment.name),
    field('Id', deployment.id),
    field('Region', deploymentRegion(deployment) ?? tone('muted', 'unknown')),
    blank,
    heading('Parts'),
    ...deployment.resources.map((r) => field(`  ${r.kind}`, r.ref_id, tone('muted', `  ${r.id}`))),
    blank,
    heading('Who can reach this deployment, and why'),
    ...reachLines(deployment, ctx),
  ];
}

export function deploymentRows(ctx: ScreenContext): DeploymentRow[] {
  const reached = (id: string) => ctx.snapshot && byPrincipal(whoCanReachDeployment(ctx.snapshot, id)).size;
  return (dataOf(listOf(ctx.data, DEPLOYMENTS)) ?? []).map((deployment) => ({
    id: deployment.id,
    deployment,
    region: deploymentRegion(deployment) ?? '',
    parts: deployment.resources.map((r) => r.kind).join(', '),
    reach: reached(deployment.id),
  }));
}

export const deploymentsScreen = defineScreen<DeploymentRow>({
  id: 'deployments',
  sources: (data) => [{ noun: 'deployments', resource: listOf(data, DEPLOYMENTS) }],
  refresh: [DEPLOYMENTS],
  // Who reaches a deployment follows members, invitations and keys too.
  deps: (data) => [
    listOf(data, DEPLOYMENTS),
    listOf(data, MEMBERS),
    listOf(data, INVITATIONS),
    listOf(data, API_KEYS),
    data.organization,
  ],
  rows: deploymentRows,
  columns: [
    { header: 'NAME', width: 16, grow: 1, text: (r) => r.deployment.name, searchable: true },
    { header: 'REGION', width: 16, text: (r) => r.region, searchable: true },
    { header: 'PARTS', width: 14, grow: 1, text: (r) => r.parts },
    { header: 'REACH', width: 5, text: (r) => (r.reach === undefined ? '…' : String(r.reach)) },
    { header: 'ID', width: 12, text: (r) => r.id, searchable: true },
  ],
  sorts: [
    { label: 'name', compare: (a, b) => byText(a.deployment.name, b.deployment.name) },
    { label: 'region', compare: (a, b) => byText(a.region, b.region) || byText(a.deployment.name, b.deployment.name) },
    { label: 'reach', compare: (a, b) => (b.reach ?? 0) - (a.reach ?? 0) },
  ],
  empty: 'No hosted deployments this key can see.',
  detailsTitle: (r) => `Deployment: ${r.deployment.name}`,
  details: (r, ctx) => deploymentDetails(r.deployment, ctx),
});
