/**
 * Project role grants for people (invite, edit a member): a loop of "add a project role" → type → projects (or all
 * of the type) → a role valid for that type, predefined or custom. A custom role becomes the canonical assignment:
 * `<type>-viewer` carrying `application_roles: [name]`.
 */
import { PROJECT_TYPES, type ProjectType } from '../../src/api/schemas.js';
import type { FlatAssignment } from '../../src/domain/assignments.js';
import { friendlyRoleName, rolesForScope, viewerRoleId } from '../../src/domain/catalog.js';
import type { Option, Step } from '../../components/wizard/model.js';
import { customRolesIn, projectName, projectsOfType, TYPE_LABEL, type WizardEnv } from './env.js';

export interface Grant {
  readonly type: ProjectType;
  /** Every project of the type, present and future. */
  readonly all: boolean;
  readonly projectIds: readonly string[];
  /** A wire role_id (`elasticsearch-developer`) or `custom:<name>`. */
  readonly role: string;
}

/** The grant being added; `index` is its slot in `grants`, so choosing again after `esc` replaces it. */
export interface GrantDraft {
  readonly index: number;
  readonly type?: ProjectType;
  readonly targets: readonly string[];
}

export interface WithGrants {
  readonly grants: readonly Grant[];
  readonly draft?: GrantDraft;
  /** The menu's last answer was "done" (a removal shows the menu again instead). */
  readonly grantsDone?: boolean;
}

const ALL = 'all';
const CUSTOM = 'custom:';

export const customName = (role: string) => (role.startsWith(CUSTOM) ? role.slice(CUSTOM.length) : undefined);

export function grantLabel(g: Grant, env: WizardEnv): string {
  const where = g.all ? `all ${g.type} projects` : g.projectIds.map((id) => projectName(env, id)).join(', ');
  const custom = customName(g.role);
  return `${custom ? `custom role ${custom}` : friendlyRoleName(g.role)} on ${where}`;
}

export function grantRow(g: Grant, organizationId: string): FlatAssignment {
  const custom = customName(g.role);
  return {
    scope: 'project',
    type: g.type,
    organizationId,
    all: g.all,
    ids: g.all ? [] : [...g.projectIds],
    roleId: custom ? viewerRoleId(g.type) : g.role,
    applicationRoles: custom ? [custom] : [],
  };
}

function roleOptions(draft: GrantDraft, env: WizardEnv): Option[] {
  const type = draft.type!;
  const predefined = rolesForScope(type).map((r) => ({ id: r.id, label: r.label, hint: r.description }));
  const where = draft.targets.includes(ALL) ? projectsOfType(env, type).map((p) => p.id) : draft.targets;
  const names = [...new Set(where.flatMap((id) => customRolesIn(env, id)))].sort();
  const custom = names.map((name) => {
    const missing = where.filter((id) => !customRolesIn(env, id).includes(name));
    const hint =
      missing.length > 0
        ? `custom · missing in ${missing.map((id) => projectName(env, id)).join(', ')}`
        : 'custom role';
    return { id: `${CUSTOM}${name}`, label: name, hint };
  });
  return [...predefined, ...custom];
}

export function grantSteps<V extends WithGrants>(prefix: string, title: string): Step<V, WizardEnv>[] {
  const menu = `${prefix}-menu`;
  const drafting = (v: V) => v.draft !== undefined;
  const setDraft = (v: V, change: Partial<GrantDraft>): V => ({ ...v, draft: { ...v.draft!, ...change } });
  return [
    {
      kind: 'choice',
      id: menu,
      concept: 'predefined-roles',
      title,
      options: (v, env) => [
        { id: 'done', label: v.grants.length === 0 ? 'No project roles' : 'Done with project roles' },
        { id: 'add', label: 'Add a project role…' },
        ...v.grants.map((g, i) => ({ id: `remove:${i}`, label: `Remove: ${grantLabel(g, env)}` })),
      ],
      // Outside an entry the answer is "done": the cursor rests there, and a pre-fill passes the menu.
      get: (v) => (v.draft ? undefined : 'done'),
      set: (v, id) => {
        if (id === 'add') return { ...v, draft: { index: v.grants.length, targets: [] }, grantsDone: false };
        if (id.startsWith('remove:')) {
          return {
            ...v,
            grants: v.grants.filter((_, i) => i !== Number(id.slice(7))),
            draft: undefined,
            grantsDone: false,
          };
        }
        return { ...v, draft: undefined, grantsDone: true };
      },
      next: (v) => (v.draft ? `${prefix}-type` : v.grantsDone ? undefined : menu),
      summary: (v, env) => (v.grants.length === 0 ? 'none' : v.grants.map((g) => grantLabel(g, env)).join('; ')),
    },
    {
      kind: 'choice',
      id: `${prefix}-type`,
      concept: 'role-id-prefix',
      title: 'Which kind of project?',
      when: drafting,
      options: (_, env) =>
        PROJECT_TYPES.map((t) => ({ id: t, label: TYPE_LABEL[t], hint: `${projectsOfType(env, t).length} projects` })),
      get: (v) => v.draft?.type,
      set: (v, id) => {
        const type = PROJECT_TYPES.find((t) => t === id);
        return type ? setDraft(v, { type, targets: v.draft?.type === type ? v.draft.targets : [] }) : v;
      },
      summary: () => '',
    },
    {
      kind: 'multi',
      id: `${prefix}-projects`,
      concept: 'project-role-scope',
      title: 'On which projects?',
      when: drafting,
      help: '"All" also covers projects created later',
      options: (v, env) => [
        { id: ALL, label: `All ${v.draft?.type} projects`, hint: 'present and future' },
        ...projectsOfType(env, v.draft!.type!).map((p) => ({ id: p.id, label: p.name, hint: p.id })),
      ],
      get: (v) => v.draft?.targets ?? [],
      set: (v, ids) => setDraft(v, { targets: ids }),
      validate: (v) => {
        const t = v.draft?.targets ?? [];
        if (t.length === 0) return 'Choose at least one project (space to tick)';
        return t.includes(ALL) && t.length > 1 ? '"All" already covers every project: untick the others' : undefined;
      },
      summary: () => '',
    },
    {
      kind: 'choice',
      id: `${prefix}-role`,
      concept: 'custom-role-assignment',
      title: 'Which role?',
      when: drafting,
      help: 'Only roles valid for this kind of project; custom roles replace the stack role on sign-in',
      options: (v, env) => roleOptions(v.draft!, env),
      get: (v) => v.grants[v.draft!.index]?.role,
      set: (v, role) => {
        const d = v.draft!;
        const all = d.targets.includes(ALL);
        const grant: Grant = { type: d.type!, all, projectIds: all ? [] : d.targets, role };
        const grants = [...v.grants];
        grants[d.index] = grant;
        return { ...v, grants };
      },
      next: () => menu,
      summary: () => '',
    },
  ];
}
