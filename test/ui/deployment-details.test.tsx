/**
 * A deployment's details: its version, health and each part's status, loaded through `GET /deployments/{id}` when
 * the row is selected or opened, with the loading and failed states said as they are; and the store's per-id load
 * behind it (asked once, kept per id, reloaded by refresh).
 */
import { describe, expect, it, vi } from 'vitest';
import { DeploymentInfo, type Deployment } from '../../src/api/schemas.js';
import { failed, loading, ready, type Resource } from '../../src/state/resource.js';
import { LIST_ENTRIES } from '../../screens/lists.js';
import { DEPLOYMENTS } from '../../src/state/lists.js';
import { createStore } from '../../src/state/store.js';
import { lineText } from '../../src/ui/lines.js';
import { screenContext, type ScreenLoaders } from '../../src/ui/screen-def.js';
import { createTheme } from '../../src/ui/theme.js';
import { deploymentDetails, deploymentsScreen } from '../../screens/deployments/screen.js';
import { apiError, createFakeCloud } from './helpers/fake-cloud.js';
import { NOW, ORG, orgData } from './helpers/fixtures.js';
import { KEY, renderApp } from './helpers/render-app.js';

type PartSpec = { kind: string; status?: string; healthy?: boolean };

const deployment = (id: string, name: string, kinds: readonly string[]): Deployment => ({
  id,
  name,
  resources: kinds.map((kind) => ({ id: `${id}-${kind}`, kind, ref_id: `main-${kind}`, region: 'gcp-us-central1' })),
});

/** A DeploymentGetResponse as the wire carries it, read through the client's own schema. */
function infoOf(d: Deployment, version: string, parts: readonly PartSpec[]): DeploymentInfo {
  const resources: Record<string, unknown[]> = {};
  for (const part of parts) {
    const healthy = part.healthy ?? true;
    (resources[part.kind] ??= []).push({
      ref_id: `main-${part.kind}`,
      id: `${d.id}-${part.kind}`,
      region: 'gcp-us-central1',
      info: {
        healthy,
        status: part.status ?? 'started',
        plan_info: { healthy, history: [], current: { healthy: true, plan: { [part.kind]: { version } } } },
      },
    });
  }
  return DeploymentInfo.parse({ id: d.id, name: d.name, healthy: parts.every((p) => p.healthy ?? true), resources });
}

const SHOP = deployment('dep-shop', 'ecommerce-search', ['elasticsearch', 'kibana']);
const SIEM = deployment('dep-siem', 'legacy-siem', ['elasticsearch', 'kibana']);
const SHOP_INFO = infoOf(SHOP, '8.15.1', [{ kind: 'elasticsearch' }, { kind: 'kibana' }]);
const SIEM_INFO = infoOf(SIEM, '7.17.24', [{ kind: 'elasticsearch', healthy: false }, { kind: 'kibana' }]);

const symbols = createTheme({ color: false, unicode: true }).symbols;
const base = createStore({ lists: LIST_ENTRIES, cloud: createFakeCloud(orgData()), clock: () => NOW }).getState();

function details(d: Deployment, info: Resource<DeploymentInfo> | undefined): string[] {
  const data = {
    ...base,
    lists: new Map([[DEPLOYMENTS.name, ready([d], NOW)]]),
    deploymentInfo: new Map(info ? [[d.id, info]] : []),
  };
  return deploymentDetails(d, screenContext(data, undefined, symbols, NOW)).map(lineText);
}
const fieldOf = (text: string[], label: string) =>
  text.find((l) => l.startsWith(label.padEnd(16)))?.slice(16) ?? `(no ${label} line)`;

describe('deployment details (lines)', () => {
  it('say version and health are loading until the deployment answers', () => {
    for (const text of [details(SHOP, undefined), details(SHOP, loading(undefined))]) {
      expect(fieldOf(text, 'Version')).toBe('loading…');
      expect(fieldOf(text, 'Health')).toBe('loading…');
      expect(text).toContain('  elasticsearch  main-elasticsearch  dep-shop-elasticsearch');
    }
  });

  it('show the Elasticsearch version, the verdict, the status and each part’s state', () => {
    const text = details(SHOP, ready(SHOP_INFO, NOW));
    expect(fieldOf(text, 'Region')).toBe('gcp-us-central1');
    expect(fieldOf(text, 'Version')).toBe('8.15.1');
    expect(fieldOf(text, 'Health')).toBe('✓ healthy');
    expect(fieldOf(text, 'Status')).toBe('started');
    // The parts line up as a table: kind, ref_id, version, status and health, id.
    const at = text.indexOf('Parts');
    expect(text.slice(at + 1, at + 3)).toEqual([
      '  elasticsearch  main-elasticsearch  8.15.1  started ✓  dep-shop-elasticsearch',
      '  kibana         main-kibana         8.15.1  started ✓  dep-shop-kibana',
    ]);
  });

  it('name the unhealthy parts', () => {
    const text = details(SIEM, ready(SIEM_INFO, NOW));
    expect(fieldOf(text, 'Version')).toBe('7.17.24');
    expect(fieldOf(text, 'Health')).toBe('✗ unhealthy: elasticsearch');
    expect(text).toContain('  elasticsearch  main-elasticsearch  7.17.24  started ✗ unhealthy  dep-siem-elasticsearch');
  });

  it('say why they could not be read, and keep the last answer when a refresh fails', () => {
    const gone = details(SHOP, failed(undefined, { message: 'Deployment dep-shop not found', status: 404 }));
    expect(fieldOf(gone, 'Version')).toBe('unknown');
    expect(fieldOf(gone, 'Health')).toBe('✗ could not be read: Deployment dep-shop not found');
    const stale = details(SHOP, failed(ready(SHOP_INFO, NOW), { message: 'timed out' }));
    expect(fieldOf(stale, 'Version')).toBe('8.15.1');
    expect(fieldOf(stale, 'Health')).toBe('✓ healthy (refresh failed: timed out)');
  });

  it('show server text inert: a status or version with terminal controls prints them as escapes', () => {
    const hostile = infoOf(SHOP, '8.15.1\u001b]52;c;cHduZWQ=\u0007', [
      { kind: 'elasticsearch', status: 'started\u202e' },
    ]);
    const text = details(SHOP, ready(hostile, NOW)).join('\n');
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(text).not.toContain(raw);
    expect(fieldOf(text.split('\n'), 'Version')).toBe('8.15.1\\x1b]52;c;cHduZWQ=\\x07');
    expect(fieldOf(text.split('\n'), 'Status')).toBe('started<U+202E>');
  });

  it('ask the store for the deployment when a row is opened or selected', () => {
    const loaders: ScreenLoaders = { ensureCustomRoles: vi.fn(), ensureRole: vi.fn(), ensureDeployment: vi.fn() };
    const ctx = screenContext(
      { ...base, lists: new Map([[DEPLOYMENTS.name, ready([SHOP], NOW)]]) },
      undefined,
      symbols,
      NOW,
    );
    const [row] = deploymentsScreen.rows(ctx);
    deploymentsScreen.onDetails?.(row!, loaders);
    expect(loaders.ensureDeployment).toHaveBeenCalledWith('dep-shop');
    expect(deploymentsScreen.refresh).toContain('deploymentInfo');
  });
});

describe('deployment details in the store', () => {
  it('load once per id, keep a 404 as that id’s error, and reload on refresh', async () => {
    const cloud = createFakeCloud(orgData({ deployments: [SHOP, SIEM], deploymentInfo: { 'dep-shop': SHOP_INFO } }));
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    await Promise.all([store.ensureDeployment('dep-shop'), store.ensureDeployment('dep-shop')]);
    await store.ensureDeployment('dep-siem');
    await store.ensureDeployment('dep-shop');
    const asked = () => cloud.calls.filter((c) => c.method === 'getDeployment').map((c) => c.args[0]);
    expect(asked()).toEqual(['dep-shop', 'dep-siem']);
    const state = store.getState().deploymentInfo;
    expect(state.get('dep-shop')).toMatchObject({ status: 'ready', data: { healthy: true } });
    expect(state.get('dep-siem')).toMatchObject({ status: 'error', error: { status: 404 } });

    cloud.data.deploymentInfo = { 'dep-shop': SHOP_INFO, 'dep-siem': SIEM_INFO };
    await store.refresh(deploymentsScreen.refresh);
    expect(asked()).toEqual(['dep-shop', 'dep-siem', 'dep-shop', 'dep-siem']);
    expect(store.getState().deploymentInfo.get('dep-siem')).toMatchObject({
      status: 'ready',
      data: { healthy: false },
    });
  });
});

describe('deployment details (rendered)', () => {
  it('open on enter with the version and health, loading first while the answer is held', async () => {
    const cloud = createFakeCloud(orgData({ deployments: [SHOP, SIEM], deploymentInfo: { 'dep-siem': SIEM_INFO } }));
    const app = await renderApp({ cloud, screen: 'deployments', size: { columns: 80, rows: 24 } });
    await app.waitFor('legacy-siem');
    cloud.hold(true);
    await app.press('/');
    await app.press('l', 'e', 'g', 'a', 'c', 'y');
    await app.press(KEY.enter);
    await app.press(KEY.enter);
    await app.waitFor('Deployment: legacy-siem');
    expect(app.frame()).toMatch(/Version\s+loading…/);
    cloud.hold(false);
    cloud.releaseAll();
    await app.waitFor(/Health\s+✗ unhealthy: elasticsearch/);
    expect(app.frame()).toMatch(/Version\s+7\.17\.24/);
    expect(app.frame()).toMatch(/Status\s+started/);
  });

  it('say a deployment that cannot be read could not be read', async () => {
    const cloud = createFakeCloud(orgData({ deployments: [SHOP], deploymentInfo: {} }));
    cloud.failWith('getDeployment', apiError('Deployment dep-shop not found', 'It may have been deleted', 404));
    const app = await renderApp({ cloud, screen: 'deployments', size: { columns: 100, rows: 30 } });
    await app.waitFor('ecommerce-search');
    await app.press(KEY.enter);
    await app.waitFor(/Health\s+✗ could not be read: Deployment dep-shop not found/);
    expect(app.frame()).toMatch(/Version\s+unknown/);
  });
});
