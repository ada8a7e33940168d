import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EsApi, WriteEvent } from '../../src/api/client.js';
import { createEsClient } from '../../src/api/es-client.js';
import { closeConnections } from '../../src/api/http.js';
import { esRequests } from '../../src/api/requests.js';
import { Secret } from '../../src/util/secret.js';
import { failure } from './support/failure.js';
import { json, routes, startServer, type TestServer } from './support/server.js';

const PROJECT = 'b'.repeat(32);
const PREFIX = `/_es/${PROJECT}`;
const KEY = 'es-key-0123456789abcdef';
const role = {
  cluster: ['monitor'],
  indices: [{ names: ['logs-*'], privileges: ['read'], allow_restricted_indices: false }],
  applications: [{ application: 'kibana-.kibana', privileges: ['feature_discover.read'], resources: ['*'] }],
  metadata: {},
  transient_metadata: { enabled: true },
};

let server: TestServer;
let es: EsApi;
let events: WriteEvent[];

beforeEach(async () => {
  server = await startServer();
  events = [];
  // The sandbox serves every project below a path prefix on one port; the client must keep that prefix.
  es = createEsClient({
    projectId: PROJECT,
    baseUrl: `${server.url}${PREFIX}/`,
    apiKey: new Secret(KEY),
    onWrite: (e) => events.push(e),
  });
});

afterEach(async () => {
  await closeConnections();
  await server.close();
});

describe('ES security roles', () => {
  it('lists roles below the endpoint path prefix, with ApiKey auth', async () => {
    server.handle(routes({ [`GET ${PREFIX}/_security/role`]: () => [200, { reader: role }] }));
    expect(await es.listRoles()).toEqual({ reader: role });
    expect(server.requests[0]?.headers.authorization).toBe(`ApiKey ${KEY}`);
    expect(es.baseUrl).toBe(`${server.url}${PREFIX}`);
  });

  it('gets one role', async () => {
    server.handle(routes({ [`GET ${PREFIX}/_security/role/reader`]: () => [200, { reader: role }] }));
    expect(await es.getRole('reader')).toEqual(role);
  });

  it('a missing role (404 {}) is undefined, not an error', async () => {
    server.handle((_req, res) => json(res, 404, {}));
    expect(await es.getRole('ghost')).toBeUndefined();
  });

  it('a 404 carrying an ES error is still an error', async () => {
    server.handle((_req, res) =>
      json(res, 404, { error: { type: 'resource_not_found_exception', reason: 'no such endpoint' }, status: 404 }),
    );
    await expect(es.getRole('reader')).rejects.toMatchObject({
      kind: 'not_found',
      service: 'es',
      code: 'resource_not_found_exception',
      message: 'resource_not_found_exception: no such endpoint',
    });
  });

  it('puts a role with its descriptor as JSON and reports the write', async () => {
    server.handle(routes({ [`PUT ${PREFIX}/_security/role/reader`]: () => [200, { role: { created: true } }] }));
    const descriptor = { cluster: ['monitor'], indices: [{ names: ['logs-*'], privileges: ['read'] }] };
    expect(await es.putRole('reader', descriptor)).toEqual({ role: { created: true } });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(descriptor);
    expect(events).toMatchObject([{ status: 200, ok: true, url: `${server.url}${PREFIX}/_security/role/reader` }]);
  });

  it('deletes a role: true when found, false on 404 {found:false}', async () => {
    server.handle((req, res) =>
      req.url.endsWith('/reader') ? json(res, 200, { found: true }) : json(res, 404, { found: false }),
    );
    expect(await es.deleteRole('reader')).toBe(true);
    expect(await es.deleteRole('ghost')).toBe(false);
    expect(events.map((e) => [e.status, e.ok])).toEqual([
      [200, true],
      [404, true],
    ]);
  });

  it('authenticates', async () => {
    server.handle(
      routes({
        [`GET ${PREFIX}/_security/_authenticate`]: () => [
          200,
          { username: 'k', roles: ['admin'], authentication_type: 'api_key' },
        ],
      }),
    );
    expect(await es.authenticate()).toMatchObject({ username: 'k', roles: ['admin'] });
  });

  it('403: the key lacks application_roles here, or the custom role is missing in this project', async () => {
    server.handle((_req, res) =>
      json(res, 403, {
        error: { type: 'security_exception', reason: 'action [cluster:admin/xpack/security/role/put] is unauthorized' },
        status: 403,
      }),
    );
    const error = await failure(es.putRole('x', {}));
    expect(error).toMatchObject({ kind: 'forbidden', service: 'es', status: 403, code: 'security_exception' });
    expect(error.hint).toMatch(/application_roles/);
    expect(error.hint).toMatch(/does not exist in this project/);
  });

  it('drift in a role is reported with its path', async () => {
    server.handle((_req, res) => json(res, 200, { reader: { ...role, indices: [{ names: ['x'] }] } }));
    await expect(es.listRoles()).rejects.toMatchObject({
      kind: 'unexpected_response',
      message: `unexpected response from GET /_security/role: body.reader.indices[0].privileges is missing (expected array)`,
    });
  });

  it('refuses a request addressed to another project', async () => {
    await expect(es.send(esRequests.listRoles('c'.repeat(32)))).rejects.toThrow(/another service or project/);
    expect(server.requests).toHaveLength(0);
  });
});
