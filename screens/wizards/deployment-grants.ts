/**
 * Hosted deployment role grants, shared by the invite, member-roles and key wizards: a loop of "add a deployment
 * role" → role → all deployments (present and future) or chosen ones → the deployments, by name. A grant is one
 * `deployment` entry on the wire: `all: true`, or the chosen `deployment_ids`.
 */
import type { FlatAssignment } from '../../src/domain/assignments.js';
import { friendlyRoleName, rolesForScope } from '../../src/domain/catalog.js';
import { deploymentRegion } from '../../src/domain/deployments.js';
import { inertText } from '../../src/util/inert-text.js';
import type { Note, Option, Step } from '../../components/wizard/model.js';
import { deploymentLabel, plural, type WizardEnv } from './env.js';

export interface DeploymentGrant {
  /** deployment-viewer, deployment-editor or deployment-admin. */
  readonly role: string;
  /** Every deployment, present and future. */
  readonly all: boolean;
  readonly deploymentIds: readonly string[];
}

/** The grant being added; `index` is its slot in `deploymentGrants`, so answering again after `esc` replaces it. */
export interface DeploymentDraft {
  readonly index: number;
  readonly role?: string;
  readonly scope?: 'all' | 'chosen';
  readonly ids: readonly string[];
}

export interface WithDeploymentGrants {
  readonly deploymentGrants: readonly DeploymentGrant[];
  readonly deploymentDraft?: DeploymentDraft;
  /** The menu's last answer was "done" (a removal shows the menu again instead). */
  readonly deploymentsDone?: boolean;
}

export const NO_DEPLOYMENT_GRANTS: WithDeploymentGrants = { deploymentGrants: [] };

export const ALL_DEPLOYMENTS_TEXT = 'all deployments, including ones created later';

export function deploymentGrantLabel(g: DeploymentGrant, env: WizardEnv): string {
  const where = g.all ? ALL_DEPLOYMENTS_TEXT : g.deploymentIds.map((id) => deploymentLabel(env, id)).join(', ');
  return `${friendlyRoleName(g.role)} on ${where}`;
}

export function deploymentGrantRow(g: DeploymentGrant, organizationId: string): FlatAssignment {
  return {
    scope: 'deployment',
    organizationId,
    all: g.all,
    ids: g.all ? [] : [...g.deploymentIds],
    roleId: g.role,
    applicationRoles: [],
  };
}

/** A stored deployment entry as a grant; undefined when it carries application_roles, which the wizards do not set. */
export function deploymentGrantOf(row: FlatAssignment): DeploymentGrant | undefined {
  if (row.scope !== 'deployment' || row.applicationRoles.length > 0) return undefined;
  return { role: row.roleId, all: row.all, deploymentIds: row.all ? [] : [...row.ids] };
}

/**
 * Stored deployment entries as grants, leaving out ids of deployments that no longer exist (the server refuses
 * them): each loss is said in `caveats`. Without a loaded deployment list every id is kept as it is.
 */
export function deploymentGrantsFrom(
  rows: readonly FlatAssignment[],
  env: WizardEnv,
  caveats: string[],
): DeploymentGrant[] {
  const known = env.snapshot.deployments ? new Set(env.snapshot.deployments.map((d) => d.id)) : undefined;
  return rows.flatMap((row): DeploymentGrant[] => {
    if (row.scope !== 'deployment') return [];
    const grant = deploymentGrantOf(row);
    if (!grant) {
      caveats.push(
        `${friendlyRoleName(row.roleId)} on deployments carries application_roles [${row.applicationRoles.join(', ')}], which the wizard does not set: it is pre-filled without them.`,
      );
    }
    const base = grant ?? { role: row.roleId, all: row.all, deploymentIds: row.all ? [] : [...row.ids] };
    if (base.all || !known) return [base];
    const gone = base.deploymentIds.filter((id) => !known.has(id));
    if (gone.length === 0) return [base];
    const kept = base.deploymentIds.filter((id) => known.has(id));
    caveats.push(
      `Deployment${gone.length === 1 ? '' : 's'} ${gone.map(inertText).join(', ')} no longer exist${gone.length === 1 ? 's' : ''}: ` +
        `${friendlyRoleName(base.role)} is pre-filled ${kept.length > 0 ? `without ${gone.length === 1 ? 'it' : 'them'}` : 'nowhere else, so it is left out'}.`,
    );
    return kept.length > 0 ? [{ ...base, deploymentIds: kept }] : [];
  });
}

/** What the scope step says when no deployment can be chosen by name. */
function nothingToChoose(env: WizardEnv): string | undefined {
  const { deployments } = env.snapshot;
  if (!deployments)
    return 'The deployment list is not loaded (the key may not list deployments; r reloads): none can be chosen by name, so only all deployments or none.';
  return deployments.length === 0
    ? 'This organization has no hosted deployments to choose from: only all deployments (which covers ones created later) or none.'
    : undefined;
}

function deploymentOptions(env: WizardEnv): Option[] {
  return (env.snapshot.deployments ?? []).map((d) => {
    const region = deploymentRegion(d);
    return { id: d.id, label: inertText(d.name), hint: inertText(region ? `${d.id} · ${region}` : d.id) };
  });
}

/** A muted line naming every deployment id in `rows`, for reading the request preview (its JSON has ids only). */
export function deploymentIdNotes(rows: readonly FlatAssignment[], env: WizardEnv): Note[] {
  const ids = [...new Set(rows.filter((r) => r.scope === 'deployment').flatMap((r) => r.ids))];
  if (ids.length === 0) return [];
  return [
    { tone: 'muted', text: `deployment_ids in the request: ${ids.map((id) => deploymentLabel(env, id)).join(', ')}` },
  ];
}

export interface DeploymentStepsExtra<V> {
  /** Whether the wizard asks about deployment roles at all (default: always). */
  readonly when?: (v: V) => boolean;
  readonly notes?: (v: V, env: WizardEnv) => readonly Note[];
  /** Checked when the menu is left with "done". */
  readonly validate?: (v: V) => string | undefined;
}

export function deploymentGrantSteps<V extends WithDeploymentGrants>(
  prefix: string,
  title: string,
  extra: DeploymentStepsExtra<V> = {},
): Step<V, WizardEnv>[] {
  const menu = `${prefix}-menu`;
  const asked = extra.when ?? (() => true);
  const drafting = (v: V) => asked(v) && v.deploymentDraft !== undefined;
  const setDraft = (v: V, change: Partial<DeploymentDraft>): V => ({
    ...v,
    deploymentDraft: { ...v.deploymentDraft!, ...change },
  });
  /** Writes the draft as the grant in its slot. */
  const commit = (v: V, draft: DeploymentDraft): V => {
    const grants = [...v.deploymentGrants];
    const all = draft.scope === 'all';
    grants[draft.index] = { role: draft.role!, all, deploymentIds: all ? [] : [...draft.ids] };
    return { ...v, deploymentGrants: grants, deploymentDraft: draft };
  };
  const dropDraft = (v: V): V => ({
    ...v,
    deploymentGrants: v.deploymentGrants.filter((_, i) => i !== v.deploymentDraft?.index),
    deploymentDraft: undefined,
  });
  return [
    {
      kind: 'choice',
      id: menu,
      concept: 'deployment-roles',
      title,
      help: 'Roles on Elastic Cloud Hosted deployments; they give nothing in Serverless projects',
      ...(extra.when ? { when: extra.when } : {}),
      options: (v, env) => [
        {
          id: 'done',
          label: v.deploymentGrants.length === 0 ? 'No deployment roles' : 'Done with deployment roles',
        },
        { id: 'add', label: 'Add a deployment role…' },
        ...v.deploymentGrants.map((g, i) => ({ id: `remove:${i}`, label: `Remove: ${deploymentGrantLabel(g, env)}` })),
      ],
      // Outside an entry the answer is "done": the cursor rests there, and a pre-fill passes the menu.
      get: (v) => (v.deploymentDraft ? undefined : 'done'),
      set: (v, id) => {
        if (id === 'add')
          return {
            ...v,
            deploymentDraft: { index: v.deploymentGrants.length, ids: [] },
            deploymentsDone: false,
          };
        if (id.startsWith('remove:')) {
          const at = Number(id.slice('remove:'.length));
          return {
            ...v,
            deploymentGrants: v.deploymentGrants.filter((_, i) => i !== at),
            deploymentDraft: undefined,
            deploymentsDone: false,
          };
        }
        return { ...v, deploymentDraft: undefined, deploymentsDone: true };
      },
      ...(extra.validate ? { validate: (v: V) => (v.deploymentsDone ? extra.validate!(v) : undefined) } : {}),
      ...(extra.notes ? { notes: extra.notes } : {}),
      next: (v) => (v.deploymentDraft ? `${prefix}-role` : v.deploymentsDone ? undefined : menu),
      summary: (v, env) =>
        v.deploymentGrants.length === 0
          ? 'none'
          : v.deploymentGrants.map((g) => deploymentGrantLabel(g, env)).join('; '),
    },
    {
      kind: 'choice',
      id: `${prefix}-role`,
      concept: 'deployment-roles',
      title: 'Which deployment role?',
      when: drafting,
      options: () => rolesForScope('deployment').map((r) => ({ id: r.id, label: r.label, hint: r.description })),
      get: (v) => v.deploymentDraft?.role ?? v.deploymentGrants[v.deploymentDraft?.index ?? -1]?.role,
      set: (v, role) => setDraft(v, { role }),
      summary: () => '',
    },
    {
      kind: 'choice',
      id: `${prefix}-scope`,
      concept: 'deployment-roles',
      title: 'On which deployments?',
      when: drafting,
      help: '"All deployments" is all: true: it also reaches every deployment created later',
      options: (_, env) => {
        const all = { id: 'all', label: 'All deployments', hint: 'every deployment, including ones created later' };
        if (nothingToChoose(env)) return [all, { id: 'none', label: 'None: do not add this role' }];
        const count = env.snapshot.deployments!.length;
        return [
          {
            id: 'chosen',
            label: 'Chosen deployments…',
            hint: `pick from ${plural(count, 'deployment')}; later ones are not covered`,
          },
          all,
        ];
      },
      notes: (_, env) => {
        const why = nothingToChoose(env);
        return why ? [{ tone: 'warning', text: why }] : [];
      },
      get: (v) => v.deploymentDraft?.scope,
      set: (v, id) => {
        if (id === 'none') return dropDraft(v);
        if (id !== 'all' && id !== 'chosen') return v;
        const draft = { ...v.deploymentDraft!, scope: id } as const;
        return id === 'all' ? commit(v, draft) : setDraft(v, { scope: id });
      },
      next: (v) => (v.deploymentDraft?.scope === 'chosen' ? undefined : menu),
      summary: () => '',
    },
    {
      kind: 'multi',
      id: `${prefix}-deployments`,
      concept: 'deployment-roles',
      title: 'Which deployments?',
      help: 'space ticks a deployment; enter continues',
      when: (v, env) => drafting(v) && v.deploymentDraft?.scope === 'chosen' && nothingToChoose(env) === undefined,
      options: (_, env) => deploymentOptions(env),
      get: (v) => v.deploymentDraft?.ids ?? [],
      set: (v, ids) => commit(v, { ...v.deploymentDraft!, ids }),
      validate: (v) =>
        (v.deploymentDraft?.ids.length ?? 0) === 0 ? 'Choose at least one deployment (space to tick)' : undefined,
      next: () => menu,
      summary: () => '',
    },
  ];
}
