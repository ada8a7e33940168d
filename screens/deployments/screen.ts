/**
 * Hosted deployments, and for each one who can reach it and why: organization owners, deployment roles on all
 * deployments, and roles naming it, for members, open invitations and unexpired Cloud API keys alike
 * (src/domain/deployments.ts decides; this file only lays it out).
 *
 * The listing (`GET /deployments`) gives each deployment's name, id and parts with their region, which is all the
 * list shows; its version, health and each part's status come only from `GET /deployments/{id}`, one request per
 * deployment, so the details load them when a row is selected or opened (as a project's custom roles load).
 */
import type { Deployment, DeploymentInfo } from '../../src/api/schemas.js';
import type { PrincipalRef } from '../../src/domain/access/index.js';
import {
  deploymentRegion,
  deploymentState,
  whoCanReachDeployment,
  type DeploymentHolder,
  type DeploymentPartState,
  type DeploymentVia,
} from '../../src/domain/deployments.js';
import { dataOf, type Resource } from '../../src/state/resource.js';
import { blank, field, heading, line, tone, type Line } from '../../src/ui/lines.js';
import { byText, defineScreen, type ScreenContext } from '../../src/ui/screen-def.js';
import { padColumns, textWidth } from '../../src/ui/text-width.js';
import { inertText } from '../../src/util/inert-text.js';
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

/** Version, health and status lines, honest about a load still under way or one that failed. */
function stateLines(info: Resource<DeploymentInfo> | undefined, ctx: ScreenContext): Line[] {
  const { symbols } = ctx;
  const data = dataOf(info);
  if (!data) {
    if (info?.status !== 'error') {
      const waiting = tone('muted', 'loading…');
      return [field('Version', waiting), field('Health', waiting)];
    }
    return [
      field('Version', tone('muted', 'unknown')),
      field(
        'Health',
        tone('danger', `${symbols.fail} could not be read: ${info.error.message}`),
        info.error.hint ? tone('muted', ` (${info.error.hint})`) : undefined,
      ),
    ];
  }
  const state = deploymentState(data);
  const sick = state.parts.filter((p) => !p.healthy).map((p) => p.kind);
  return [
    field('Version', state.version ?? tone('muted', 'unknown')),
    field(
      'Health',
      state.healthy
        ? tone('success', `${symbols.ok} healthy`)
        : tone('danger', `${symbols.fail} unhealthy${sick.length > 0 ? `: ${sick.join(', ')}` : ''}`),
      // The last answer stays on screen; a refresh that failed says so beside it.
      info?.status === 'error' && tone('muted', ` (refresh failed: ${info.error.message})`),
    ),
    field('Status', state.status ?? tone('muted', 'unknown')),
  ];
}

/**
 * The parts as a small table: kind, ref_id, then what the details say of each once they are in (version, status,
 * health), then its id, muted (cut first when the terminal is narrow).
 */
function partLines(parts: Deployment['resources'], known: readonly DeploymentPartState[], ctx: ScreenContext): Line[] {
  const rows = parts.map((part) => ({
    kind: inertText(part.kind),
    refId: inertText(part.ref_id),
    id: part.id,
    state: known.find((p) => p.kind === part.kind && p.refId === part.ref_id),
  }));
  const widest = (texts: readonly string[]) => Math.max(0, ...texts.map(textWidth));
  const kindWidth = widest(rows.map((r) => r.kind));
  const refWidth = widest(rows.map((r) => r.refId));
  const versionWidth = widest(rows.map((r) => r.state?.version ?? '?'));
  const statusWidth = widest(rows.map((r) => r.state?.status ?? ''));
  return rows.map(({ kind, refId, id, state }) =>
    line(
      '  ',
      tone('muted', padColumns(kind, kindWidth)),
      '  ',
      padColumns(refId, refWidth),
      ...(state
        ? [
            '  ',
            padColumns(state.version ?? '?', versionWidth),
            '  ',
            padColumns(state.status, statusWidth),
            ' ',
            state.healthy ? tone('success', ctx.symbols.ok) : tone('danger', `${ctx.symbols.fail} unhealthy`),
          ]
        : []),
      tone('muted', `  ${id}`),
    ),
  );
}

export function deploymentDetails(deployment: Deployment, ctx: ScreenContext): Line[] {
  const info = ctx.data.deploymentInfo.get(deployment.id);
  const loaded = dataOf(info);
  const known = loaded ? deploymentState(loaded).parts : [];
  return [
    heading(deployment.name),
    field('Id', deployment.id),
    field('Region', deploymentRegion(deployment) ?? tone('muted', 'unknown')),
    ...stateLines(info, ctx),
    blank,
    heading('Parts'),
    ...partLines(deployment.resources, known, ctx),
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
  refresh: [DEPLOYMENTS, 'deploymentInfo'],
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
  onDetails: (r, loaders) => loaders.ensureDeployment(r.id),
});
