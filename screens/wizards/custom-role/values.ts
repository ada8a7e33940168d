/**
 * What the custom role builder collects, and the role descriptor it turns into. Editing starts from the role as
 * Elasticsearch returns it: the parts the builder cannot edit (other applications, Kibana base privileges,
 * metadata) are kept verbatim so a PUT never drops them.
 */
import type { ApplicationPrivileges, Role, RoleDescriptor } from '../../../src/api/schemas.js';
import { KIBANA_APPLICATION, kibanaFeaturePrivilege } from '../../../src/domain/privileges.js';
import type { LoopState } from './loop.js';

export interface IndexEntry {
  /** Comma-separated patterns, as typed. */
  readonly names: string;
  readonly privileges: readonly string[];
  readonly grant: string;
  readonly except: string;
  /** DLS query as JSON text; empty for none. */
  readonly query: string;
}

export interface KibanaEntry {
  readonly features: readonly string[];
  readonly level: 'read' | 'all';
  /** Comma-separated space ids, or `*` for every space. */
  readonly spaces: string;
}

export interface RoleValues {
  readonly mode: 'create' | 'edit';
  readonly name: string;
  readonly description: string;
  readonly projectIds: readonly string[];
  readonly cluster: readonly string[];
  readonly indices: readonly IndexEntry[];
  /** Which index entry the sub-steps edit (loop.ts); empty outside the loop. */
  readonly indexLoop?: LoopState;
  readonly kibana: readonly KibanaEntry[];
  readonly kibanaLoop?: LoopState;
  /** Members (user ids) to give the role with the custom-role assignment. */
  readonly assignees: readonly string[];
  /** Edit only: what the builder does not model, sent back unchanged. */
  readonly kept?: {
    readonly applications: readonly ApplicationPrivileges[];
    readonly metadata?: Record<string, unknown>;
  };
  /** Edit only: the descriptor as read, for the diff. */
  readonly original?: RoleDescriptor;
  /** Create over an existing role: the typed confirmation (replace-confirm step). */
  readonly replaceConfirm?: string;
}

export const EMPTY_ROLE: RoleValues = {
  mode: 'create',
  name: '',
  description: '',
  projectIds: [],
  cluster: [],
  indices: [],
  kibana: [],
  assignees: [],
};
export const EMPTY_INDEX: IndexEntry = { names: '', privileges: [], grant: '', except: '', query: '' };
export const EMPTY_KIBANA: KibanaEntry = { features: [], level: 'read', spaces: '*' };

export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const isKibanaLevel = (level: string | undefined): level is KibanaEntry['level'] =>
  level === 'read' || level === 'all';

/** JSON text → the query object, or undefined when it is not a JSON object. */
export function parseQuery(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function indexPart(e: IndexEntry): NonNullable<RoleDescriptor['indices']>[number] {
  const grant = splitList(e.grant);
  const except = splitList(e.except);
  const fieldSecurity =
    grant.length > 0 || except.length > 0
      ? { field_security: { ...(grant.length > 0 ? { grant } : {}), ...(except.length > 0 ? { except } : {}) } }
      : {};
  const query = e.query.trim() ? { query: parseQuery(e.query) ?? e.query } : {};
  return { names: splitList(e.names), privileges: [...e.privileges], ...fieldSecurity, ...query };
}

const spacesOf = (text: string) =>
  text.trim() === '*' || text.trim() === ''
    ? ['*']
    : splitList(text).map((s) => (s.startsWith('space:') ? s : `space:${s}`));

export function descriptorOf(v: RoleValues): RoleDescriptor {
  const applications = [
    ...v.kibana.map((k) => ({
      application: KIBANA_APPLICATION,
      privileges: k.features.map((f) => kibanaFeaturePrivilege(f, k.level)),
      resources: spacesOf(k.spaces),
    })),
    ...(v.kept?.applications ?? []),
  ];
  return {
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    ...(v.cluster.length > 0 ? { cluster: [...v.cluster] } : {}),
    ...(v.indices.length > 0 ? { indices: v.indices.map(indexPart) } : {}),
    ...(applications.length > 0 ? { applications } : {}),
    ...(v.kept?.metadata && Object.keys(v.kept.metadata).length > 0 ? { metadata: v.kept.metadata } : {}),
  };
}

const FEATURE = /^feature_([A-Za-z0-9_-]+)\.(read|all)$/;

/** A Kibana entry the builder can edit: feature privileges of one level on `*` or spaces. */
function kibanaEntryOf(app: ApplicationPrivileges): KibanaEntry | undefined {
  if (app.application !== KIBANA_APPLICATION) return undefined;
  const parsed = app.privileges.map((p) => FEATURE.exec(p));
  const level = parsed[0]?.[2];
  if (!isKibanaLevel(level) || parsed.some((m) => !m || m[2] !== level)) return undefined;
  const spaces = app.resources.includes('*') ? '*' : app.resources.map((r) => r.replace(/^space:/, '')).join(', ');
  return { features: parsed.map((m) => m![1]!), level, spaces };
}

/** Pre-fill for editing `name` as read from `projectId`. */
export function valuesFromRole(name: string, projectId: string, role: Role): RoleValues {
  const kibana = role.applications.map(kibanaEntryOf);
  const { metadata } = role;
  const values: RoleValues = {
    ...EMPTY_ROLE,
    mode: 'edit',
    name,
    description: role.description ?? '',
    projectIds: [projectId],
    cluster: role.cluster,
    indices: role.indices.map((e) => ({
      names: (Array.isArray(e.names) ? e.names : [e.names]).join(', '),
      privileges: e.privileges,
      grant: (e.field_security?.grant ?? []).join(', '),
      except: (e.field_security?.except ?? []).join(', '),
      query: e.query === undefined ? '' : typeof e.query === 'string' ? e.query : JSON.stringify(e.query),
    })),
    kibana: kibana.filter((k): k is KibanaEntry => k !== undefined),
    kept: {
      applications: role.applications.filter((_, i) => kibana[i] === undefined),
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    },
  };
  // Round-tripped through the builder's own model, so the diff shows what the user changed, not representation.
  return { ...values, original: descriptorOf(values) };
}

/**
 * Pre-fill for creating `name` in `projectIds` as a copy of the role read elsewhere, so the name means the same in
 * every project. Created, not edited: there is no "before" in the target projects to diff against.
 */
export function copyOfRole(name: string, role: Role, projectIds: readonly string[]): RoleValues {
  const { original: _original, ...values } = valuesFromRole(name, projectIds[0] ?? '', role);
  return { ...values, mode: 'create', projectIds: [...projectIds] };
}

/** Pre-fill for creating `name` with a descriptor a request built (`:` "read-only dashboards for …"), exactly. */
export function copyOfDescriptor(name: string, d: RoleDescriptor, projectIds: readonly string[]): RoleValues {
  const role: Role = {
    cluster: d.cluster ?? [],
    indices: d.indices ?? [],
    applications: d.applications ?? [],
    metadata: d.metadata ?? {},
    ...(d.description === undefined ? {} : { description: d.description }),
  };
  return copyOfRole(name, role, projectIds);
}
