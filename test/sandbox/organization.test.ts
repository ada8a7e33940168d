import { describe, expect, it } from 'vitest';
import { ApiKey, ApiKeyList, MemberList, Organization } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { anyOf } from '../support/matchers.js';
import { cloudErrorCode } from './answers.js';
import { withSandbox, call, cloudClient, failure, members, missingRequired, NOW, SPEC_AVAILABLE } from './helpers.js';

let sb: RunningSandbox;
withSandbox('file', (started) => {
  sb = started;
});

describe('organizations and account', () => {
  it('lists exactly the caller organization, through the core client', async () => {
    const orgs = await cloudClient(sb).listOrganizations();
    expect(orgs).toEqual([{ id: sb.organizationId, name: 'Acme Analytics' }]);
  });

  it('gets the organization by id and answers 404 organization.not_found for another id', async () => {
    expect((await call(sb, 'GET', `/api/v1/organizations/${sb.organizationId}`)).as(Organization).id).toBe(
      sb.organizationId,
    );
    const wrong = await call(sb, 'GET', '/api/v1/organizations/999');
    expect(wrong.status).toBe(404);
    expect(wrong.json).toEqual({ errors: [{ code: 'organization.not_found', message: anyOf(String) }] });
    expect(wrong.headers.get('x-cloud-error-codes')).toBe('organization.not_found');
    const members404 = await failure(cloudClient(sb).listMembers('999'));
    expect([members404.status, members404.code]).toEqual([404, 'organization.not_found']);
  });

  it('answers GET /account with an id (AccountResponse)', async () => {
    const account = await call(sb, 'GET', '/api/v1/account');
    expect(account.status).toBe(200);
    if (SPEC_AVAILABLE) expect(missingRequired('AccountResponse', account.json)).toEqual([]);
  });
});

describe('authentication', () => {
  it.each([
    ['GET', '/api/v1/organizations', 'user.not_found'],
    ['GET', '/api/v1/users/auth/keys', 'root.invalid_authentication'],
    ['POST', '/api/v1/users/123/role_assignments', 'root.unauthorized'],
  ])('%s %s without a key is 401 %s', async (method, path, code) => {
    const answer = await call(sb, method, path, { key: null, body: method === 'GET' ? undefined : {} });
    expect(answer.status).toBe(401);
    expect(cloudErrorCode(answer)).toBe(code);
    expect(answer.headers.get('x-cloud-error-codes')).toBe(code);
  });

  it('refuses an unknown key and a malformed header with 401', async () => {
    expect(
      (await call(sb, 'GET', `/api/v1/organizations/${sb.organizationId}/members`, { key: 'essu_not-a-key' })).status,
    ).toBe(401);
    const raw = await fetch(`${sb.baseUrl}/api/v1/organizations`, {
      headers: { authorization: `Bearer ${sb.ownerKey}` },
    });
    expect(raw.status).toBe(401);
  });

  it('sends rate-limit headers, the key expiration header and a Date on the sandbox clock', async () => {
    const answer = await call(sb, 'GET', '/api/v1/organizations');
    expect(answer.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(answer.headers.get('x-ratelimit-interval')).toBeTruthy();
    const own = await call(sb, 'GET', `/api/v1/users/auth/keys/${sb.ownerKeyId}`);
    expect(answer.headers.get('x-elastic-api-key-expiration')).toBe(own.as(ApiKey).expiration_date);
    expect(answer.headers.get('date')).toBe(NOW.toUTCString());
  });
});

describe('members', () => {
  it('lists every member with the fields the spec requires and embedded role assignments', async () => {
    const answer = await call(sb, 'GET', `/api/v1/organizations/${sb.organizationId}/members`);
    expect(answer.status).toBe(200);
    const listed = answer.as(MemberList).members;
    expect(listed.length).toBeGreaterThanOrEqual(20);
    if (SPEC_AVAILABLE) expect(missingRequired('OrganizationMemberships', answer.json)).toEqual([]);
    expect(listed.every((m) => m.organization_id === sb.organizationId)).toBe(true);
  });

  it('lets any member list members (the viewer key too)', async () => {
    expect(
      (await call(sb, 'GET', `/api/v1/organizations/${sb.organizationId}/members`, { key: sb.viewerKey })).status,
    ).toBe(200);
  });

  it('removes members only for owners (403 organization.invalid_access)', async () => {
    const [target] = (await members(sb)).filter((m) => !m.role_assignments?.organization);
    const denied = await call(sb, 'DELETE', `/api/v1/organizations/${sb.organizationId}/members/${target!.user_id}`, {
      key: sb.viewerKey,
    });
    expect([denied.status, cloudErrorCode(denied)]).toEqual([403, 'organization.invalid_access']);
    expect((await members(sb)).some((m) => m.user_id === target!.user_id)).toBe(true);
  });

  it('removes several comma-separated members in one call, through the core client', async () => {
    const plain = (await members(sb))
      .filter((m) => !m.role_assignments?.organization)
      .slice(0, 2)
      .map((m) => m.user_id);
    await cloudClient(sb).removeMembers(sb.organizationId, plain);
    const left = (await members(sb)).map((m) => m.user_id);
    expect(left).not.toContain(plain[0]);
    expect(left).not.toContain(plain[1]);
  });

  it('answers 404 organization.membership_not_found and removes nobody when one id is unknown', async () => {
    const someone = (await members(sb)).find((m) => !m.role_assignments?.organization)!;
    const error = await failure(cloudClient(sb).removeMembers(sb.organizationId, [someone.user_id, '42']));
    expect([error.status, error.code]).toEqual([404, 'organization.membership_not_found']);
    expect((await members(sb)).some((m) => m.user_id === someone.user_id)).toBe(true);
  });

  it('keeps the keys of a removed member working (keys belong to the organization)', async () => {
    const before = await call(sb, 'GET', '/api/v1/users/auth/keys', { key: sb.viewerKey });
    const viewerUser = before.as(ApiKeyList).keys[0]!.user_id!;
    await cloudClient(sb).removeMembers(sb.organizationId, [viewerUser]);
    expect((await call(sb, 'GET', '/api/v1/users/auth/keys', { key: sb.viewerKey })).status).toBe(200);
  });

  it('answers unknown routes and wrong methods in the Cloud envelope', async () => {
    const none = await call(sb, 'GET', '/api/v1/nothing-here');
    expect([none.status, cloudErrorCode(none)]).toEqual([404, 'root.not_found']);
    const wrong = await call(sb, 'PATCH', '/api/v1/users/auth/keys', { body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
  });

  it("answers a body that is not JSON with the endpoint's documented 400 code, else root.invalid_data", async () => {
    const key = await call(sb, 'POST', '/api/v1/users/auth/keys', { body: '{"description": ' });
    expect([key.status, cloudErrorCode(key)]).toEqual([400, 'api_keys.invalid_input']);
    const members = await call(sb, 'GET', `/api/v1/organizations/${sb.organizationId}/members`);
    const userId = members.as(MemberList).members[0]!.user_id;
    const assign = await call(sb, 'POST', `/api/v1/users/${userId}/role_assignments`, { body: '{"project": ' });
    expect([assign.status, cloudErrorCode(assign)]).toEqual([400, 'root.invalid_data']);
  });
});
