/** `listDeployments()`: the request it sends, the ESS listing it reads, and what it refuses. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudApi } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { ApiError } from '../../src/api/errors.js';
import { closeConnections } from '../../src/api/http.js';
import { cloudRequests } from '../../src/api/requests.js';
import { Secret } from '../../src/util/secret.js';
import { routes, startServer, type TestServer } from './support/server.js';

const KEY = 'essu_TESTKEY_abcdefghijklmnop';
const listing = {
  id: 'd'.repeat(32),
  name: 'ecommerce-search',
  resources: [
    { ref_id: 'main-elasticsearch', id: 'e'.repeat(32), kind: 'elasticsearch', region: 'gcp-us-central1' },
    {
      ref_id: 'main-kibana',
      id: 'f'.repeat(32),
      kind: 'kibana',
      region: 'gcp-us-central1',
      elasticsearch_cluster_ref_id: 'main-elasticsearch',
    },
  ],
};

let server: TestServer;
let cloud: CloudApi;

beforeEach(async () => {
  server = await startServer();
  cloud = createCloudClient({ baseUrl: server.url, apiKey: new Secret(KEY), retry: { attempts: 1 } });
});

afterEach(async () => {
  await closeConnections();
  await server.close();
});

describe('listDeployments', () => {
  it('is a plain GET /deployments request', () => {
    expect(cloudRequests.listDeployments()).toEqual({
      method: 'GET',
      path: '/deployments',
      target: { service: 'cloud' },
      summary: 'list hosted deployments',
    });
  });

  it('sends GET /api/v1/deployments and returns the listing, unknown fields kept', async () => {
    server.handle(routes({ 'GET /api/v1/deployments': () => [200, { deployments: [{ ...listing, alias: 'shop' }] }] }));
    const deployments = await cloud.listDeployments();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v1/deployments']);
    expect(deployments).toEqual([{ ...listing, alias: 'shop' }]);
  });

  it('makes a hostile deployment name inert where it enters', async () => {
    server.handle(
      routes({ 'GET /api/v1/deployments': () => [200, { deployments: [{ ...listing, name: 'shop\x1b[2J' }] }] }),
    );
    const [deployment] = await cloud.listDeployments();
    expect(deployment?.name).not.toContain('\x1b');
    expect(deployment?.name).toContain('shop');
  });

  it('refuses a listing without the required resources', async () => {
    const { resources: _resources, ...noResources } = listing;
    server.handle(routes({ 'GET /api/v1/deployments': () => [200, { deployments: [noResources] }] }));
    const refused = cloud.listDeployments();
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ kind: 'unexpected_response' });
  });
});
