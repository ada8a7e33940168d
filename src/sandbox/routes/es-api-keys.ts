/**
 * A project's Elasticsearch API key API (the per-project credential layer), as the Elasticsearch reference
 * describes it: create, get with filters, query, and invalidate. Who may do what follows the cluster privileges:
 * `manage_api_key`/`manage_security`/`all` act on every key, `manage_own_api_key` on the caller's own keys,
 * `read_security` reads every key. Project keys are seen, and authenticate, in their own project only.
 */
import { callerOf, type RequestContext } from '../context.js';
import { isRecord } from '../json-object.js';
import type { Caller } from '../auth.js';
import type { StoredProject, StoredProjectKey, StoredRole } from '../model.js';
import { esError, ok } from '../reply.js';
import { one, type Route } from '../router.js';
import { checkRoleDescriptor } from '../role-descriptor.js';
import { matchesQuery, sortKeys } from '../api-key-query.js';
import {
  callerRoles,
  encodeProjectKey,
  isProjectKeyActive,
  newProjectKeySecret,
  projectKeyWire,
} from '../project-keys.js';
import { hashSecret, randomId } from '../secrets.js';

type R = Route<RequestContext>;
const es = { dialect: 'es', auth: 'es' } as const;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

type Reach = 'all' | 'own' | 'none';

interface Scope {
  readonly project: StoredProject;
  readonly keys: StoredProjectKey[];
  readonly caller: Caller;
  readonly roles: Map<string, StoredRole>;
}

function scope(ctx: RequestContext, rawProjectId: string): Scope {
  const caller = callerOf(ctx);
  const id = one(rawProjectId);
  const project = ctx.core.data.projects.find((p) => p.id === id);
  if (!project)
    throw esError(404, 'resource_not_found_exception', `no Serverless project [${id}] behind this endpoint`);
  const custom = ctx.core.data.customRoles[project.id] ?? {};
  const keys = (ctx.core.data.projectKeys[project.id] ??= []);
  return { project, keys, caller, roles: callerRoles(caller, project, custom) };
}

function holds(roles: Map<string, StoredRole>, granting: readonly string[]): boolean {
  for (const role of roles.values()) if (role.cluster.some((p) => granting.includes(p))) return true;
  return false;
}

/** How far the caller's privileges reach for reading (`read`) or managing keys. */
function reach(s: Scope, read: boolean): Reach {
  const everyKey = read
    ? ['all', 'manage_security', 'manage_api_key', 'read_security']
    : ['all', 'manage_security', 'manage_api_key'];
  if (holds(s.roles, everyKey)) return 'all';
  return holds(s.roles, ['manage_own_api_key']) ? 'own' : 'none';
}

function unauthorized(s: Scope, action: string, granting: string): never {
  const { key } = s.caller;
  throw esError(
    403,
    'security_exception',
    `action [${action}] is unauthorized for API key id [${key.id}] of user [${key.user_id}] with effective roles [${[...s.roles.keys()].join(',')}], this action is granted by the cluster privileges [${granting}]`,
  );
}

const isOwn = (s: Scope, key: StoredProjectKey) => key.username === s.caller.key.user_id;

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** ES time values: `30d`, `12h`, `90m`, `45s`, `500ms`. */
function parseTimeValue(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(value.trim());
  const unit = m ? UNITS[m[2] ?? ''] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : undefined;
}

const validation = (problem: string) =>
  esError(400, 'action_request_validation_exception', `Validation Failed: 1: ${problem};`);

function createKey(ctx: RequestContext, params: Readonly<Record<string, string>>) {
  const s = scope(ctx, params.projectId!);
  if (s.caller.projectKey) unauthorized(s, 'cluster:admin/xpack/security/api_key/create', 'manage_own_api_key,all');
  if (reach(s, false) === 'none' && !holds(s.roles, ['manage_own_api_key']))
    unauthorized(s, 'cluster:admin/xpack/security/api_key/create', 'manage_own_api_key,manage_api_key,all');
  const body = ctx.body;
  if (!isRecord(body)) throw esError(400, 'parse_exception', 'request body is required');
  if (typeof body.name !== 'string' || body.name.trim() === '') throw validation('api key name is required');
  if (body.name.length > 1024) throw validation('api key name may not be more than [1024] characters long');
  let expiration: number | undefined;
  if (body.expiration !== undefined && body.expiration !== null) {
    const ms = parseTimeValue(body.expiration);
    if (ms === undefined)
      throw esError(
        400,
        'parse_exception',
        `failed to parse setting [expiration] with value [${JSON.stringify(body.expiration)}]`,
      );
    expiration = ctx.core.clock.now().getTime() + ms;
  }
  const descriptors: Record<string, StoredRole> = {};
  if (body.role_descriptors !== undefined) {
    if (!isRecord(body.role_descriptors)) throw esError(400, 'parse_exception', 'role_descriptors must be an object');
    for (const [name, raw] of Object.entries(body.role_descriptors)) {
      const checked = checkRoleDescriptor(raw);
      if (!checked.ok) throw esError(400, checked.type, `role descriptor [${name}]: ${checked.reason}`);
      descriptors[name] = checked.role;
    }
  }
  if (body.metadata !== undefined && !isRecord(body.metadata))
    throw esError(400, 'parse_exception', 'metadata must be an object');
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  if (Object.keys(metadata).some((k) => k.startsWith('_'))) throw validation('metadata keys may not start with [_]');
  const secret = newProjectKeySecret();
  const id = randomId(20, ID_ALPHABET);
  s.keys.push({
    id,
    name: body.name,
    creation: ctx.core.clock.now().getTime(),
    ...(expiration !== undefined ? { expiration } : {}),
    invalidated: false,
    username: s.caller.key.user_id,
    realm: '_cloud_api_key',
    metadata,
    role_descriptors: descriptors,
    limited_by: Object.fromEntries(s.roles),
    secret_sha256: hashSecret(secret),
  });
  return ok({
    id,
    name: body.name,
    ...(expiration !== undefined ? { expiration } : {}),
    api_key: secret,
    encoded: encodeProjectKey(id, secret),
  });
}

const flag = (value: string | null) => value === 'true' || value === '';

function getKeys(ctx: RequestContext, params: Readonly<Record<string, string>>) {
  const s = scope(ctx, params.projectId!);
  const q = ctx.query;
  const owner = flag(q.get('owner'));
  const canRead = reach(s, true);
  if (canRead === 'none' || (canRead === 'own' && !owner && !s.caller.projectKey))
    unauthorized(s, 'cluster:admin/xpack/security/api_key/get', 'manage_api_key,read_security,manage_own_api_key');
  const id = q.get('id');
  const name = q.get('name');
  const username = q.get('username');
  const realm = q.get('realm_name');
  if ((id || name) && (username || realm || owner))
    throw validation('username or realm name must not be specified when the api key id or api key name is specified');
  const nameMatches = (key: StoredProjectKey) =>
    !name || name === '*' || (name.endsWith('*') ? key.name.startsWith(name.slice(0, -1)) : key.name === name);
  const now = ctx.core.clock.now().getTime();
  const found = s.keys.filter(
    (k) =>
      (!id || k.id === id) &&
      nameMatches(k) &&
      (!username || k.username === username) &&
      (!realm || k.realm === realm) &&
      (!owner || isOwn(s, k)) &&
      (canRead === 'all' || isOwn(s, k)) &&
      (!flag(q.get('active_only')) || isProjectKeyActive(k, now)),
  );
  return ok({ api_keys: found.map((k) => projectKeyWire(k, flag(q.get('with_limited_by')))) });
}

function queryKeys(ctx: RequestContext, params: Readonly<Record<string, string>>) {
  const s = scope(ctx, params.projectId!);
  const canRead = reach(s, true);
  if (canRead === 'none')
    unauthorized(s, 'cluster:admin/xpack/security/api_key/query', 'manage_api_key,read_security,manage_own_api_key');
  const body = ctx.body === undefined ? {} : ctx.body;
  if (!isRecord(body)) throw esError(400, 'parse_exception', 'request body must be an object');
  const from = body.from ?? 0;
  const size = body.size ?? 10;
  if (typeof from !== 'number' || from < 0) throw validation('[from] parameter cannot be negative');
  if (typeof size !== 'number' || size < 0) throw validation('[size] parameter cannot be negative');
  const now = ctx.core.clock.now().getTime();
  const visible = s.keys.filter((k) => canRead === 'all' || isOwn(s, k));
  const matched = sortKeys(
    visible.filter((k) => matchesQuery(k, body.query, now)),
    body.sort,
  );
  const page = matched.slice(from, from + size);
  return ok({
    total: matched.length,
    count: page.length,
    api_keys: page.map((k) => projectKeyWire(k, ctx.query.get('with_limited_by') === 'true')),
  });
}

function invalidateKeys(ctx: RequestContext, params: Readonly<Record<string, string>>) {
  const s = scope(ctx, params.projectId!);
  const body = ctx.body;
  if (!isRecord(body)) throw esError(400, 'parse_exception', 'request body is required');
  const listed: unknown[] = Array.isArray(body.ids) ? (body.ids as unknown[]) : [];
  const ids = [...listed, body.id].filter((v): v is string => typeof v === 'string');
  const name = typeof body.name === 'string' ? body.name : undefined;
  const owner = body.owner === true;
  const username = typeof body.username === 'string' ? body.username : undefined;
  const realm = typeof body.realm_name === 'string' ? body.realm_name : undefined;
  if (ids.length === 0 && !name && !owner && !username && !realm)
    throw validation(
      'One of [api key id(s), api key name, username, realm name] must be specified if [owner] flag is false',
    );
  if ((ids.length > 0 || name) && (username || realm))
    throw validation(
      'username or realm name must not be specified when the api key id(s) or api key name are specified',
    );
  if (ids.length > 0 && name) throw validation('only one of [api key id(s), api key name] can be specified');
  const canManage = reach(s, false);
  const selfOnly =
    s.caller.projectKey !== undefined && ids.length === 1 && ids[0] === s.caller.projectKey.key.id && !name;
  if (canManage === 'none' && !selfOnly)
    unauthorized(s, 'cluster:admin/xpack/security/api_key/invalidate', 'manage_api_key,manage_own_api_key,all');
  if (canManage === 'own' && !owner && !selfOnly && username !== s.caller.key.user_id)
    unauthorized(s, 'cluster:admin/xpack/security/api_key/invalidate', 'manage_api_key,all');
  const targets = s.keys.filter(
    (k) =>
      (ids.length === 0 || ids.includes(k.id)) &&
      (!name || k.name === name || (name.endsWith('*') && k.name.startsWith(name.slice(0, -1)))) &&
      (!owner || isOwn(s, k)) &&
      (!username || k.username === username) &&
      (!realm || k.realm === realm) &&
      (canManage === 'all' || selfOnly || isOwn(s, k)),
  );
  const invalidated: string[] = [];
  const previously: string[] = [];
  const now = ctx.core.clock.now().getTime();
  for (const key of targets) {
    if (key.invalidated) {
      previously.push(key.id);
      continue;
    }
    key.invalidated = true;
    key.invalidation = now;
    invalidated.push(key.id);
  }
  return ok({ invalidated_api_keys: invalidated, previously_invalidated_api_keys: previously, error_count: 0 });
}

export const esApiKeyRoutes: readonly R[] = [
  { ...es, method: 'POST', pattern: '/_es/:projectId/_security/api_key', handle: createKey },
  { ...es, method: 'PUT', pattern: '/_es/:projectId/_security/api_key', handle: createKey },
  { ...es, method: 'GET', pattern: '/_es/:projectId/_security/api_key', handle: getKeys },
  { ...es, method: 'DELETE', pattern: '/_es/:projectId/_security/api_key', handle: invalidateKeys },
  { ...es, method: 'GET', pattern: '/_es/:projectId/_security/_query/api_key', handle: queryKeys },
  { ...es, method: 'POST', pattern: '/_es/:projectId/_security/_query/api_key', handle: queryKeys },
];
