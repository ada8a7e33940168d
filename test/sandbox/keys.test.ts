import { describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ApiKey, CloudErrorEnvelope } from '../../src/api/schemas.js';
import { cloudErrorCode } from './answers.js';
import { withSandbox, call, cloudClient, failure, makeKey, missingRequired, NOW, SPEC_AVAILABLE } from './helpers.js';

let sb: RunningSandbox;
withSandbox('each', (started) => {
  sb = started;
});

const DAY = 86_400_000;
const advance = (by: string) =>
  fetch(`${sb.controlUrl}/clock`, { method: 'POST', body: JSON.stringify({ advance: by }) });

describe('creating keys', () => {
  it('answers 201 with the secret once; later reads never carry it', async () => {
    const created = await cloudClient(sb).createApiKey({ description: 'ci', expiration: '30d' });
    expect(created.key).toMatch(/^essu_/);
    if (SPEC_AVAILABLE) expect(missingRequired('ApiKeyResponse', created)).toEqual([]);
    expect(Date.parse(created.expiration_date!) - NOW.getTime()).toBe(30 * DAY);
    const again = await call(sb, 'GET', `/api/v1/users/auth/keys/${created.id}`);
    expect(again.as(ApiKey)).not.toHaveProperty('key');
    const list = await call(sb, 'GET', '/api/v1/users/auth/keys');
    expect(list.text).not.toContain(created.key);
    if (SPEC_AVAILABLE) expect(missingRequired('ApiKeysResponse', list.json)).toEqual([]);
    // The new secret authenticates.
    expect((await call(sb, 'GET', '/api/v1/organizations', { key: created.key })).status).toBe(200);
  });

  it("defaults to 3 months (90 days) and takes the creator's roles when none are given", async () => {
    const created = await cloudClient(sb).createApiKey({ description: 'defaults' });
    expect(Date.parse(created.expiration_date!) - NOW.getTime()).toBe(90 * DAY);
    expect(created.role_assignments?.organization?.[0]?.role_id).toBe('organization-admin');
  });

  it.each([
    [{ expiration: '30d' }, 'no description'],
    [{ description: '   ' }, 'a blank description'],
    [{ description: 'x', expiration: '366d' }, 'more than a year'],
    [{ description: 'x', expiration: 'soon' }, 'a non-duration expiration'],
    [
      { description: 'x', role_assignments: { project: { observability: [{ role_id: 'developer', all: true }] } } },
      'a role observability lacks',
    ],
    [
      {
        description: 'x',
        role_assignments: { deployment: [{ role_id: 'deployment-editor', all: true, deployment_ids: ['d'] }] },
      },
      'all with ids',
    ],
  ] as Array<[object, string]>)('refuses %j (%s) with 400 api_keys.invalid_input', async (body) => {
    const answer = await call(sb, 'POST', '/api/v1/users/auth/keys', { body });
    expect([answer.status, cloudErrorCode(answer)]).toEqual([400, 'api_keys.invalid_input']);
  });

  it('lets only owner keys create keys (403 api_keys.unauthorized)', async () => {
    const error = await failure(cloudClient(sb, sb.viewerKey).createApiKey({ description: 'nope' }));
    expect([error.status, error.code]).toEqual([403, 'api_keys.unauthorized']);
  });

  it('stops at 500 active keys with 400 api_keys.limit_exceeded, and expired keys do not count', async () => {
    const active = (await cloudClient(sb).listApiKeys()).length;
    for (let i = active; i < 500; i++)
      await call(sb, 'POST', '/api/v1/users/auth/keys', { body: { description: `bulk ${i}`, expiration: '2d' } });
    const refused = await call(sb, 'POST', '/api/v1/users/auth/keys', { body: { description: 'one too many' } });
    expect([refused.status, cloudErrorCode(refused)]).toEqual([400, 'api_keys.limit_exceeded']);
    await advance('3d'); // the bulk keys expire
    expect((await call(sb, 'POST', '/api/v1/users/auth/keys', { body: { description: 'room again' } })).status).toBe(
      201,
    );
  });
});

describe('listing keys', () => {
  it('shows an owner every active key and hides expired ones', async () => {
    const keys = await cloudClient(sb).listApiKeys();
    expect(keys.map((k) => k.description)).toContain('Legacy uptime monitor');
    expect(keys.map((k) => k.description)).not.toContain('Q2 migration'); // expired in the seed
    expect(keys.every((k) => !k.expiration_date || Date.parse(k.expiration_date) > NOW.getTime())).toBe(true);
  });

  it('shows a non-owner only the keys its own user created', async () => {
    const keys = await cloudClient(sb, sb.viewerKey).listApiKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys.map((k) => k.user_id)).size).toBe(1);
    const all = await cloudClient(sb).listApiKeys();
    expect(keys.length).toBeLessThan(all.length);
    const hidden = all.find((k) => k.user_id !== keys[0]!.user_id)!;
    expect((await call(sb, 'GET', `/api/v1/users/auth/keys/${hidden.id}`, { key: sb.viewerKey })).status).toBe(404);
  });

  it('drops a key from the list and refuses it with 401 once it expires', async () => {
    const { key, id } = await makeKey(sb, { organization: [{ role_id: 'organization-admin' }] });
    await advance('8d');
    expect((await cloudClient(sb).listApiKeys()).some((k) => k.id === id)).toBe(false);
    expect((await call(sb, 'GET', `/api/v1/users/auth/keys/${id}`)).status).toBe(404);
    expect((await call(sb, 'GET', '/api/v1/organizations', { key })).status).toBe(401);
  });
});

describe('deleting keys', () => {
  it('deletes several keys in one call and the deleted keys stop authenticating', async () => {
    const a = await makeKey(sb, { organization: [{ role_id: 'organization-admin' }] });
    const b = await makeKey(sb, { organization: [{ role_id: 'billing-admin' }] });
    await cloudClient(sb).deleteApiKeys([a.id, b.id]);
    const ids = (await cloudClient(sb).listApiKeys()).map((k) => k.id);
    expect(ids).not.toContain(a.id);
    expect((await call(sb, 'GET', '/api/v1/organizations', { key: a.key })).status).toBe(401);
  });

  it('deletes what it can and reports each unknown id (404 api_keys.key_not_found)', async () => {
    const a = await makeKey(sb, { organization: [{ role_id: 'billing-admin' }] });
    const answer = await call(sb, 'DELETE', '/api/v1/users/auth/keys', { body: { keys: [a.id, 'missing-1'] } });
    expect(answer.status).toBe(404);
    expect(answer.as(CloudErrorEnvelope).errors).toEqual([
      { code: 'api_keys.key_not_found', message: 'API key missing-1 not found', fields: ['keys'] },
    ]);
    expect((await cloudClient(sb).listApiKeys()).some((k) => k.id === a.id)).toBe(false);
  });

  it('fails chosen ids when a key-delete fault is set, deleting the others (partial bulk failure)', async () => {
    const a = await makeKey(sb, { organization: [{ role_id: 'billing-admin' }] });
    const b = await makeKey(sb, { organization: [{ role_id: 'billing-admin' }] });
    await fetch(`${sb.controlUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'key-delete', ids: [b.id] }),
    });
    const error = await failure(cloudClient(sb).deleteApiKeys([a.id, b.id]));
    expect([error.status, error.code]).toEqual([500, 'api_keys.delete_failed']);
    const ids = (await cloudClient(sb).listApiKeys()).map((k) => k.id);
    expect(ids).not.toContain(a.id);
    expect(ids).toContain(b.id);
    await cloudClient(sb).deleteApiKeys([b.id]); // the fault was for one attempt
    expect((await cloudClient(sb).listApiKeys()).map((k) => k.id)).not.toContain(b.id);
  });

  it('gets and deletes a single key, 404 api_keys.key_not_found when unknown', async () => {
    const a = await makeKey(sb, { organization: [{ role_id: 'billing-admin' }] });
    expect((await cloudClient(sb).getApiKey(a.id)).id).toBe(a.id);
    expect((await call(sb, 'DELETE', `/api/v1/users/auth/keys/${a.id}`)).json).toEqual({});
    const gone = await failure(cloudClient(sb).getApiKey(a.id));
    expect([gone.status, gone.code]).toEqual([404, 'api_keys.key_not_found']);
    const again = await call(sb, 'DELETE', `/api/v1/users/auth/keys/${a.id}`);
    expect([again.status, cloudErrorCode(again)]).toEqual([404, 'api_keys.key_not_found']);
  });

  it('lets only owner keys delete, in bulk or one by one', async () => {
    const a = await makeKey(sb, { organization: [{ role_id: 'billing-admin' }] });
    expect(
      (await call(sb, 'DELETE', '/api/v1/users/auth/keys', { key: sb.viewerKey, body: { keys: [a.id] } })).status,
    ).toBe(403);
    expect((await call(sb, 'DELETE', `/api/v1/users/auth/keys/${a.id}`, { key: sb.viewerKey })).status).toBe(403);
    expect((await cloudClient(sb).getApiKey(a.id)).id).toBe(a.id);
  });

  it('refuses a bulk body without ids', async () => {
    const answer = await call(sb, 'DELETE', '/api/v1/users/auth/keys', { body: { keys: [] } });
    expect([answer.status, cloudErrorCode(answer)]).toEqual([400, 'api_keys.invalid_input']);
  });
});
