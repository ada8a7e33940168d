/**
 * Planted secrets (the client's own key, a created key's `key`, invitation tokens) must not appear in any error
 * message, debug log line or audit event, whatever the server echoes back.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WriteEvent } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections } from '../../src/api/http.js';
import { openDebugLog } from '../../src/util/debug-log.js';
import { Secret } from '../../src/util/secret.js';
import { failure } from './support/failure.js';
import { json, routes, startServer, type TestServer } from './support/server.js';

const CLOUD_KEY = 'essu_PLANTED_CLOUD_KEY_0123456789';
const CREATED_KEY = 'PLANTED-CREATED-KEY-abcdef0123';
const INVITE_TOKEN = 'PLANTEDINVITETOKEN42';
const ORG = { id: '1234567890', name: 'Acme' };
const PLANTED = [CLOUD_KEY, CREATED_KEY, INVITE_TOKEN];

let server: TestServer;
let dir: string;

beforeEach(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'ec-access-secrets-'));
});

afterEach(async () => {
  await closeConnections();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectClean(text: string) {
  for (const secret of PLANTED) expect(text).not.toContain(secret);
}

describe('secrets', () => {
  it('stay out of errors, the debug log and write events', async () => {
    server.handle(
      routes({
        'POST /api/v1/users/auth/keys': () => [
          201,
          { id: 'k1', description: 'ci', creation_date: '2024-01-01T00:00:00Z', key: CREATED_KEY },
        ],
        [`GET /api/v1/organizations/${ORG.id}/invitations`]: () => [
          200,
          {
            invitations: [
              {
                token: INVITE_TOKEN,
                email: 'b@example.com',
                created_at: '2024-01-01T00:00:00Z',
                expires_at: '2024-01-04T00:00:00Z',
                expired: false,
                organization: ORG,
              },
            ],
          },
        ],
        // A careless server echoing everything it knows into error messages.
        [`DELETE /api/v1/organizations/${ORG.id}/invitations/${INVITE_TOKEN}`]: () => [
          404,
          { errors: [{ code: 'organization.invitation_not_found', message: `invitation ${INVITE_TOKEN} not found` }] },
        ],
        'DELETE /api/v1/users/auth/keys': () => [
          400,
          { errors: [{ code: 'x', message: `bad key ${CREATED_KEY}, caller ApiKey ${CLOUD_KEY}` }] },
        ],
        [`GET /api/v1/organizations/${ORG.id}/members`]: () => [
          401,
          { errors: [{ code: 'root.unauthorized', message: `key ${CLOUD_KEY} expired` }] },
        ],
      }),
    );
    const logPath = join(dir, 'state', 'debug.log');
    const events: WriteEvent[] = [];
    const cloud = createCloudClient({
      baseUrl: server.url,
      apiKey: new Secret(CLOUD_KEY),
      onWrite: (e) => events.push(e),
      debugLog: openDebugLog(logPath),
      retry: { attempts: 1 },
    });

    const created = await cloud.createApiKey({ description: 'ci' });
    expect(created.key).toBe(CREATED_KEY); // the caller does get it, once
    const [invitation] = await cloud.listInvitations(ORG.id);
    expect(invitation?.token).toBe(INVITE_TOKEN);

    const errors = await Promise.all([
      failure(cloud.cancelInvitations(ORG.id, [INVITE_TOKEN])),
      failure(cloud.deleteApiKeys(['k1'])),
      failure(cloud.listMembers(ORG.id)),
    ]);
    for (const error of errors) {
      const { message, hint, endpoint } = error;
      expect(message).toBeTruthy();
      expectClean(`${message} ${hint} ${endpoint} ${String(error)}`);
    }
    expect(errors[0].endpoint).toBe(`DELETE /organizations/${ORG.id}/invitations/[redacted]`);
    expect(errors[1].message).toBe('bad key [redacted], caller ApiKey [redacted]');

    expect(events.map((e) => `${e.request.method} ${e.status}`)).toEqual(['POST 201', 'DELETE 404', 'DELETE 400']);
    expectClean(JSON.stringify(events));
    expect(events[1]?.url).toBe(`${server.url}/api/v1/organizations/${ORG.id}/invitations/[redacted]`);

    const log = readFileSync(logPath, 'utf8');
    expect(log).toContain('POST');
    expect(log).toContain('"key":"[redacted]"');
    expect(log).toContain('"token":"[redacted]"');
    expectClean(log);
    expect(statSync(logPath).mode & 0o777).toBe(0o600);

    // The server did receive the real values: redaction is for display, not for the wire.
    expect(server.requests.some((r) => r.url.includes(INVITE_TOKEN))).toBe(true);
    expect(server.requests.every((r) => r.headers.authorization === `ApiKey ${CLOUD_KEY}`)).toBe(true);
  });

  it('previews redact invitation tokens in URLs', () => {
    const cloud = createCloudClient({ baseUrl: 'https://api.elastic-cloud.com', apiKey: new Secret(CLOUD_KEY) });
    const url = cloud.urlOf({
      method: 'DELETE',
      path: `/organizations/${ORG.id}/invitations/${INVITE_TOKEN}`,
      target: { service: 'cloud' },
      summary: 'cancel 1 invitation',
    });
    expect(url).toBe(`https://api.elastic-cloud.com/api/v1/organizations/${ORG.id}/invitations/[redacted]`);
  });

  it('an observer that throws does not turn a successful write into a failure', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const cloud = createCloudClient({
      baseUrl: server.url,
      apiKey: new Secret(CLOUD_KEY),
      onWrite: () => {
        throw new Error('audit disk full');
      },
    });
    await expect(cloud.addRoleAssignments('u1', {})).resolves.toBeUndefined();
  });
});
