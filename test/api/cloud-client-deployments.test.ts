/**
 * `listDeployments()` and `getDeployment(id)`: the requests they send, the ESS answers they read (DeploymentsListResponse,
 * DeploymentGetResponse), and what they refuse.
 */
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

describe('getDeployment', () => {
  const part = (kind: string, healthy: boolean) => ({
    ref_id: `main-${kind}`,
    id: `${kind}-id`,
    region: 'gcp-us-central1',
    info: {
      healthy,
      status: 'started',
      plan_info: { healthy, history: [], current: { healthy: true, plan: { [kind]: { version: '8.15.1' } } } },
      cluster_name: 'ecommerce-search',
    },
  });
  const answer = {
    id: listing.id,
    name: 'ecommerce-search',
    healthy: false,
    resources: {
      elasticsearch: [part('elasticsearch', false)],
      kibana: [part('kibana', true)],
      apm: [],
      appsearch: [],
      enterprise_search: [],
      integrations_server: [],
    },
  };

  it('is a plain GET /deployments/{id} request, the id one path segment', () => {
    expect(cloudRequests.getDeployment('d1')).toEqual({
      method: 'GET',
      path: '/deployments/d1',
      target: { service: 'cloud' },
      summary: 'get hosted deployment d1',
    });
    expect(cloudRequests.getDeployment('a/b').path).toBe('/deployments/a%2Fb');
    expect(() => cloudRequests.getDeployment('..')).toThrow(ApiError);
  });

  it('sends GET /api/v1/deployments/{id} and reads health, status and versions, unknown fields kept', async () => {
    server.handle(routes({ [`GET /api/v1/deployments/${listing.id}`]: () => [200, answer] }));
    const info = await cloud.getDeployment(listing.id);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET /api/v1/deployments/${listing.id}`]);
    expect(info.healthy).toBe(false);
    expect(info.resources.elasticsearch[0]?.info.plan_info.current?.plan?.elasticsearch?.version).toBe('8.15.1');
    expect(info.resources.kibana[0]?.info).toMatchObject({ healthy: true, cluster_name: 'ecommerce-search' });
  });

  it('reads a missing kind of part as none (the spec requires all six arrays)', async () => {
    const { appsearch: _gone, ...fewer } = answer.resources;
    server.handle(routes({ [`GET /api/v1/deployments/${listing.id}`]: () => [200, { ...answer, resources: fewer }] }));
    expect((await cloud.getDeployment(listing.id)).resources.appsearch).toEqual([]);
  });

  it('refuses an answer without the deployment’s health, and reports 404 as not found', async () => {
    const { healthy: _healthy, ...noHealth } = answer;
    server.handle(
      routes({
        [`GET /api/v1/deployments/${listing.id}`]: () => [200, noHealth],
        'GET /api/v1/deployments/gone': () => [
          404,
          { errors: [{ code: 'deployments.deployment_not_found', message: 'Deployment gone not found' }] },
        ],
      }),
    );
    await expect(cloud.getDeployment(listing.id)).rejects.toMatchObject({ kind: 'unexpected_response' });
    await expect(cloud.getDeployment('gone')).rejects.toMatchObject({ status: 404 });
  });
});
