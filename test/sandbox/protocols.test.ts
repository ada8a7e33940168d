/**
 * One port, two protocols: HTTP/1.1 for curl and the skill's scripts, HTTP/2 without TLS (prior knowledge) for
 * ec-access, which then sends a screen's requests at once over a single connection.
 */
import { connect } from 'node:http2';
import { describe, expect, it } from 'vitest';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections } from '../../src/api/http.js';
import { PROJECT_TYPES } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { SANDBOX_HTTP2 } from '../../src/sandbox/protocol.js';
import { Secret } from '../../src/util/secret.js';
import { withSandbox, call } from './helpers.js';

let sb: RunningSandbox;
withSandbox('file', (started) => {
  sb = started;
});

function h2Get(path: string, key: string): Promise<{ status: number; body: string }> {
  const session = connect(sb.baseUrl);
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':path': path, authorization: `ApiKey ${key}` });
    let status = 0;
    let body = '';
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (body += chunk));
    stream.on('end', () => {
      session.close();
      resolve({ status, body });
    });
    stream.on('error', reject);
  });
}

describe('the sandbox port', () => {
  it('answers HTTP/1.1 and HTTP/2 alike', async () => {
    const h1 = await call(sb, 'GET', '/api/v1/organizations');
    const h2 = await h2Get('/api/v1/organizations', sb.ownerKey);
    expect(h1.status).toBe(200);
    expect(h2.status).toBe(200);
    expect(JSON.parse(h2.body)).toEqual(h1.json);
    expect((await h2Get('/api/v1/organizations', 'not-a-key')).status).toBe(401);
  });

  it("lets ec-access send a screen's requests at once over one connection", async () => {
    await closeConnections();
    const before = sb.connectionsSeen();
    const cloud = createCloudClient({ baseUrl: sb.baseUrl, apiKey: new Secret(sb.ownerKey), http2: SANDBOX_HTTP2 });
    const [members, keys, ...projects] = await Promise.all([
      cloud.listMembers(sb.organizationId),
      cloud.listApiKeys(),
      ...PROJECT_TYPES.map((type) => cloud.listProjects(type)),
    ]);
    expect(members.length).toBeGreaterThan(0);
    expect(keys.length).toBeGreaterThan(0);
    expect(projects.flat().length).toBeGreaterThan(0);
    expect(sb.connectionsSeen() - before).toBe(1);
  });

  it('carries the body of a DELETE over HTTP/2 (revoking keys, removing role assignments)', async () => {
    const cloud = createCloudClient({ baseUrl: sb.baseUrl, apiKey: new Secret(sb.ownerKey), http2: SANDBOX_HTTP2 });
    const keys = await cloud.listApiKeys();
    const victim = keys.find((k) => k.id !== sb.ownerKeyId)!;
    await cloud.deleteApiKeys([victim.id]);
    expect((await cloud.listApiKeys()).map((k) => k.id)).toEqual(keys.filter((k) => k !== victim).map((k) => k.id));
  });
});
