/** The deployments screen's rows and details: who can reach a deployment, and why, laid out per principal. */
import { describe, expect, it } from 'vitest';
import { ready } from '../../src/state/resource.js';
import { createStore } from '../../src/state/store.js';
import { lineText } from '../../src/ui/lines.js';
import { screenContext } from '../../src/ui/screen-def.js';
import { createTheme } from '../../src/ui/theme.js';
import { deploymentDetails, deploymentRows, deploymentsScreen } from '../../screens/deployments/screen.js';
import { SCREENS } from '../../screens/registry.js';
import { deployment, deploymentRole, orgRole, orgWith, projectRole } from '../fixtures/org.js';
import { createFakeCloud } from './helpers/fake-cloud.js';
import { NOW, orgData } from './helpers/fixtures.js';
import { LIST_ENTRIES } from '../../screens/lists.js';
import { DEPLOYMENTS } from '../../src/state/lists.js';

const SHOP = deployment('dep-shop', 'ecommerce-search', 'gcp-us-central1');
const LOGS = deployment('dep-logs', 'logging-cluster', 'aws-eu-west-1');

const snapshot = {
  ...orgWith()
    .owner('olga')
    .member('ada', deploymentRole('deployment-admin', 'all'))
    .member('vic', deploymentRole('deployment-viewer', ['dep-shop']))
    .member('pia', projectRole('elasticsearch', 'elasticsearch-admin', 'all'))
    .invitation('new@example.com', { roles: deploymentRole('deployment-viewer', ['dep-logs']) })
    .key('ci', { roles: deploymentRole('deployment-editor', ['dep-shop']) })
    .key('billing', { roles: orgRole('billing-admin') })
    .build(),
  deployments: [SHOP, LOGS],
};

const store = createStore({ lists: LIST_ENTRIES, cloud: createFakeCloud(orgData()), clock: () => NOW });
const data = { ...store.getState(), lists: new Map([[DEPLOYMENTS.name, ready([SHOP, LOGS], NOW)]]) };
const symbols = createTheme({ color: false, unicode: true }).symbols;
const ctx = screenContext(data, snapshot, symbols, NOW);

describe('deployments screen', () => {
  it('is tab 5 of the registry', () => {
    expect(Object.keys(SCREENS)).toEqual(['members', 'projects', 'roles', 'keys', 'deployments']);
    expect(SCREENS.deployments).toBe(deploymentsScreen);
  });

  it('has a row per deployment with its region, parts and how many principals reach it', () => {
    const rows = deploymentRows(ctx).map((r) => ({ id: r.id, region: r.region, parts: r.parts, reach: r.reach }));
    expect(rows).toEqual([
      // olga (owner), ada (all), vic (named), ci (named)
      { id: 'dep-shop', region: 'gcp-us-central1', parts: 'elasticsearch, kibana', reach: 4 },
      // olga, ada, the invitation
      { id: 'dep-logs', region: 'aws-eu-west-1', parts: 'elasticsearch, kibana', reach: 3 },
    ]);
    const text = deploymentRows(ctx).map((r) => deploymentsScreen.columns.map((c) => c.text(r)).join(' | '));
    expect(text[0]).toBe('ecommerce-search | gcp-us-central1 | elasticsearch, kibana | 4 | dep-shop');
  });

  it('waits for the organization before counting', () => {
    const rows = deploymentRows(screenContext(data, undefined, symbols, NOW));
    expect(rows.map((r) => r.reach)).toEqual([undefined, undefined]);
    expect(
      deploymentDetails(SHOP, screenContext(data, undefined, symbols, NOW))
        .map(lineText)
        .join('\n'),
    ).toMatch(/loading/);
  });

  it('says who reaches a deployment and why, grouped by members, invitations and keys', () => {
    const text = deploymentDetails(SHOP, ctx).map(lineText);
    const at = (title: string) => text.findIndex((l) => l.trim().startsWith(title));
    expect(text).toContain('Who can reach this deployment, and why');
    expect(text[at('Members (3)') + 1]).toMatch(/olga\s+organization owner: every deployment/);
    expect(text[at('Members (3)') + 2]).toMatch(/ada\s+Deployment admin on all deployments/);
    expect(text[at('Members (3)') + 3]).toMatch(/vic\s+Deployment viewer on this deployment/);
    expect(text[at('Pending invitations (0)') + 1]?.trim()).toBe('none');
    expect(text[at('Cloud API keys (1)') + 1]).toMatch(/ci\s+Deployment editor on this deployment/);
    // Billing admins and project roles reach no deployment.
    expect(text.join('\n')).not.toMatch(/pia|billing/);
  });

  it('names a deployment reached only through an invitation under the invitations', () => {
    const text = deploymentDetails(LOGS, ctx).map(lineText);
    const at = text.findIndex((l) => l.trim().startsWith('Pending invitations (1)'));
    expect(text[at + 1]).toMatch(/new@example.com\s+Deployment viewer on this deployment/);
  });
});
