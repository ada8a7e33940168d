/**
 * Project (Elasticsearch) API keys: the older, per-project credential layer. A key lives in one project and
 * authenticates there only, with `Authorization: ApiKey <encoded>` where `encoded` is base64 of `id:api_key`.
 * Its privileges are its role descriptors, or, when it has none, its creator's as they were at creation.
 */
import { randomBytes } from 'node:crypto';
import type { Caller } from './auth.js';
import type { SandboxCore } from './core.js';
import { effectiveRoles } from './es-access.js';
import type { StoredKey, StoredProject, StoredProjectKey, StoredRole } from './model.js';
import { hashSecret, sameHash } from './secrets.js';

/** The secret half: 22 URL-safe characters, as ES makes them (node:crypto, never the seeded PRNG). */
export function newProjectKeySecret(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}

export function encodeProjectKey(id: string, secret: string): string {
  return Buffer.from(`${id}:${secret}`, 'utf8').toString('base64');
}

/** `id` and `secret` from an `encoded` value; undefined when the text is not one. */
export function decodeProjectKey(encoded: string): { id: string; secret: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { id: text.slice(0, colon), secret: text.slice(colon + 1) };
}

export function isProjectKeyActive(key: StoredProjectKey, nowMs: number): boolean {
  return !key.invalidated && (key.expiration === undefined || key.expiration > nowMs);
}

/** The privileges a project key holds. */
export function projectKeyRoles(key: StoredProjectKey): Map<string, StoredRole> {
  const source = Object.keys(key.role_descriptors).length > 0 ? key.role_descriptors : key.limited_by;
  return new Map(Object.entries(source));
}

export type ProjectKeyAuth =
  { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly reason: string };

/**
 * A project key presented to project `projectId`. A key of another project fails like an unknown one: ES in one
 * project knows nothing of another project's keys.
 */
export function authenticateProjectKey(
  header: string | undefined,
  core: SandboxCore,
  projectId: string,
): ProjectKeyAuth | undefined {
  const m = /^ApiKey\s+(\S+)\s*$/i.exec(header ?? '');
  const decoded = m ? decodeProjectKey(m[1] ?? '') : undefined;
  if (!decoded) return undefined;
  const key = core.data.projectKeys[projectId]?.find((k) => k.id === decoded.id);
  if (!key || !sameHash(key.secret_sha256, hashSecret(decoded.secret)))
    return { ok: false, reason: 'the API key is not valid' };
  if (key.invalidated) return { ok: false, reason: `api key [${key.id}] has been invalidated` };
  if (!isProjectKeyActive(key, core.clock.now().getTime())) return { ok: false, reason: 'api key is expired' };
  // Cloud routes never see this caller (they authenticate Cloud keys only); the Cloud-shaped record has no
  // role assignments, so nothing Cloud-side could be granted through it by mistake.
  const asCloudKey: StoredKey = {
    id: key.id,
    description: key.name,
    creation_date: new Date(key.creation).toISOString(),
    user_id: key.username,
    role_assignments: {},
    secret_sha256: key.secret_sha256,
  };
  return {
    ok: true,
    caller: {
      key: asCloudKey,
      member: core.data.members.find((mem) => mem.user_id === key.username),
      owner: false,
      projectKey: { projectId, key },
    },
  };
}

/** What GET and query answer for a key (the ES `ApiKey` type); never the secret or its hash. */
export function projectKeyWire(key: StoredProjectKey, withLimitedBy: boolean): Record<string, unknown> {
  return {
    id: key.id,
    name: key.name,
    type: 'rest',
    creation: key.creation,
    ...(key.expiration !== undefined ? { expiration: key.expiration } : {}),
    invalidated: key.invalidated,
    ...(key.invalidation !== undefined ? { invalidation: key.invalidation } : {}),
    username: key.username,
    realm: key.realm,
    metadata: key.metadata,
    role_descriptors: key.role_descriptors,
    ...(withLimitedBy ? { limited_by: [key.limited_by] } : {}),
  };
}

/** The roles the caller holds in `project`: a project key's own, or what a Cloud key's assignments grant there. */
export function callerRoles(
  caller: Caller,
  project: StoredProject,
  custom: Readonly<Record<string, StoredRole>>,
): Map<string, StoredRole> {
  if (caller.projectKey)
    return caller.projectKey.projectId === project.id
      ? projectKeyRoles(caller.projectKey.key)
      : new Map<string, StoredRole>();
  return effectiveRoles(caller.key.role_assignments, project, custom);
}

/** `_authenticate` as a project key sees it: ES-managed, named, its creator as the user. */
export function projectKeyAuthenticateBody(key: StoredProjectKey): Record<string, unknown> {
  return {
    username: key.username,
    roles: [],
    full_name: null,
    email: null,
    metadata: {},
    enabled: true,
    authentication_realm: { name: '_es_api_key', type: '_es_api_key' },
    lookup_realm: { name: key.realm, type: key.realm },
    authentication_type: 'api_key',
    api_key: { id: key.id, name: key.name, managed_by: 'elasticsearch' },
  };
}
