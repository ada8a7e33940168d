import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudApi } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections } from '../../src/api/http.js';
import { Secret } from '../../src/util/secret.js';
import { failure } from './support/failure.js';
import { json, startServer, type TestServer } from './support/server.js';

const ORG = '1234567890';
let server: TestServer;
let cloud: CloudApi;

beforeEach(async () => {
  server = await startServer();
  cloud = createCloudClient({
    baseUrl: server.url,
    apiKey: new Secret('essu_TESTKEY_abcdefghijklmnop'),
    retry: { attempts: 1 },
  });
});

afterEach(async () => {
  await closeConnections();
  await server.close();
});

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  server.handle((_req, res) => json(res, status, body, headers));
}

describe('Cloud error envelopes', () => {
  it('401: key rejected, with advice to create a new one and put it in .env', async () => {
    answer(401, { errors: [{ code: 'root.unauthorized', message: 'The supplied authentication is invalid' }] });
    const error = await failure(cloud.listOrganizations());
    expect(error).toMatchObject({
      kind: 'auth',
      status: 401,
      code: 'root.unauthorized',
      service: 'cloud',
      endpoint: 'GET /organizations',
      message: 'The supplied authentication is invalid',
    });
    expect(error.hint).toMatch(/invalid, revoked or expired/);
    expect(error.hint).toMatch(/EC_API_KEY=/);
    expect(error.hint).toMatch(/\.env/);
  });

  it('401 with user.not_found (a revoked key on /organizations): about the key, not about a user', async () => {
    answer(401, { errors: [{ code: 'user.not_found', message: 'api key is revoked' }] });
    const error = await failure(cloud.listOrganizations());
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'user.not_found' });
    expect(error.hint).toMatch(/invalid, revoked or expired/);
    expect(error.hint).not.toMatch(/user was not found/i);
  });

  it('server words in an error are cleaned where they enter: no control or bidi character survives', async () => {
    answer(400, { errors: [{ code: 'x', message: 'bad \x1b]52;c;aGk=\x07 \x9b2J \u202eevil' }] });
    const error = await failure(cloud.listOrganizations());
    expect(error.message).toBe('bad \\x1b]52;c;aGk=\\x07 \\x9b2J <U+202E>evil');
  });

  it('403 on Cloud: the key is not an Organization owner', async () => {
    answer(403, { errors: [{ code: 'root.forbidden', message: 'Forbidden' }] });
    const error = await failure(cloud.createApiKey({ description: 'x' }));
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, endpoint: 'POST /users/auth/keys' });
    expect(error.hint).toMatch(/Organization owner \(organization-admin\)/);
  });

  it('uses the code-specific hint for a documented code', async () => {
    answer(400, { errors: [{ code: 'organization.invitation_already_exists', message: 'Invitation exists' }] });
    const error = await failure(cloud.createInvitations(ORG, { emails: ['a@example.com'] }));
    expect(error).toMatchObject({ kind: 'bad_request', code: 'organization.invitation_already_exists' });
    expect(error.hint).toMatch(/cancel the pending invitation and invite again/);
  });

  it('joins several errors and takes the code from the first', async () => {
    answer(400, {
      errors: [
        { code: 'api_keys.invalid_input', message: 'description is required' },
        { code: 'api_keys.invalid_input', message: 'expiration too long' },
      ],
    });
    const error = await failure(cloud.createApiKey({ description: 'x' }));
    expect(error.message).toBe('description is required; expiration too long');
    expect(error.code).toBe('api_keys.invalid_input');
  });

  it('reads the code from x-cloud-error-codes when the body has none', async () => {
    answer(404, undefined, { 'x-cloud-error-codes': 'organization.not_found' });
    const error = await failure(cloud.listMembers(ORG));
    expect(error).toMatchObject({
      kind: 'not_found',
      status: 404,
      code: 'organization.not_found',
      message: 'HTTP 404 Not Found',
    });
    expect(error.hint).toMatch(/--org/);
  });

  it('409 and 412 are conflicts', async () => {
    answer(409, { errors: [{ code: 'x.conflict', message: 'changed' }] });
    expect(await failure(cloud.listMembers(ORG))).toMatchObject({ kind: 'conflict', status: 409 });
    answer(412, { errors: [{ code: 'x.precondition', message: 'etag' }] });
    expect(await failure(cloud.listMembers(ORG))).toMatchObject({ kind: 'conflict', status: 412 });
  });

  it('429 says how long to wait', async () => {
    answer(
      429,
      { errors: [{ code: 'organization.invitations_rate_limit_exceeded', message: 'slow down' }] },
      { 'retry-after': '7' },
    );
    const error = await failure(cloud.createInvitations(ORG, { emails: ['a@example.com'] }));
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      retryAfterMs: 7000,
      message: 'rate limited; retry after 7 s',
    });
  });

  it('a 5xx on a write warns that the outcome is unknown; on a read it does not', async () => {
    server.handle((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html>oops</html>');
    });
    const write = await failure(cloud.addRoleAssignments('u1', {}));
    expect(write).toMatchObject({ kind: 'server', status: 500, message: 'HTTP 500 Internal Server Error' });
    expect(write.hint).toMatch(/may or may not have been made/);
    const read = await failure(cloud.listMembers(ORG));
    expect(read.hint).not.toMatch(/may or may not/);
    expect(read.hint).toMatch(/status\.elastic\.co/);
  });
});

describe('schema drift', () => {
  it('a missing required field is an unexpected_response naming the field path', async () => {
    answer(200, {
      members: [{ organization_id: ORG, member_since: '2024-01-01T00:00:00Z', email: 'private@example.com' }],
    });
    const error = await failure(cloud.listMembers(ORG));
    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toBe(
      `unexpected response from GET /organizations/${ORG}/members: body.members[0].user_id is missing (expected string)`,
    );
    expect(error.message).not.toContain('private@example.com');
  });

  it('a wrong type names the field and the expected type, not the value', async () => {
    answer(200, { organizations: [{ id: 'SENSITIVE-VALUE-1', name: 42 }] });
    const error = await failure(cloud.listOrganizations());
    expect(error.message).toMatch(/body\.organizations\[0\]\.name expected string, received number/);
    expect(error.message).not.toContain('SENSITIVE-VALUE-1');
  });

  it('a 2xx body that is not JSON', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello');
    });
    expect(await failure(cloud.listOrganizations())).toMatchObject({
      kind: 'unexpected_response',
      message: 'unexpected response from GET /organizations: body is not JSON',
    });
  });
});

describe('network failures', () => {
  it('a refused connection is a network error with advice about the base URL', async () => {
    const port = server.port;
    await server.close();
    const client = createCloudClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: new Secret('k'.repeat(20)),
      retry: { attempts: 1 },
    });
    const error = await failure(client.listOrganizations());
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', status: undefined });
    expect(error.message).toBe(`connection refused by http://127.0.0.1:${port}`);
    expect(error.hint).toMatch(/EC_BASE_URL/);
    server = await startServer(); // afterEach closes it
  });

  it('an unknown host is reported as such', async () => {
    const client = createCloudClient({
      baseUrl: 'https://no-such-host.invalid',
      apiKey: new Secret('k'.repeat(20)),
      retry: { attempts: 1 },
    });
    const error = await failure(client.listOrganizations());
    expect(error.kind).toBe('network');
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(error.code);
  });
});
