/**
 * What a custom role on a Serverless project may grant (cloud-api.md §7, Privileges.ts), and the one validator for
 * role descriptors: the app checks a PUT body with it before sending, and the sandbox server checks incoming PUT
 * bodies with it, so the two cannot disagree.
 *
 * A privilege name must be in the Serverless enum or be an action pattern (`cluster:monitor/main`,
 * `indices:data/read/*`): the enums are non-exhaustive only in that way. Elasticsearch resolves anything else to
 * "unknown cluster privilege [monitr]" (400), so the app refuses it first, with the closest names as a hint.
 */
import { RoleDescriptor, type ApplicationPrivileges, type ProjectType } from '../api/schemas.js';
import { didYouMean } from './suggest.js';
import { formatPath, issue, joinPath, parseWith, type FieldIssue, type Validated } from './validation.js';
import { errorMessage } from '../util/errors.js';

/**
 * The Serverless enum of the spec (2026-08). It still lists `manage_behavioral_analytics` and
 * `post_behavioral_analytics_event`, which the docs mark unavailable; the spec wins here, the server decides.
 */
export const SERVERLESS_CLUSTER_PRIVILEGES = [
  'all',
  'cancel_task',
  'manage',
  'manage_api_key',
  'manage_behavioral_analytics',
  'manage_enrich',
  'manage_esql',
  'manage_index_templates',
  'manage_inference',
  'manage_ingest_pipelines',
  'manage_logstash_pipelines',
  'manage_ml',
  'manage_own_api_key',
  'manage_pipeline',
  'manage_project_routing',
  'manage_reindex',
  'manage_search_application',
  'manage_search_query_rules',
  'manage_search_synonyms',
  'manage_security',
  'manage_transform',
  'monitor',
  'monitor_enrich',
  'monitor_esql',
  'monitor_inference',
  'monitor_ml',
  'monitor_reindex',
  'monitor_transform',
  'none',
  'post_behavioral_analytics_event',
  'read_pipeline',
  'read_project_routing',
  'read_security',
] as const;

export const SERVERLESS_INDEX_PRIVILEGES = [
  'all',
  'auto_configure',
  'create',
  'create_doc',
  'create_index',
  'create_view',
  'delete',
  'delete_index',
  'delete_view',
  'index',
  'maintenance',
  'manage',
  'manage_data_stream_lifecycle',
  'manage_view',
  'monitor',
  'none',
  'read',
  'read_view_metadata',
  'view_index_metadata',
  'write',
] as const;

/** `@availability stack` in Privileges.ts: the server refuses these on Serverless. */
export const STACK_ONLY_CLUSTER_PRIVILEGES = [
  'clone_api_key',
  'create_snapshot',
  'cross_cluster_replication',
  'cross_cluster_search',
  'delegate_pki',
  'grant_api_key',
  'manage_autoscaling',
  'manage_ccr',
  'manage_data_frame_transforms',
  'manage_data_stream_global_retention',
  'manage_ilm',
  'manage_oidc',
  'manage_rollup',
  'manage_saml',
  'manage_service_account',
  'manage_slm',
  'manage_token',
  'manage_user_profile',
  'manage_watcher',
  'monitor_data_frame_transforms',
  'monitor_data_stream_global_retention',
  'monitor_rollup',
  'monitor_snapshot',
  'monitor_stats',
  'monitor_text_structure',
  'monitor_watcher',
  'read_ccr',
  'read_fleet_secrets',
  'read_ilm',
  'read_slm',
  'transport_client',
  'write_connector_secrets',
  'write_fleet_secrets',
] as const;

/** `manage_failure_store`/`read_failure_store` are stack 9.1 only and in neither enum. */
export const STACK_ONLY_INDEX_PRIVILEGES = [
  'cross_cluster_replication',
  'cross_cluster_replication_internal',
  'manage_failure_store',
  'manage_follow_index',
  'manage_ilm',
  'manage_leader_index',
  'read_cross_cluster',
  'read_failure_store',
] as const;

/** Kibana's application name in role descriptors: `kibana-` + its index `.kibana`. */
export const KIBANA_APPLICATION = 'kibana-.kibana';

export interface KibanaFeature {
  readonly id: string;
  readonly label: string;
}

const feature = (id: string, label: string): KibanaFeature => ({ id, label });
const COMMON_FEATURES = [
  feature('discover_v2', 'Discover'),
  feature('dashboard_v2', 'Dashboards'),
  feature('visualize_v2', 'Visualize Library'),
];

/**
 * A starter list for pickers, not the truth: feature ids differ per project type and Kibana version, and the live
 * list comes from Kibana (`GET <kibana>/api/security/privileges`). Ids are the current versioned ones (`discover_v2`).
 */
export const KIBANA_FEATURES: Readonly<Record<ProjectType, readonly KibanaFeature[]>> = {
  elasticsearch: [...COMMON_FEATURES, feature('dev_tools', 'Dev Tools'), feature('indexPatterns', 'Data Views')],
  observability: [
    ...COMMON_FEATURES,
    feature('apm', 'APM'),
    feature('infrastructure', 'Infrastructure'),
    feature('logs', 'Logs'),
    feature('slo', 'SLOs'),
  ],
  security: [...COMMON_FEATURES, feature('siemV2', 'Security'), feature('securitySolutionCasesV2', 'Cases')],
};

/** `feature_discover_v2.read`: the serialised form Kibana reads in `applications[].privileges`. */
export function kibanaFeaturePrivilege(featureId: string, privilege: 'all' | 'read'): string {
  return `feature_${featureId}.${privilege}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const STACK_ONLY_FIELDS: Readonly<Record<string, string>> = {
  global: 'global privileges are not available on Serverless (stack only)',
  remote_indices: 'remote indices are not available on Serverless (stack only)',
  remote_cluster: 'remote cluster privileges are not available on Serverless (stack only)',
};
const DESCRIPTOR_FIELDS = new Set(Object.keys(RoleDescriptor.shape));
const INDEX_FIELDS = new Set(['names', 'privileges', 'field_security', 'query']);
const FIELD_SECURITY_FIELDS = new Set(['grant', 'except']);
const APPLICATION_FIELDS = new Set(['application', 'privileges', 'resources']);

export type PrivilegeKind = 'cluster' | 'index';

const KNOWN: Readonly<Record<PrivilegeKind, readonly string[]>> = {
  cluster: SERVERLESS_CLUSTER_PRIVILEGES,
  index: SERVERLESS_INDEX_PRIVILEGES,
};
const STACK_ONLY: Readonly<Record<PrivilegeKind, ReadonlySet<string>>> = {
  cluster: new Set<string>(STACK_ONLY_CLUSTER_PRIVILEGES),
  index: new Set<string>(STACK_ONLY_INDEX_PRIVILEGES),
};
/** The action prefixes Elasticsearch resolves as patterns (ClusterPrivilegeResolver.isClusterAction, IndexPrivilege). */
const ACTION_PREFIXES: Readonly<Record<PrivilegeKind, readonly string[]>> = {
  cluster: ['cluster:', 'indices:admin/template/', 'indices:admin/index_template/', 'indices:admin/xpack/rollup'],
  index: ['indices:', 'internal:transport/proxy/indices:'],
};

/** Elasticsearch lower-cases a privilege name before resolving it, so `MONITOR` is `monitor`. */
export function isKnownPrivilege(kind: PrivilegeKind, name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN[kind].includes(lower) || ACTION_PREFIXES[kind].some((prefix) => lower.startsWith(prefix));
}

/** Neither in the Serverless list, nor stack-only (reported as such), nor an action pattern. */
export function isUnknownPrivilege(kind: PrivilegeKind, name: string): boolean {
  return name.trim() !== '' && !STACK_ONLY[kind].has(name.toLowerCase()) && !isKnownPrivilege(kind, name);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownFieldIssues(
  raw: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: string,
  explain: (key: string) => string | undefined,
): FieldIssue[] {
  return Object.keys(raw)
    .filter((key) => !known.has(key))
    .map((key) =>
      issue(joinPath(path, key), explain(key) ?? 'unknown field; Elasticsearch refuses fields it does not know'),
    );
}

function indexFieldExplanation(key: string): string | undefined {
  if (key === 'allow_restricted_indices') return 'not available on Serverless (stack only); remove it';
  if (key === 'implicitly_granted') return 'added by GET ?include_implicit=true; remove it before PUT';
  return undefined;
}

/** Why Serverless refuses this privilege name, with the closest valid names; undefined when it is fine. */
export function privilegeProblem(kind: PrivilegeKind, name: string): string | undefined {
  if (name.trim() === '') return 'must not be empty';
  if (STACK_ONLY[kind].has(name.toLowerCase())) return `"${name}" is not available on Serverless (stack only)`;
  if (isKnownPrivilege(kind, name)) return undefined;
  return `"${name}" is not a Serverless ${kind} privilege${didYouMean(name, KNOWN[kind])}`;
}

function privilegeNameIssues(names: readonly string[], kind: PrivilegeKind, path: string): FieldIssue[] {
  return names.flatMap((name, i): FieldIssue[] => {
    const problem = privilegeProblem(kind, name);
    return problem ? [issue(`${path}[${i}]`, problem)] : [];
  });
}

function dlsQueryIssue(query: unknown, path: string): FieldIssue | undefined {
  if (typeof query !== 'string') return undefined;
  try {
    return isRecord(JSON.parse(query)) ? undefined : issue(path, 'a DLS query string must hold a JSON object');
  } catch (error) {
    return issue(path, `not valid JSON (${errorMessage(error)}); give a Query DSL object or its JSON text`);
  }
}

function indexEntryIssues(
  raw: Record<string, unknown>,
  entry: NonNullable<RoleDescriptor['indices']>[number],
  path: string,
): FieldIssue[] {
  const names = typeof entry.names === 'string' ? [entry.names] : entry.names;
  const fieldSecurity = raw.field_security;
  return [
    ...unknownFieldIssues(raw, INDEX_FIELDS, path, indexFieldExplanation),
    ...(isRecord(fieldSecurity)
      ? unknownFieldIssues(fieldSecurity, FIELD_SECURITY_FIELDS, joinPath(path, 'field_security'), () => undefined)
      : []),
    ...(names.length === 0 ? [issue(joinPath(path, 'names'), 'list at least one index name or pattern')] : []),
    ...names.flatMap((name, i) =>
      name.trim() === ''
        ? [issue(joinPath(path, typeof entry.names === 'string' ? 'names' : `names[${i}]`), 'must not be empty')]
        : [],
    ),
    ...(entry.privileges.length === 0 ? [issue(joinPath(path, 'privileges'), 'list at least one privilege')] : []),
    ...privilegeNameIssues(entry.privileges, 'index', joinPath(path, 'privileges')),
    ...[dlsQueryIssue(entry.query, joinPath(path, 'query'))].filter((i) => i !== undefined),
  ];
}

// Kibana's serialised privileges (cloud-api.md §7, [KBN]).
const GLOBAL_BASE = new Set(['all', 'read']);
const SPACE_BASE = new Set(['space_all', 'space_read']);
const FEATURE_PRIVILEGE = /^feature_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const SPACE_RESOURCE = /^space:.+$/;

function kibanaPrivilegeIssue(privilege: string, resources: readonly string[], at: string): FieldIssue | undefined {
  const allSpaces = resources.length === 1 && resources[0] === '*';
  if (GLOBAL_BASE.has(privilege)) {
    return allSpaces
      ? undefined
      : issue(
          at,
          `"${privilege}" applies to all spaces and needs resources ["*"]; for listed spaces use "space_${privilege}"`,
        );
  }
  if (SPACE_BASE.has(privilege)) {
    return resources.includes('*')
      ? issue(
          at,
          `"${privilege}" applies to listed spaces and needs "space:<id>" resources; for all spaces use "${privilege.slice('space_'.length)}"`,
        )
      : undefined;
  }
  if (FEATURE_PRIVILEGE.test(privilege)) return undefined;
  if (privilege.startsWith('feature_')) {
    return issue(at, `"${privilege}" must name a feature and a privilege, e.g. "feature_discover_v2.read"`);
  }
  if (privilege.startsWith('reserved_'))
    return issue(at, 'reserved privileges are managed by Kibana and cannot be granted by a custom role');
  return issue(
    at,
    `"${privilege}" is not a Kibana privilege: use all or read (all spaces), space_all or space_read (listed spaces), or feature_<feature>.<privilege>`,
  );
}

function kibanaEntryIssues(entry: ApplicationPrivileges, path: string): FieldIssue[] {
  const resourcesPath = joinPath(path, 'resources');
  const privilegesPath = joinPath(path, 'privileges');
  const resourceIssues = entry.resources.flatMap((resource, i) =>
    resource === '*' || SPACE_RESOURCE.test(resource)
      ? []
      : [
          issue(
            `${resourcesPath}[${i}]`,
            `"${resource}" is not a Kibana resource: use "*" (all spaces) or "space:<space-id>"`,
          ),
        ],
  );
  const mixedAllSpaces =
    entry.resources.includes('*') && entry.resources.length > 1
      ? [issue(resourcesPath, '"*" (all spaces) cannot be combined with other resources in one entry')]
      : [];
  const base = entry.privileges.filter((p) => GLOBAL_BASE.has(p) || SPACE_BASE.has(p));
  const features = entry.privileges.filter((p) => p.startsWith('feature_'));
  const mixedKinds =
    base.length > 0 && features.length > 0
      ? [
          issue(
            privilegesPath,
            `base privileges (${base.join(', ')}) and feature privileges (${features.join(', ')}) cannot be mixed in one entry; use one or the other`,
          ),
        ]
      : [];
  const privilegeIssues = entry.privileges.flatMap((p, i) =>
    [kibanaPrivilegeIssue(p, entry.resources, `${privilegesPath}[${i}]`)].filter((x) => x !== undefined),
  );
  return [...resourceIssues, ...mixedAllSpaces, ...mixedKinds, ...privilegeIssues];
}

/** Kibana cannot show a role whose Kibana entries grant the same resource twice. */
function repeatedKibanaResourceIssues(applications: readonly ApplicationPrivileges[]): FieldIssue[] {
  const firstSeen = new Map<string, number>();
  return applications.flatMap((entry, i) => {
    if (entry.application !== KIBANA_APPLICATION) return [];
    return entry.resources.flatMap((resource, j): FieldIssue[] => {
      const earlier = firstSeen.get(resource);
      if (earlier === undefined) {
        firstSeen.set(resource, i);
        return [];
      }
      return earlier === i
        ? []
        : [
            issue(
              `applications[${i}].resources[${j}]`,
              `"${resource}" is already granted by applications[${earlier}]; merge the two entries`,
            ),
          ];
    });
  });
}

function applicationEntryIssues(
  raw: Record<string, unknown>,
  entry: ApplicationPrivileges,
  path: string,
): FieldIssue[] {
  return [
    ...unknownFieldIssues(raw, APPLICATION_FIELDS, path, () => undefined),
    ...(entry.application.trim() === ''
      ? [issue(joinPath(path, 'application'), `must not be empty; Kibana's is "${KIBANA_APPLICATION}"`)]
      : []),
    ...(entry.privileges.length === 0 ? [issue(joinPath(path, 'privileges'), 'list at least one privilege')] : []),
    ...(entry.resources.length === 0
      ? [issue(joinPath(path, 'resources'), 'list at least one resource ("*" for all Kibana spaces)')]
      : []),
    ...(entry.application === KIBANA_APPLICATION ? kibanaEntryIssues(entry, path) : []),
  ];
}

function semanticIssues(raw: Record<string, unknown>, desc: RoleDescriptor): FieldIssue[] {
  // The parsed descriptor's entries line up with the raw ones, which parsing already found to be objects.
  const records = (value: unknown) => (Array.isArray(value) ? value : []).map((e: unknown) => (isRecord(e) ? e : {}));
  const rawIndices = records(raw.indices);
  const rawApplications = records(raw.applications);
  return [
    ...privilegeNameIssues(desc.cluster ?? [], 'cluster', 'cluster'),
    ...(desc.indices ?? []).flatMap((entry, i) => indexEntryIssues(rawIndices[i]!, entry, `indices[${i}]`)),
    ...(desc.applications ?? []).flatMap((entry, i) =>
      applicationEntryIssues(rawApplications[i]!, entry, `applications[${i}]`),
    ),
    ...repeatedKibanaResourceIssues(desc.applications ?? []),
    ...((desc.run_as ?? []).length > 0
      ? [issue('run_as', 'run-as is disabled on Serverless; only an empty list [] is accepted')]
      : []),
    ...Object.keys(desc.metadata ?? {})
      .filter((key) => key.startsWith('_'))
      .map((key) => issue(joinPath('metadata', key), 'keys starting with "_" are reserved for system use')),
  ];
}

/** Checks a PUT /_security/role body against the Serverless rules; every problem is reported, not just the first. */
/**
 * Keys that name object machinery in JavaScript. JSON.parse keeps them as plain keys, but copying such an object
 * (as validation does) can set a prototype instead of a field, so a body holding one is refused outright.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function reservedKeyIssues(value: unknown, path: readonly PropertyKey[] = []): FieldIssue[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => reservedKeyIssues(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    RESERVED_KEYS.has(key)
      ? [issue(formatPath([...path, key]), `"${key}" is not allowed as a key`)]
      : reservedKeyIssues(child, [...path, key]),
  );
}

export function validateRoleDescriptor(desc: unknown): Validated<RoleDescriptor> {
  if (!isRecord(desc)) return { ok: false, issues: [issue('', 'a role descriptor must be a JSON object')] };
  const reserved = reservedKeyIssues(desc);
  if (reserved.length > 0) return { ok: false, issues: reserved };
  const fieldIssues = unknownFieldIssues(desc, DESCRIPTOR_FIELDS, '', (key) => STACK_ONLY_FIELDS[key]);
  const parsed = parseWith(RoleDescriptor, desc);
  if (!parsed.ok) return { ok: false, issues: [...fieldIssues, ...parsed.issues] };
  const issues = [...fieldIssues, ...semanticIssues(desc, parsed.value)];
  return issues.length > 0 ? { ok: false, issues } : parsed;
}
