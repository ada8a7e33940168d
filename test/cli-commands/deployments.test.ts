/** `ec-access deployments list` on the sandbox: the document, who can reach each deployment, the table, the key's view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeploymentsDoc } from '../support/cli-docs.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

describe('deployments list', () => {
  it('prints every deployment the key sees with its region and parts, sending only GET /deployments', async () => {
    await h.clearRequests();
    const result = await h.run(['deployments', 'list', '--json']);
    expect(result.code).toBe(0);
    const { deployments } = result.doc(DeploymentsDoc);
    expect(deployments.map((d) => [d.name, d.region])).toEqual([
      ['ecommerce-search', 'gcp-us-central1'],
      ['logging-cluster', 'aws-eu-west-1'],
      ['legacy-siem', 'azure-eastus2'],
    ]);
    expect(deployments.every((d) => d.access === null)).toBe(true);
    expect(deployments[0]?.resources.map((r) => r.kind)).toEqual(['elasticsearch', 'kibana', 'apm']);
    const sent = (await h.requests()).filter((r) => !r.url.startsWith('/_sandbox'));
    expect(sent.map((r) => `${r.method} ${r.url}`)).toContain('GET /api/v1/deployments');
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('with --details: each deployment’s version, health and parts’ status, one GET /deployments/{id} each', async () => {
    await h.clearRequests();
    const result = await h.run(['deployments', 'list', '--details', '--json']);
    expect(result.code).toBe(0);
    const { deployments, unreadable } = result.doc(DeploymentsDoc);
    expect(unreadable).toEqual([]);
    expect(deployments.map((d) => [d.name, d.details?.version, d.details?.healthy, d.details?.status])).toEqual([
      ['ecommerce-search', '8.15.1', true, 'started'],
      ['logging-cluster', '8.17.0', true, 'started'],
      ['legacy-siem', '7.17.24', false, 'started'],
    ]);
    const siem = deployments[2]!.details!.parts;
    expect(siem.map((p) => [p.kind, p.healthy, p.version, p.region])).toEqual([
      ['elasticsearch', false, '7.17.24', 'azure-eastus2'],
      ['kibana', true, '7.17.24', 'azure-eastus2'],
      ['integrations_server', true, '7.17.24', 'azure-eastus2'],
    ]);
    const sent = (await h.requests()).filter((r) => !r.url.startsWith('/_sandbox')).map((r) => `${r.method} ${r.url}`);
    expect(sent.filter((r) => r.startsWith('GET /api/v1/deployments/')).sort()).toEqual(
      deployments.map((d) => `GET /api/v1/deployments/${d.id}`).sort(),
    );
  });

  it('with --details names a deployment it could not read, on stderr and under unreadable, and still exits 0', async () => {
    const listed = (await h.run(['deployments', 'list', '--json'])).doc(DeploymentsDoc).deployments;
    const siem = listed.find((d) => d.name === 'legacy-siem')!;
    await h.control('POST', '/faults', {
      kind: 'status',
      method: 'GET',
      path: `/api/v1/deployments/${siem.id}`,
      status: 404,
      body: { errors: [{ code: 'deployments.deployment_not_found', message: 'Deployment not found' }] },
      headers: { 'x-cloud-error-codes': 'deployments.deployment_not_found' },
    });
    const result = await h.run(['deployments', 'list', '--details', '--json']);
    expect(result.code).toBe(0);
    const doc = result.doc(DeploymentsDoc);
    expect(doc.unreadable.map((u) => [u.id, u.name])).toEqual([[siem.id, 'legacy-siem']]);
    expect(doc.unreadable[0]?.reason).toMatch(/not found/i);
    expect(doc.deployments.find((d) => d.id === siem.id)?.details).toBeNull();
    expect(doc.deployments.filter((d) => d.details !== null)).toHaveLength(2);
    expect(result.stderr).toMatch(/deployment legacy-siem: details not readable: .*not found/i);
  });

  it('without --details sends no per-deployment request and leaves details null', async () => {
    await h.clearRequests();
    const { deployments, unreadable } = (await h.run(['deployments', 'list', '--json'])).doc(DeploymentsDoc);
    expect(deployments.every((d) => d.details === null)).toBe(true);
    expect(unreadable).toEqual([]);
    expect((await h.requests()).filter((r) => r.url.startsWith('/api/v1/deployments/'))).toEqual([]);
  });

  it('with --details at a terminal: VERSION and HEALTH columns', async () => {
    const result = await h.run(['deployments', 'list', '--details'], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NAME\s+REGION\s+VERSION\s+HEALTH\s+PARTS\s+ID\n/);
    expect(result.stdout).toMatch(/ecommerce-search\s+gcp-us-central1\s+8\.15\.1\s+healthy\s+elasticsearch,kibana,apm/);
    expect(result.stdout).toMatch(/legacy-siem\s+azure-eastus2\s+7\.17\.24\s+unhealthy\s+/);
  });

  it('with --access: owners everywhere, all: true roles everywhere, a role naming one deployment only there', async () => {
    const { deployments } = (await h.run(['deployments', 'list', '--access'])).doc(DeploymentsDoc);
    const byName = new Map(deployments.map((d) => [d.name, d.access ?? []]));
    const shop = byName.get('ecommerce-search')!;
    const logs = byName.get('logging-cluster')!;
    const how = (access: typeof shop) => new Set(access.map((a) => `${a.principal.kind}:${a.role_id}:${a.via}`));
    // The seed: two owners (and owner keys), a deployment-admin on all, a deployment-viewer on ecommerce-search.
    expect(how(shop)).toEqual(
      new Set([
        'member:organization-admin:owner',
        'key:organization-admin:owner',
        'member:deployment-admin:all',
        'member:deployment-viewer:direct',
      ]),
    );
    expect(how(logs).has('member:deployment-viewer:direct')).toBe(false);
    expect(shop.filter((a) => a.via === 'owner' && a.principal.kind === 'member')).toHaveLength(2);
    // Everyone on logging-cluster also reaches ecommerce-search: nothing names logging-cluster alone.
    expect(logs.length).toBe(shop.length - 1);
  });

  it('prints a table at a terminal, with who can reach each deployment under --access', async () => {
    const result = await h.run(['deployments', 'list', '--access'], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NAME\s+REGION\s+PARTS\s+ID\n/);
    expect(result.stdout).toMatch(/ecommerce-search\s+gcp-us-central1\s+elasticsearch,kibana,apm\s+[0-9a-f]{32}/);
    expect(result.stdout).toMatch(/DEPLOYMENT\s+KIND\s+WHO\s+ROLE\s+HOW/);
    expect(result.stdout).toMatch(/ecommerce-search\s+member\s+.+\s+Deployment viewer\s+direct/);
  });

  it('shows a key without deployment roles no deployments', async () => {
    const result = await h.run(['deployments', 'list', '--json'], {
      env: { EC_BASE_URL: h.sandbox.baseUrl, EC_API_KEY: h.sandbox.viewerKey },
    });
    expect(result.code).toBe(0);
    expect(result.doc(DeploymentsDoc).deployments).toEqual([]);
    const table = await h.run(['deployments', 'list'], {
      tty: true,
      env: { EC_BASE_URL: h.sandbox.baseUrl, EC_API_KEY: h.sandbox.viewerKey },
    });
    expect(table.stdout).toContain('(no deployments this key can see)');
  });

  it('is documented in --help with its JSON', async () => {
    const result = await h.run(['deployments', 'list', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ec-access/deployments@1');
    expect(result.stdout).toContain('--access');
    expect(result.stdout).toContain('--details');
  });
});
