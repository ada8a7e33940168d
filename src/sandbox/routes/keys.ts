/**
 * Cloud API keys (cloud-api.md §5), with the documented rules enforced:
 * - only owner keys create or delete keys (403 `api_keys.unauthorized`: the code is undocumented, this is ours);
 * - owners list every active key of the organization, anyone else only the keys their own user created;
 * - the secret is in the create answer and nowhere else (only its hash is kept);
 * - at most 500 active keys per organization (400 `api_keys.limit_exceeded`);
 * - default expiry 3 months (90 days, as src/domain/duration.ts reads "3mo"), longest 1 year; expired keys vanish from every answer and stop authenticating.
 * Bulk delete handles each id on its own, like the real call must: the ids that can be deleted are, and the answer
 * is an error envelope with one error per failed id (404 when they were all unknown, else the injected status), so
 * a client has to re-list to learn what is left. That is the failure mode the `key-delete` fault rehearses.
 */
import type { CreatedApiKey } from '../../api/schemas.js';
import type { Caller } from '../auth.js';
import { callerOf, type RequestContext } from '../context.js';
import { isRecord } from '../json-object.js';
import type { StoredKey } from '../model.js';
import { cloudError, cloudErrors, ok } from '../reply.js';
import { deploymentIdsOf, normalizeRoleAssignments } from '../role-assignments.js';
import { assignmentMode } from './common.js';
import { one, type Route } from '../router.js';
import { BASE62 } from '../rng.js';
import { hashSecret, newSecret, randomId } from '../secrets.js';
import { DEFAULT_KEY_LIFETIME_MS, MAX_KEY_LIFETIME_MS, parseDuration } from '../../domain/duration.js';
import { isKeyActive, keyWire } from '../wire.js';

type R = Route<RequestContext>;
const cloud = { dialect: 'cloud', auth: 'cloud' } as const;
/** POST /users/auth/keys documents 400 `api_keys.invalid_input`; the bulk DELETE (undocumented) answers the same. */
const withBody = { ...cloud, invalidBodyCode: 'api_keys.invalid_input' } as const;

export const MAX_ACTIVE_KEYS = 500;
const FORBIDDEN = 'api_keys.unauthorized';

/** The keys this caller may see: all active ones for an owner, else the active ones its user created. */
function visibleKeys(ctx: RequestContext, caller: Caller): StoredKey[] {
  const now = ctx.core.clock.now();
  return ctx.core.data.keys.filter((k) => isKeyActive(k, now) && (caller.owner || k.user_id === caller.key.user_id));
}

export const keyRoutes: readonly R[] = [
  {
    ...cloud,
    method: 'GET',
    pattern: '/api/v1/users/auth/keys',
    handle: (ctx) =>
      ok({ keys: visibleKeys(ctx, callerOf(ctx)).map((k) => keyWire(k, ctx.core.data.organization.id)) }),
  },
  {
    ...withBody,
    method: 'POST',
    pattern: '/api/v1/users/auth/keys',
    handle: (ctx) => ok(createKey(ctx), 201),
  },
  {
    ...withBody,
    method: 'DELETE',
    pattern: '/api/v1/users/auth/keys',
    handle: (ctx) => {
      const caller = callerOf(ctx);
      if (!caller.owner) throw cloudError(403, FORBIDDEN, 'Only Organization owner keys can delete API keys');
      const { body } = ctx;
      if (
        !isRecord(body) ||
        !Array.isArray(body.keys) ||
        body.keys.length === 0 ||
        !body.keys.every((k): k is string => typeof k === 'string')
      ) {
        throw cloudError(400, 'api_keys.invalid_input', 'keys must list the ids of the keys to delete', ['keys']);
      }
      const failures = [...new Set(body.keys)].flatMap((id) => {
        const outcome = deleteKey(ctx, id);
        return outcome === 'deleted' ? [] : [{ id, status: outcome }];
      });
      if (failures.length === 0) return ok({});
      const status = failures.every((f) => f.status === 404) ? 404 : Math.max(...failures.map((f) => f.status));
      throw cloudErrors(
        status,
        failures.map(({ id, status: s }) => ({
          code: s === 404 ? 'api_keys.key_not_found' : 'api_keys.delete_failed',
          message: s === 404 ? `API key ${id} not found` : `API key ${id} could not be deleted`,
          fields: ['keys'],
        })),
      );
    },
  },
  {
    ...cloud,
    method: 'GET',
    pattern: '/api/v1/users/auth/keys/:keyId',
    handle: (ctx, { keyId }) => {
      const id = one(keyId!);
      const key = visibleKeys(ctx, callerOf(ctx)).find((k) => k.id === id);
      if (!key) throw cloudError(404, 'api_keys.key_not_found', `API key ${id} not found`);
      return ok(keyWire(key, ctx.core.data.organization.id));
    },
  },
  {
    ...cloud,
    method: 'DELETE',
    pattern: '/api/v1/users/auth/keys/:keyId',
    handle: (ctx, { keyId }) => {
      if (!callerOf(ctx).owner) throw cloudError(403, FORBIDDEN, 'Only Organization owner keys can delete API keys');
      const id = one(keyId!);
      const outcome = deleteKey(ctx, id);
      if (outcome === 404) throw cloudError(404, 'api_keys.key_not_found', `API key ${id} not found`);
      if (outcome !== 'deleted')
        throw cloudError(outcome, 'api_keys.delete_failed', `API key ${id} could not be deleted`);
      return ok({});
    },
  },
];

function deleteKey(ctx: RequestContext, id: string): 'deleted' | number {
  const { data, clock, faults } = ctx.core;
  const key = data.keys.find((k) => k.id === id && isKeyActive(k, clock.now()));
  if (!key) return 404;
  const injected = faults.takeKeyDeleteFailure(id);
  if (injected !== undefined) return injected;
  data.keys = data.keys.filter((k) => k !== key);
  return 'deleted';
}

function createKey(ctx: RequestContext): CreatedApiKey {
  const caller = callerOf(ctx);
  if (!caller.owner) throw cloudError(403, FORBIDDEN, 'Only Organization owner keys can create API keys');
  const { body } = ctx;
  const { data, clock } = ctx.core;
  const now = clock.now();
  const invalid = (message: string, field: string) => cloudError(400, 'api_keys.invalid_input', message, [field]);
  if (!isRecord(body)) throw invalid('the body must be a JSON object', 'description');
  if (typeof body.description !== 'string' || body.description.trim() === '')
    throw invalid('description is required', 'description');
  if (body.description.length > 255) throw invalid('description is longer than 255 characters', 'description');

  let lifetimeMs = DEFAULT_KEY_LIFETIME_MS;
  if (body.expiration !== undefined) {
    const ms = typeof body.expiration === 'string' ? parseDuration(body.expiration.trim()) : undefined;
    if (ms === undefined) throw invalid('expiration must be a duration such as "30d" or "12h"', 'expiration');
    if (ms > MAX_KEY_LIFETIME_MS) throw invalid('expiration may be at most one year', 'expiration');
    lifetimeMs = ms;
  }

  // "Takes the role of the creator if not specified": the creating user's roles, or the calling key's if that
  // user has left the organization.
  const roleAssignments =
    body.role_assignments === undefined
      ? (caller.member?.role_assignments ?? caller.key.role_assignments)
      : normalizeRoleAssignments(body.role_assignments, {
          orgId: data.organization.id,
          projects: data.projects,
          deploymentIds: deploymentIdsOf(data),
          errorCode: 'api_keys.invalid_input',
          ...assignmentMode(ctx),
        });

  const active = data.keys.filter((k) => isKeyActive(k, now)).length;
  if (active >= MAX_ACTIVE_KEYS) {
    throw cloudError(
      400,
      'api_keys.limit_exceeded',
      `the organization already has ${active} active API keys (the limit is ${MAX_ACTIVE_KEYS}); revoke some first`,
    );
  }

  const secret = newSecret();
  const key: StoredKey = {
    id: randomId(20, BASE62),
    description: body.description,
    creation_date: now.toISOString(),
    expiration_date: new Date(now.getTime() + lifetimeMs).toISOString(),
    user_id: caller.key.user_id,
    role_assignments: structuredClone(roleAssignments),
    secret_sha256: hashSecret(secret),
  };
  data.keys.push(key);
  return { ...keyWire(key, data.organization.id), key: secret };
}
