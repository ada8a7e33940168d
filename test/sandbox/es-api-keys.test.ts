import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GetProjectApiKeysResponse, InvalidateApiKeysResponse } from '../../src/api/project-key-schemas.js';
import { AuthenticateResponse, type Project } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { esErrorType } from './answers.js';
import { withSandbox, call, makeKey, members, NOW, projectNamed, type Answer } from './helpers.js';

let sb: RunningSandbox;
let prod: Project;
let staging: Project;
let obsProd: Project;
withSandbox('each', async (started) => {
  sb = started;
  prod = await projectNamed(sb, 'search-prod');
  staging = await projectNamed(sb, 'search-staging');
  obsProd = await projectNamed(sb, 'obs-prod');
});

const es = (project: Project, path: string) => `/_es/${project.id}${path}`;
const READ_LOGS = { cluster: [], indices: [{ names: ['logs-*'], privileges: ['read'] }] };

/** Key creation's answer, the one time the secret is sent (ec-access never creates project keys, so no src schema). */
const CreatedProjectKey = z.looseObject({
  id: z.string(),
  name: z.string(),
  api_key: z.string(),
  encoded: z.string(),
  expiration: z.number().optional(),
});
/** `_security/_query/api_key`: a page of keys, with how many matched and how many this page holds. */
const ProjectKeyQuery = GetProjectApiKeysResponse.extend({ total: z.number(), count: z.number() });

async function create(project: Project, body: unknown) {
  const answer = await call(sb, 'POST', es(project, '/_security/api_key'), { body });
  expect(answer.status).toBe(200);
  return answer.as(CreatedProjectKey);
}
const keysOf = (answer: Answer) => answer.as(GetProjectApiKeysResponse).api_keys;
const namesOf = (answer: Answer) => keysOf(answer).map((k) => k.name);

describe('seeded project keys', () => {
  it('holds a never-expiring key, one whose creator left, a superuser-like one, and an invalidated one', async () => {
    const keys = keysOf(await call(sb, 'GET', es(prod, '/_security/api_key')));
    const named = (name: string) => {
      const key = keys.find((k) => k.name === name);
      if (!key) throw new Error(`no seeded key ${name}`);
      return key;
    };
    expect(named('logstash-ingest').expiration).toBeUndefined();
    const memberIds = new Set((await members(sb)).map((m) => m.user_id));
    expect(memberIds.has(named('reindex-job').username)).toBe(false);
    expect(memberIds.has(named('logstash-ingest').username)).toBe(true);
    expect(named('ops-break-glass').role_descriptors?.superuser?.cluster).toEqual(['all']);
    expect(named('old-ingest (rotated)').invalidated).toBe(true);
    for (const key of keys) {
      expect(key).toMatchObject({ type: 'rest', realm: 'cloud-saml-kibana', metadata: {} });
      expect(JSON.stringify(key)).not.toMatch(/secret|api_key"|encoded/);
    }
    // Same name and creator in three projects: the key-sprawl case.
    const obs = keysOf(await call(sb, 'GET', es(obsProd, '/_security/api_key?name=metrics-shipper')));
    expect(obs).toHaveLength(1);
    expect(obs[0]?.username).toBe(named('metrics-shipper').username);
  });

  it('is the same organization for the same seed', async () => {
    const ids = async () => keysOf(await call(sb, 'GET', es(prod, '/_security/api_key'))).map((k) => k.id);
    const first = await ids();
    await call(sb, 'POST', '/_sandbox/reset', { key: null, body: {} });
    expect(await ids()).toEqual(first);
  });
});

describe('create, read and authenticate', () => {
  it('creates a key whose encoded value is base64 of id:api_key and authenticates on its own project only', async () => {
    const created = await create(prod, { name: 'ci-reader', expiration: '30d', role_descriptors: { r: READ_LOGS } });
    expect(created.expiration).toBe(NOW.getTime() + 30 * 86_400_000);
    expect(Buffer.from(created.encoded, 'base64').toString()).toBe(`${created.id}:${created.api_key}`);

    const who = await call(sb, 'GET', es(prod, '/_security/_authenticate'), { key: created.encoded });
    expect(who.status).toBe(200);
    const identity = who.as(AuthenticateResponse);
    expect(identity.api_key).toEqual({ id: created.id, name: 'ci-reader', managed_by: 'elasticsearch' });
    expect(identity.authentication_type).toBe('api_key');

    expect((await call(sb, 'GET', es(staging, '/_security/_authenticate'), { key: created.encoded })).status).toBe(401);
    expect((await call(sb, 'GET', '/api/v1/users/auth/keys', { key: created.encoded })).status).toBe(401);
    const wrongSecret = Buffer.from(`${created.id}:not-the-secret`).toString('base64');
    expect((await call(sb, 'GET', es(prod, '/_security/_authenticate'), { key: wrongSecret })).status).toBe(401);
  });

  it('a key with read-only descriptors may not read roles; GET filters by id, name, owner and active_only', async () => {
    const created = await create(prod, { name: 'ci-reader', role_descriptors: { r: READ_LOGS } });
    const roles = await call(sb, 'GET', es(prod, '/_security/role'), { key: created.encoded });
    expect(roles.status).toBe(403);
    expect(esErrorType(roles)).toBe('security_exception');

    const byId = await call(sb, 'GET', es(prod, `/_security/api_key?id=${created.id}`));
    expect(namesOf(byId)).toEqual(['ci-reader']);
    expect(keysOf(byId)[0]?.role_descriptors?.r?.indices?.[0]?.names).toEqual(['logs-*']);
    const own = namesOf(await call(sb, 'GET', es(prod, '/_security/api_key?owner=true')));
    expect(own).toContain('ci-reader');
    expect(own).toContain('ops-break-glass');
    expect(own).not.toContain('logstash-ingest');
    const active = await call(sb, 'GET', es(prod, '/_security/api_key?active_only=true'));
    expect(namesOf(active)).not.toContain('old-ingest (rotated)');
    const none = await call(sb, 'GET', es(prod, '/_security/api_key?name=nope'));
    expect(none.json).toEqual({ api_keys: [] });
    const limited = await call(sb, 'GET', es(prod, `/_security/api_key?id=${created.id}&with_limited_by=true`));
    expect(Object.keys(keysOf(limited)[0]?.limited_by?.[0] ?? {})).toEqual(['admin']);
  });

  it('rejects a nameless key, a bad expiration and a descriptor without index names as ES does', async () => {
    const path = es(prod, '/_security/api_key');
    expect(esErrorType(await call(sb, 'POST', path, { body: {} }))).toBe('action_request_validation_exception');
    expect(esErrorType(await call(sb, 'POST', path, { body: { name: 'x', expiration: 'soon' } }))).toBe(
      'parse_exception',
    );
    const bad = await call(sb, 'PUT', path, {
      body: { name: 'x', role_descriptors: { r: { indices: [{ privileges: ['read'] }] } } },
    });
    expect(bad.status).toBe(400);
  });

  it('a Cloud key without stack access there gets 403; the viewer key may not list keys', async () => {
    const cloudOnly = await makeKey(sb, {
      organization: [{ role_id: 'organization-admin', organization_id: sb.organizationId }],
    });
    expect((await call(sb, 'GET', es(prod, '/_security/api_key'), { key: cloudOnly.key })).status).toBe(403);
    expect((await call(sb, 'GET', es(prod, '/_security/api_key'), { key: sb.viewerKey })).status).toBe(403);
  });
});

describe('query', () => {
  it('answers total, count and the page, with bool/term/prefix/exists queries and sort', async () => {
    const all = await call(sb, 'POST', es(prod, '/_security/_query/api_key'), { body: { size: 100 } });
    expect(all.as(ProjectKeyQuery).total).toBe(5);
    const active = await call(sb, 'POST', es(prod, '/_security/_query/api_key'), {
      body: {
        query: {
          bool: { filter: [{ term: { invalidated: false } }], must_not: [{ exists: { field: 'expiration' } }] },
        },
      },
    });
    expect(active.as(ProjectKeyQuery).api_keys.map((k) => k.name)).toEqual(['logstash-ingest']);
    const sorted = await call(sb, 'POST', es(prod, '/_security/_query/api_key'), {
      body: { query: { prefix: { name: 'o' } }, sort: [{ name: { order: 'desc' } }], size: 1 },
    });
    expect(sorted.json).toMatchObject({ total: 2, count: 1 });
    expect(sorted.as(ProjectKeyQuery).api_keys[0]?.name).toBe('ops-break-glass');
    const unsupported = await call(sb, 'POST', es(prod, '/_security/_query/api_key'), {
      body: { query: { fuzzy: { name: 'x' } } },
    });
    expect(unsupported.status).toBe(400);
  });
});

describe('invalidate', () => {
  it('reports invalidated, previously invalidated and unknown ids; the key stops authenticating', async () => {
    const a = await create(prod, { name: 'a', role_descriptors: { r: READ_LOGS } });
    const listed = keysOf(await call(sb, 'GET', es(prod, '/_security/api_key?name=old-ingest (rotated)')));
    const rotated = listed[0]!.id;
    const answer = await call(sb, 'DELETE', es(prod, '/_security/api_key'), {
      body: { ids: [a.id, rotated, 'no-such-key'] },
    });
    expect(answer.json).toEqual({
      invalidated_api_keys: [a.id],
      previously_invalidated_api_keys: [rotated],
      error_count: 0,
    });
    expect((await call(sb, 'GET', es(prod, '/_security/_authenticate'), { key: a.encoded })).status).toBe(401);
    const after = await call(sb, 'GET', es(prod, `/_security/api_key?id=${a.id}`));
    expect(keysOf(after)[0]).toMatchObject({ invalidated: true, invalidation: NOW.getTime() });
  });

  it('invalidates by name, needs one selector, and a key may invalidate itself but nothing else', async () => {
    const b = await create(prod, { name: 'batch', role_descriptors: { r: READ_LOGS } });
    const c = await create(prod, { name: 'batch', role_descriptors: { r: READ_LOGS } });
    const other = await call(sb, 'DELETE', es(prod, '/_security/api_key'), { key: b.encoded, body: { ids: [c.id] } });
    expect(other.status).toBe(403);
    const self = await call(sb, 'DELETE', es(prod, '/_security/api_key'), { key: b.encoded, body: { ids: [b.id] } });
    expect(self.as(InvalidateApiKeysResponse).invalidated_api_keys).toEqual([b.id]);
    const byName = await call(sb, 'DELETE', es(prod, '/_security/api_key'), { body: { name: 'batch' } });
    expect(byName.json).toMatchObject({ invalidated_api_keys: [c.id], previously_invalidated_api_keys: [b.id] });
    const empty = await call(sb, 'DELETE', es(prod, '/_security/api_key'), { body: {} });
    expect(esErrorType(empty)).toBe('action_request_validation_exception');
  });
});
