/** The fixed words of the request language: roles, project types, Kibana features, access levels, filler. */
import type { ProjectType } from '../../api/schemas.js';
import { PREDEFINED_ROLES, ORGANIZATION_OWNER_ROLE_ID } from '../catalog.js';

/** Words that carry no meaning of their own here; anything else must be understood or is reported. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'to',
  'as',
  'on',
  'in',
  'at',
  'into',
  'onto',
  'from',
  'of',
  'with',
  'the',
  'for',
  'a',
  'an',
  'and',
  'all',
  'every',
  'projects',
  'project',
  'key',
  'keys',
  'api',
  'access',
  'role',
  'roles',
  'please',
  'new',
  'me',
  'them',
  'their',
  'his',
  'her',
  'permission',
  'permissions',
  'rights',
  'using',
  'via',
  'only',
]);

/** After these a word is expected to be a project, so a near-miss is matched fuzzily rather than reported. */
export const PROJECT_PREPOSITIONS: ReadonlySet<string> = new Set([
  'on',
  'to',
  'in',
  'at',
  'from',
  'of',
  'into',
  'onto',
]);

export const TYPE_WORDS: Readonly<Record<string, ProjectType>> = {
  search: 'elasticsearch',
  elasticsearch: 'elasticsearch',
  es: 'elasticsearch',
  observability: 'observability',
  obs: 'observability',
  o11y: 'observability',
  security: 'security',
  sec: 'security',
  siem: 'security',
};

export const ORGANIZATION_WORDS: ReadonlySet<string> = new Set(['org', 'organization', 'organisation']);

/**
 * A role as named in a request: a project stack role (resolved per project type later) or an organization role.
 * Phrases are lists of words; "t1 analyst", "tier 1 analyst" and "t1_analyst" all name the same role.
 */
export type RoleWord =
  { readonly kind: 'stack'; readonly name: string } | { readonly kind: 'organization'; readonly roleId: string };

function stackRolePhrases(): [string[], RoleWord][] {
  const names = new Set(PREDEFINED_ROLES.flatMap((r) => (r.stackRole ? [r.stackRole] : [])));
  const phrases: [string[], RoleWord][] = [];
  for (const name of names) {
    const role: RoleWord = { kind: 'stack', name };
    phrases.push([[name], role], [[name.replaceAll('_', '-')], role], [name.split('_'), role]);
    const tier = /^t(\d)_analyst$/.exec(name);
    if (tier) phrases.push([['tier', tier[1]!, 'analyst'], role], [[`tier-${tier[1]}`, 'analyst'], role]);
  }
  return phrases;
}

export const ROLE_PHRASES: readonly [readonly string[], RoleWord][] = [
  ...stackRolePhrases(),
  [['owner'], { kind: 'organization', roleId: ORGANIZATION_OWNER_ROLE_ID }],
  [['organization', 'owner'], { kind: 'organization', roleId: ORGANIZATION_OWNER_ROLE_ID }],
  [['org', 'owner'], { kind: 'organization', roleId: ORGANIZATION_OWNER_ROLE_ID }],
  [['organization-admin'], { kind: 'organization', roleId: ORGANIZATION_OWNER_ROLE_ID }],
  [['billing', 'admin'], { kind: 'organization', roleId: 'billing-admin' }],
  [['billing-admin'], { kind: 'organization', roleId: 'billing-admin' }],
];

/** How much of a feature (or of a project, when no feature is named: read-only alone means Viewer). */
export type AccessLevel = 'read' | 'all';

export const LEVEL_PHRASES: readonly [readonly string[], AccessLevel][] = [
  [['read-only'], 'read'],
  [['readonly'], 'read'],
  [['read', 'only'], 'read'],
  [['read'], 'read'],
  [['view'], 'read'],
  [['full'], 'all'],
  [['write'], 'all'],
  [['edit'], 'all'],
  [['manage'], 'all'],
];

/**
 * Kibana features a custom role can grant, by the words people use for them. The ids are the current versioned ones
 * the wizard's picker offers (src/domain/privileges.ts); the old unversioned ids are deprecated, and a role made
 * from a request in plain words must come back ticked when its answers are changed in the wizard.
 */
export const FEATURE_WORDS: Readonly<Record<string, string>> = {
  dashboard: 'dashboard_v2',
  dashboards: 'dashboard_v2',
  discover: 'discover_v2',
  visualize: 'visualize_v2',
  visualizations: 'visualize_v2',
  visualisations: 'visualize_v2',
  visualization: 'visualize_v2',
  maps: 'maps',
  map: 'maps',
  canvas: 'canvas',
};
