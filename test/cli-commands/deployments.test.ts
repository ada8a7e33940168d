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
  });
});
