/**
 * The custom role builder's questions: name (role-name rules enforced as you type), description, target projects,
 * cluster privileges, index privilege entries (patterns and privileges; field security and DLS only when asked for
 * in the entries' menu), Kibana feature entries (features, level and where), and who to assign it to. Run-as is not
 * offered: Serverless refuses it.
 */
import type { Member } from '../../../src/api/schemas.js';
import { isConfirmed, roleReferences } from '../../../src/domain/confirm.js';
import { replaceActions, replaceWarning, roleDiff } from '../../../src/domain/role-replace.js';
import { validateRoleName } from '../../../src/domain/role-name.js';
import {
  KIBANA_FEATURES,
  privilegeProblem,
  SERVERLESS_CLUSTER_PRIVILEGES,
  SERVERLESS_INDEX_PRIVILEGES,
  type PrivilegeKind,
} from '../../../src/domain/privileges.js';
import type { Note, Option, Step } from '../../../components/wizard/model.js';
import { customRolesIn, projectName, type WizardEnv } from '../env.js';
import { assigneeConflicts, replacedIn, replacePhrase } from './draft.js';
import { entryLens, loopMenu, type LoopLens } from './loop.js';
import {
  descriptorOf,
  EMPTY_INDEX,
  EMPTY_KIBANA,
  isKibanaLevel,
  parseQuery,
  splitList,
  type IndexEntry,
  type KibanaEntry,
  type RoleValues,
} from './values.js';

type S = Step<RoleValues, WizardEnv>;

const INDICES: LoopLens<RoleValues, IndexEntry> = {
  items: (v) => v.indices,
  state: (v) => v.indexLoop ?? {},
  set: (v, indices, indexLoop) => ({ ...v, indices, indexLoop }),
  empty: EMPTY_INDEX,
  label: (e) => `${e.names || '(no patterns)'}: ${e.privileges.join(', ') || '(no privileges)'}${securityMark(e)}`,
};
const KIBANA: LoopLens<RoleValues, KibanaEntry> = {
  items: (v) => v.kibana,
  state: (v) => v.kibanaLoop ?? {},
  set: (v, kibana, kibanaLoop) => ({ ...v, kibana, kibanaLoop }),
  empty: EMPTY_KIBANA,
  label: (k) => `${k.features.join(', ') || '(no features)'} ${k.level} on ${k.spaces || '*'}`,
};
const index = entryLens(INDICES);
const kibana = entryLens(KIBANA);

const options = (names: readonly string[]): Option[] => names.map((n) => ({ id: n, label: n }));

/** What an entry's field security and document query add, in its label. */
function securityMark(e: IndexEntry): string {
  const fields = e.grant.trim() || e.except.trim() ? ' + FLS' : '';
  return `${fields}${e.query.trim() ? ' + DLS' : ''}`;
}

/** The Kibana level step's answer: the level, and whether it holds on every space or on chosen ones. */
const SPACES_CHOSEN = ':spaces';
const everySpace = (k: KibanaEntry) => k.spaces.trim() === '*';

/** A role read for editing may hold names the picker does not offer (a typo made elsewhere): say so, with a hint. */
const privilegeNotes = (kind: PrivilegeKind, names: readonly string[]) =>
  names.flatMap((name) => {
    const problem = privilegeProblem(kind, name);
    return problem ? [{ tone: 'danger' as const, text: `${problem}; Elasticsearch refuses the role with it` }] : [];
  });

function featureOptions(v: RoleValues, env: WizardEnv): Option[] {
  const types = new Set(env.snapshot.projects.filter((p) => v.projectIds.includes(p.id)).map((p) => p.type));
  const seen = new Map<string, Option>();
  for (const type of types)
    for (const f of KIBANA_FEATURES[type]) seen.set(f.id, { id: f.id, label: f.label, hint: f.id });
  return [...seen.values()];
}

/** Why a restricted role would change nothing or too much for the member (first: at 80 columns it must show), then the name. */
function assigneeHint(v: RoleValues, env: WizardEnv, m: Member): string {
  const owner = (m.role_assignments?.organization ?? []).some((a) => a.role_id === 'organization-admin');
  const why = owner
    ? 'organization owner (admin already)'
    : assigneeConflicts(v, env, m.user_id).length > 0
      ? 'would over-grant'
      : '';
  return [why, m.name].filter(Boolean).join(' · ');
}

/** Per replaced project: what changes against the role as it is now, and who holds it there; then the phrase. */
function replaceNotes(v: RoleValues, env: WizardEnv): Note[] {
  const next = descriptorOf(v);
  const perProject = replacedIn(v, env).flatMap((project): Note[] => {
    const holders = roleReferences(env.snapshot, project.id, v.name);
    const now = env.existingRole?.(project.id, v.name);
    const changes = now ? roleDiff(now, next) : undefined;
    // The first action line says what the warning already says.
    const [, ...details] = replaceActions(v.name, project, changes, holders);
    return [
      { tone: 'danger', text: replaceWarning(v.name, project, holders) },
      ...details.map((text): Note => ({ tone: text.startsWith('held by') ? 'warning' : 'accent', text: `  ${text}` })),
    ];
  });
  return [
    ...perProject,
    { tone: 'warning', text: `Type ${replacePhrase(v, env)} to confirm (exactly, case-sensitive)` },
  ];
}

const NAME_START = /[A-Za-z0-9]/;
const NAME_CHAR = /[A-Za-z0-9_.-]/;

export const ROLE_STEPS: readonly S[] = [
  {
    kind: 'text',
    id: 'name',
    concept: 'role-name-rules',
    title: 'Role name',
    when: (v) => v.mode === 'create',
    help: 'Letters, digits, "_", "-" and "."; it must begin with a letter or digit',
    placeholder: 'marketing-analyst',
    accept: (ch, current) => (current === '' ? NAME_START : NAME_CHAR).test(ch),
    get: (v) => v.name,
    set: (v, name) => ({ ...v, name }),
    validate: (v) => validateRoleName(v.name),
  },
  {
    kind: 'text',
    id: 'description',
    concept: 'predefined-vs-custom',
    title: 'Description (optional)',
    placeholder: 'Read-only access to marketing indices',
    get: (v) => v.description,
    set: (v, description) => ({ ...v, description }),
  },
  {
    kind: 'multi',
    id: 'projects',
    concept: 'custom-role-per-project',
    title: 'In which projects? The same role is written to each',
    options: (_, env) => env.snapshot.projects.map((p) => ({ id: p.id, label: p.name, hint: `${p.type} · ${p.id}` })),
    get: (v) => v.projectIds,
    set: (v, projectIds) => ({ ...v, projectIds }),
    validate: (v) => (v.projectIds.length === 0 ? 'Choose at least one project (space to tick)' : undefined),
    notes: (v, env) =>
      v.projectIds
        .filter((id) => customRolesIn(env, id).includes(v.name))
        .map((id) => ({
          tone: 'warning' as const,
          text: `${v.name} already exists in ${projectName(env, id)}: the PUT replaces it there`,
        })),
    summary: (v, env) => v.projectIds.map((id) => projectName(env, id)).join(', '),
  },
  {
    kind: 'multi',
    id: 'cluster',
    concept: 'cluster-privileges',
    title: 'Cluster privileges (those valid on Serverless)',
    options: () => options(SERVERLESS_CLUSTER_PRIVILEGES),
    get: (v) => v.cluster,
    set: (v, cluster) => ({ ...v, cluster }),
    notes: (v) => privilegeNotes('cluster', v.cluster),
  },
  {
    kind: 'text',
    id: 'index-names',
    concept: 'index-privileges',
    title: 'Index privileges: on which indices? (comma-separated patterns)',
    help: 'Empty: no index privileges (an entry emptied here is removed)',
    when: index.starting,
    placeholder: 'none, or e.g. marketing-*, logs-marketing',
    get: (v) => index.get(v).names,
    set: (v, names) => index.set(v, { names }),
    commit: index.dropIf((e) => splitList(e.names).length === 0),
    summary: (v) => (index.isEmpty(v) ? 'none' : ''),
  },
  {
    kind: 'multi',
    id: 'index-privileges',
    concept: 'index-privileges',
    title: 'Which privileges on those indices?',
    when: index.editing,
    options: () => options(SERVERLESS_INDEX_PRIVILEGES),
    get: (v) => index.get(v).privileges,
    set: (v, privileges) => index.set(v, { privileges }),
    notes: (v) => privilegeNotes('index', index.get(v).privileges),
    validate: (v) =>
      index.get(v).privileges.length === 0 ? 'Choose at least one privilege (space to tick)' : undefined,
    // Field security and the document query are asked only when chosen in the menu.
    next: () => 'indices',
    summary: () => '',
  },
  {
    kind: 'text',
    id: 'index-grant',
    concept: 'dls-fls',
    title: 'Field security: fields to grant (optional, comma-separated)',
    when: index.editing,
    placeholder: 'all fields',
    get: (v) => index.get(v).grant,
    set: (v, grant) => index.set(v, { grant }),
    summary: () => '',
  },
  {
    kind: 'text',
    id: 'index-except',
    concept: 'dls-fls',
    title: 'Field security: fields to hide (optional, comma-separated)',
    when: index.editing,
    placeholder: 'none',
    get: (v) => index.get(v).except,
    set: (v, except) => index.set(v, { except }),
    summary: () => '',
  },
  {
    kind: 'text',
    id: 'index-query',
    concept: 'dls-fls',
    title: 'Document-level security query (optional, JSON)',
    when: index.editing,
    help: 'Only documents matching it are visible, e.g. {"term":{"team":"marketing"}}',
    placeholder: 'all documents',
    get: (v) => index.get(v).query,
    set: (v, query) => index.set(v, { query }),
    validate: (v) => {
      const { query } = index.get(v);
      return query.trim() === '' || parseQuery(query) ? undefined : 'Not a JSON object: check quotes and braces';
    },
    next: () => 'indices',
    summary: () => '',
  },
  loopMenu(
    {
      id: 'indices',
      concept: 'index-privileges',
      title: 'Index privileges',
      firstSubStep: 'index-names',
      more: { label: (e) => `Field security or a document query: ${e.names}`, step: 'index-grant' },
    },
    INDICES,
  ),
  {
    kind: 'multi',
    id: 'kibana-features',
    concept: 'kibana-privileges',
    title: 'Kibana feature privileges: which features? (none ticked: no Kibana access)',
    help: 'Features differ per project type; the list is a starter, Kibana has the full one',
    when: kibana.starting,
    options: featureOptions,
    get: (v) => kibana.get(v).features,
    set: (v, features) => kibana.set(v, { features }),
    commit: kibana.dropIf((k) => k.features.length === 0),
    summary: (v) => (kibana.isEmpty(v) ? 'none' : ''),
  },
  {
    kind: 'choice',
    id: 'kibana-level',
    concept: 'kibana-privileges',
    title: 'Access to those features',
    when: kibana.editing,
    options: () => [
      { id: 'read', label: 'Read, in every space' },
      { id: 'all', label: 'All, in every space' },
      { id: `read${SPACES_CHOSEN}`, label: 'Read, in chosen spaces…' },
      { id: `all${SPACES_CHOSEN}`, label: 'All, in chosen spaces…' },
    ],
    get: (v) => {
      const k = kibana.get(v);
      return everySpace(k) ? k.level : `${k.level}${SPACES_CHOSEN}`;
    },
    set: (v, id) => {
      const [level, chosen] = id.split(':');
      if (!isKibanaLevel(level)) return v;
      const { spaces } = kibana.get(v);
      if (!chosen) return kibana.set(v, { level, spaces: '*' });
      return kibana.set(v, { level, spaces: spaces.trim() === '*' ? '' : spaces });
    },
    summary: () => '',
  },
  {
    kind: 'text',
    id: 'kibana-spaces',
    concept: 'kibana-privileges',
    title: 'In which spaces? (comma-separated space ids)',
    when: (v) => kibana.editing(v) && !everySpace(kibana.get(v)),
    placeholder: 'marketing, sales',
    get: (v) => kibana.get(v).spaces,
    set: (v, spaces) => kibana.set(v, { spaces }),
    validate: (v) => {
      const spaces = splitList(kibana.get(v).spaces);
      if (spaces.length === 0) return 'Enter at least one space id (or go back and choose every space)';
      return spaces.includes('*') && spaces.length > 1 ? '"*" already means every space: use it alone' : undefined;
    },
    summary: () => '',
  },
  loopMenu(
    {
      id: 'kibana',
      concept: 'kibana-privileges',
      title: 'Kibana feature privileges',
      firstSubStep: 'kibana-features',
    },
    KIBANA,
  ),
  {
    kind: 'multi',
    id: 'assignees',
    concept: 'custom-role-assignment',
    title: 'Assign it to members now? (optional)',
    help: 'Each gets <type>-viewer with application_roles: [this role] on the chosen projects; nothing else',
    // Who already holds a predefined role in the target projects shows here, before the review refuses it.
    options: (v, env) =>
      env.snapshot.members.map((m) => ({ id: m.user_id, label: m.email ?? m.user_id, hint: assigneeHint(v, env, m) })),
    get: (v) => v.assignees,
    set: (v, assignees) => ({ ...v, assignees }),
    notes: (v, env) =>
      v.assignees.flatMap((id) =>
        assigneeConflicts(v, env, id).map((text) => ({
          tone: 'warning' as const,
          text: `${env.snapshot.members.find((m) => m.user_id === id)?.email ?? id}: ${text}`,
        })),
      ),
    summary: (v, env) =>
      v.assignees.map((id) => env.snapshot.members.find((m) => m.user_id === id)?.email ?? id).join(', ') || 'nobody',
  },
  {
    kind: 'text',
    id: 'replace-confirm',
    concept: 'typed-confirmation',
    title: 'A role with this name exists there: the PUT replaces it whole, for everyone who holds it',
    help: 'What changes and who holds the role are listed below; type the phrase to replace it',
    when: (v, env) => replacedIn(v, env).length > 0,
    get: (v) => v.replaceConfirm ?? '',
    set: (v, replaceConfirm) => ({ ...v, replaceConfirm }),
    notes: replaceNotes,
    validate: (v, env) => {
      const phrase = replacePhrase(v, env);
      return isConfirmed(phrase, v.replaceConfirm ?? '') ? undefined : `Type exactly: ${phrase}`;
    },
    summary: (v, env) =>
      `replaces ${v.name} in ${replacedIn(v, env)
        .map((p) => p.name)
        .join(', ')}`,
  },
];
