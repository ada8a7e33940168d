import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudApi } from '../../src/api/client.js';
import { cloudApiRoot, createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections } from '../../src/api/http.js';
import { ApiError } from '../../src/api/errors.js';
import { cloudRequests, esRequests } from '../../src/api/requests.js';
import { Secret } from '../../src/util/secret.js';
import { routes, startServer, type TestServer } from './support/server.js';

const KEY = 'essu_TESTKEY_abcdefghijklmnop';
const ORG = { id: '1234567890', name: 'Acme' };
const roles = { organization: [{ role_id: 'organization-admin', organization_id: ORG.id }] };
const member = {
  organization_id: ORG.id,
  user_id: 'u1',
  member_since: '2024-01-01T00:00:00Z',
  email: 'a@example.com',
  role_assignments: roles,
};
const invitation = {
  token: 'invtoken-0123456789',
  email: 'b@example.com',
  created_at: '2024-01-01T00:00:00Z',
  expires_at: '2024-01-04T00:00:00Z',
  expired: false,
  organization: ORG,
};
const apiKey = { id: 'k1', description: 'ci', creation_date: '2024-01-01T00:00:00Z' };
const project = {
  id: 'a'.repeat(32),
  name: 'search',
  alias: 'search-abc123',
  type: 'elasticsearch',
  region_id: 'aws-us-east-1',
  cloud_id: 'cid',
  metadata: { created_at: '2024-01-01T00:00:00Z', created_by: 'u1', organization_id: ORG.id },
  endpoints: { elasticsearch: 'https://es.example', kibana: 'https://kb.example' },
  optimized_for: 'general_purpose',
};

let server: TestServer;
let cloud: CloudApi;

beforeEach(async () => {
  server = await startServer();
  cloud = createCloudClient({ baseUrl: server.url, apiKey: new Secret(KEY) });
});

afterEach(async () => {
  await closeConnections();
  await server.close();
});

describe('cloudApiRoot', () => {
  it('appends /api/v1 once, whether or not the base URL already has it', () => {
    expect(cloudApiRoot('https://api.elastic-cloud.com')).toBe('https://api.elastic-cloud.com/api/v1');
    expect(cloudApiRoot('https://api.elastic-cloud.com/')).toBe('https://api.elastic-cloud.com/api/v1');
    expect(cloudApiRoot('https://api.elastic-cloud.com/api/v1/')).toBe('https://api.elastic-cloud.com/api/v1');
  });

  it('accepts a base URL that already ends with /api/v1 when sending', async () => {
    const client = createCloudClient({ baseUrl: `${server.url}/api/v1`, apiKey: new Secret(KEY) });
    server.handle(routes({ 'GET /api/v1/organizations': () => [200, { organizations: [ORG] }] }));
    expect(await client.listOrganizations()).toEqual([ORG]);
  });
});

describe('headers', () => {
  it('sends ApiKey auth, a user agent, and a JSON content type only with a body', async () => {
    server.handle(
      routes({
        'GET /api/v1/organizations': () => [200, { organizations: [ORG] }],
        'POST /api/v1/users/u1/role_assignments': () => [200, {}],
      }),
    );
    await cloud.listOrganizations();
    await cloud.addRoleAssignments('u1', roles);
    const [get, post] = server.requests;
    expect(get?.headers.authorization).toBe(`ApiKey ${KEY}`);
    expect(get?.headers['user-agent']).toMatch(/^ec-access\/\d+\.\d+\.\d+/);
    expect(get?.headers['content-type']).toBeUndefined();
    expect(post?.headers.authorization).toBe(`ApiKey ${KEY}`);
    expect(post?.headers['content-type']).toBe('application/json');
  });
});

describe('endpoints', () => {
  it('lists organizations', async () => {
    server.handle(routes({ 'GET /api/v1/organizations': () => [200, { organizations: [ORG], next_page: 'x' }] }));
    expect(await cloud.listOrganizations()).toEqual([ORG]);
  });

  it('lists members with their embedded role assignments', async () => {
    server.handle(routes({ [`GET /api/v1/organizations/${ORG.id}/members`]: () => [200, { members: [member] }] }));
    expect(await cloud.listMembers(ORG.id)).toEqual([member]);
  });

  it('removes several members in one comma-separated path', async () => {
    server.handle(routes({ [`DELETE /api/v1/organizations/${ORG.id}/members/u1,u2`]: () => [200, {}] }));
    await cloud.removeMembers(ORG.id, ['u1', 'u2']);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE /api/v1/organizations/${ORG.id}/members/u1,u2`,
    ]);
  });

  it('lists, creates (201) and cancels invitations', async () => {
    server.handle(
      routes({
        [`GET /api/v1/organizations/${ORG.id}/invitations`]: () => [200, { invitations: [invitation] }],
        [`POST /api/v1/organizations/${ORG.id}/invitations`]: () => [201, { invitations: [invitation] }],
        [`DELETE /api/v1/organizations/${ORG.id}/invitations/t1,t2`]: () => [200, {}],
      }),
    );
    expect(await cloud.listInvitations(ORG.id)).toEqual([invitation]);
    const body = { emails: ['b@example.com'], expires_in: '72h', role_assignments: roles };
    expect(await cloud.createInvitations(ORG.id, body)).toEqual([invitation]);
    await cloud.cancelInvitations(ORG.id, ['t1', 't2']);
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual(body);
    expect(server.requests[2]?.method).toBe('DELETE');
  });

  it('adds and removes role assignments, DELETE carrying a JSON body', async () => {
    server.handle(
      routes({
        'POST /api/v1/users/u1/role_assignments': () => [200, {}],
        'DELETE /api/v1/users/u1/role_assignments': () => [200, {}],
      }),
    );
    await cloud.addRoleAssignments('u1', roles);
    await cloud.removeRoleAssignments('u1', roles);
    const del = server.requests[1];
    expect(del?.method).toBe('DELETE');
    expect(del?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(del?.body ?? '')).toEqual(roles);
  });

  it('accepts an empty body where the contract says {}', async () => {
    server.handle((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    await expect(cloud.removeMembers(ORG.id, ['u1'])).resolves.toBeUndefined();
  });

  it('revokes keys with DELETE /users/auth/keys and a {keys} body', async () => {
    server.handle(routes({ 'DELETE /api/v1/users/auth/keys': () => [200, {}] }));
    await cloud.deleteApiKeys(['k1', 'k2']);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ keys: ['k1', 'k2'] });
  });

  it('follows next_page until the key list is complete', async () => {
    server.handle(
      routes({
        'GET /api/v1/users/auth/keys': () => [200, { keys: [apiKey], next_page: 'p2' }],
        'GET /api/v1/users/auth/keys?next_page=p2': () => [200, { keys: [{ ...apiKey, id: 'k2' }], next_page: 'p3' }],
        'GET /api/v1/users/auth/keys?next_page=p3': () => [200, { keys: [{ ...apiKey, id: 'k3' }] }],
      }),
    );
    expect((await cloud.listApiKeys()).map((k) => k.id)).toEqual(['k1', 'k2', 'k3']);
    expect(server.requests).toHaveLength(3);
  });

  it('stops a next_page cursor that loops', async () => {
    server.handle(
      routes({
        'GET /api/v1/users/auth/keys': () => [200, { keys: [apiKey], next_page: 'p2' }],
        'GET /api/v1/users/auth/keys?next_page=p2': () => [200, { keys: [apiKey], next_page: 'p2' }],
      }),
    );
    await expect(cloud.listApiKeys()).rejects.toMatchObject({ kind: 'unexpected_response' });
  });

  it('gets one key and creates one (201, with its secret)', async () => {
    server.handle(
      routes({
        'GET /api/v1/users/auth/keys/k1': () => [200, apiKey],
        'POST /api/v1/users/auth/keys': () => [201, { ...apiKey, key: 'secret-key-value-123' }],
      }),
    );
    expect(await cloud.getApiKey('k1')).toEqual(apiKey);
    const created = await cloud.createApiKey({ description: 'ci', expiration: '30d' });
    expect(created.key).toBe('secret-key-value-123');
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ description: 'ci', expiration: '30d' });
  });

  it('lists and gets Serverless projects, keeping type-specific fields', async () => {
    server.handle(
      routes({
        'GET /api/v1/serverless/projects/elasticsearch': () => [200, { items: [project] }],
        [`GET /api/v1/serverless/projects/elasticsearch/${project.id}`]: () => [200, project],
      }),
    );
    const [listed] = await cloud.listProjects('elasticsearch');
    expect(listed).toEqual(project);
    expect(await cloud.getProject('elasticsearch', project.id)).toEqual(project);
  });

  it('flattens the custom roles keyed by project id', async () => {
    server.handle(
      routes({
        [`GET /api/v1/serverless/projects/security/${project.id}/roles`]: () => [
          200,
          { [project.id]: { roles: [{ name: 'soc-reader', description: 'reads alerts' }] } },
        ],
      }),
    );
    expect(await cloud.getProjectRoles('security', project.id)).toEqual([
      { name: 'soc-reader', description: 'reads alerts' },
    ]);
  });

  it('sends a prepared request and returns its decoded JSON', async () => {
    server.handle(routes({ [`GET /api/v1/organizations/${ORG.id}/members`]: () => [200, { members: [] }] }));
    expect(await cloud.send(cloudRequests.listMembers(ORG.id))).toEqual({ members: [] });
  });

  it('builds preview URLs under /api/v1', () => {
    expect(cloud.urlOf(cloudRequests.listApiKeys('p2'))).toBe(`${server.url}/api/v1/users/auth/keys?next_page=p2`);
  });
});

describe('connections', () => {
  it('reuses pooled keep-alive connections for sequential calls', async () => {
    server.handle(routes({ 'GET /api/v1/organizations': () => [200, { organizations: [ORG] }] }));
    for (let i = 0; i < 6; i++) await cloud.listOrganizations();
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('opens at most two connections for concurrent calls', async () => {
    server.handle(routes({ 'GET /api/v1/organizations': () => [200, { organizations: [ORG] }] }));
    await Promise.all(Array.from({ length: 8 }, () => cloud.listOrganizations()));
    expect(server.connections()).toBeLessThanOrEqual(2);
  });
});

describe('path segments', () => {
  it('refuses ".", ".." and empty values before sending anything (--org .. would reach /members)', () => {
    for (const bad of ['..', '.', '']) {
      expect(() => cloudRequests.listMembers(bad)).toThrow(/cannot name anything in a request path/);
      expect(() => cloudRequests.removeMembers('org', [bad])).toThrow(ApiError);
      expect(() => esRequests.deleteRole('p1', bad)).toThrow(ApiError);
    }
    expect(() => cloudRequests.cancelInvitations('org', [])).toThrow(ApiError);
    expect(cloudRequests.removeMembers('o', ['a.b', '..x', 'c/d']).path).toBe('/organizations/o/members/a.b,..x,c%2Fd');
    expect(esRequests.getRole('p1', '...').path).toBe('/_security/role/...');
  });
});
