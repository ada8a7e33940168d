/** `ec-access access` on the sandbox: deployment grants named by the deployment list, and `--type deployment`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccessExport } from '../../src/domain/review/index.js';
import { DeploymentsDoc } from '../support/cli-docs.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const deploymentGrants = async () => {
  const r = await h.run(['access', '--format', 'json', '--type', 'deployment']);
  expect(r.code, r.stderr).toBe(0);
  return parseAccessExport(r.stdout, 'stdout').grants.map((g) => [g.scope.id, g.scope.name, g.role_id, g.via]);
};

describe('access: deployment scopes', () => {
  it('names a deployment a grant names, and says "all deployments" for all: true', async () => {
    const { deployments } = (await h.run(['deployments', 'list', '--json'])).doc(DeploymentsDoc);
    const shop = deployments.find((d) => d.name === 'ecommerce-search')!;
    expect(await deploymentGrants()).toEqual([
      ['*', 'all deployments', 'deployment-admin', 'all'],
      [shop.id, 'ecommerce-search', 'deployment-viewer', 'direct'],
    ]);
    const table = await h.run(['access', '--type', 'deployment'], { tty: true });
    expect(table.stdout).toMatch(/ecommerce-search \(deployment\)\s+deployment-viewer/);
    expect(table.stdout).not.toContain(shop.id);
  });

  it('shows the id of a deployment that is gone', async () => {
    const { deployments } = (await h.run(['deployments', 'list', '--json'])).doc(DeploymentsDoc);
    const shop = deployments.find((d) => d.name === 'ecommerce-search')!;
    await h.control('DELETE', `/deployments/${shop.id}`);
    expect(await deploymentGrants()).toContainEqual([shop.id, shop.id, 'deployment-viewer', 'direct']);
  });
});
