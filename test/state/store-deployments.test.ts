/**
 * Hosted deployments in the TUI's store: loaded beside the other lists without holding the first screen back, kept
 * as their own resource when the key may not list them, and carried into the snapshot the doctor and the matrix
 * read (names for deployment grants, the `deployment-gone` rule).
 */
import { describe, expect, it } from 'vitest';
import { whoCanReachDeployment } from '../../src/domain/deployments.js';
import { runDoctor } from '../../src/domain/doctor/index.js';
import { accessGrants } from '../../src/domain/review/grants.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { dataOf } from '../../src/state/resource.js';
import { createStore, type Store } from '../../src/state/store.js';
import { control } from '../sandbox/answers.js';
import { cloudClient, NOW as SANDBOX_NOW, withSandbox } from '../sandbox/helpers.js';
import { waitUntil } from '../support/wait.js';
import { apiError, createFakeCloud } from '../ui/helpers/fake-cloud.js';
import { NOW, ORG, orgData } from '../ui/helpers/fixtures.js';
import { API_KEYS, DEPLOYMENTS, INVITATIONS, listOf, MEMBERS } from '../../src/state/lists.js';
import { LIST_ENTRIES } from '../../screens/lists.js';

// One macrotask: every promise already queued has settled (the fakes answer from memory, with no timers).
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('deployments in the store (fake cloud)', () => {
  it('are asked for beside the opening lists, after members, and never hold members back', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.hold(true);
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start([MEMBERS, INVITATIONS]);
    await flush();
    const methods = cloud.calls.map((c) => c.method);
    expect(methods).toContain('listDeployments');
    expect(methods.indexOf('listDeployments')).toBeGreaterThan(methods.indexOf('listMembers'));
    expect(listOf(store.getState(), DEPLOYMENTS).status).toBe('loading');
    // Members answer while deployments are still out: the members screen draws without them.
    for (const held of cloud.held.filter((h) => h.method === 'listMembers')) held.release();
    await flush();
    expect(listOf(store.getState(), MEMBERS).status).toBe('ready');
    expect(listOf(store.getState(), DEPLOYMENTS).status).toBe('loading');
    cloud.releaseAll();
    await flush();
    expect(listOf(store.getState(), DEPLOYMENTS).status).toBe('ready');
  });

  it('wait with members for a discovered organization, then go out after them', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.hold(true);
    const store = createStore({ lists: LIST_ENTRIES, cloud, clock: () => NOW });
    store.start([API_KEYS]);
    await flush();
    expect(cloud.calls.map((c) => c.method)).not.toContain('listDeployments');
    for (const held of cloud.held.filter((h) => h.method === 'listOrganizations')) held.release();
    await flush();
    const methods = cloud.calls.map((c) => c.method);
    expect(methods.indexOf('listDeployments')).toBeGreaterThan(methods.indexOf('listMembers'));
    expect(methods.indexOf('listMembers')).toBeGreaterThan(-1);
    cloud.releaseAll();
    await flush();
    expect(listOf(store.getState(), DEPLOYMENTS).status).toBe('ready');
  });

  it('keep a refused list as its own error; the other lists and the snapshot go on without it', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.failWith('listDeployments', apiError('not allowed to list deployments', 'needs a deployment role', 403));
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    await flush();
    const state = store.getState();
    expect(listOf(state, DEPLOYMENTS)).toEqual({
      status: 'error',
      error: { message: 'not allowed to list deployments', hint: 'needs a deployment role', status: 403 },
    });
    expect(listOf(state, MEMBERS).status).toBe('ready');
    expect(listOf(state, API_KEYS).status).toBe('ready');
    const snapshot = store.snapshot();
    expect(snapshot?.members.length).toBeGreaterThan(0);
    // Absent, not empty: an empty list would read as "every deployment is gone".
    expect(snapshot && 'deployments' in snapshot).toBe(false);

    cloud.failWith('listDeployments', undefined);
    await store.refresh(DEPLOYMENTS);
    expect(listOf(store.getState(), DEPLOYMENTS).status).toBe('ready');
    expect(store.snapshot()?.deployments).toEqual([]);
  });
});

describe('deployments in the store (sandbox)', () => {
  let sb: RunningSandbox;
  withSandbox('each', (started) => {
    sb = started;
  });

  async function loadedStore(): Promise<Store> {
    const store = createStore({
      lists: LIST_ENTRIES,
      cloud: cloudClient(sb),
      orgId: sb.organizationId,
      clock: () => SANDBOX_NOW,
    });
    store.start();
    await waitUntil(() => {
      const s = store.getState();
      return [listOf(s, MEMBERS), listOf(s, INVITATIONS), listOf(s, API_KEYS), listOf(s, DEPLOYMENTS)].every(
        (r) => r.status !== 'loading',
      );
    }, 'the store’s lists to settle');
    return store;
  }

  const goneFindings = (store: Store) =>
    runDoctor(store.snapshot()!, { selfKeyId: sb.ownerKeyId }).filter((f) => f.rule === 'deployment-gone');

  it('carry the sandbox’s deployments into the snapshot: names for grants, who reaches each', async () => {
    const store = await loadedStore();
    const snapshot = store.snapshot()!;
    expect(snapshot.deployments?.map((d) => d.name)).toEqual(['ecommerce-search', 'logging-cluster', 'legacy-siem']);
    const ecommerce = snapshot.deployments!.find((d) => d.name === 'ecommerce-search')!;
    const named = accessGrants(snapshot).filter((g) => g.scope.kind === 'deployment' && g.scope.id === ecommerce.id);
    expect(named.map((g) => g.scope.name)).toEqual(['ecommerce-search']);
    expect(whoCanReachDeployment(snapshot, ecommerce.id).map((h) => h.via)).toContain('direct');
    expect(goneFindings(store)).toEqual([]);
  });

  it('let the doctor flag a deployment that was shut down, once the list is refreshed', async () => {
    const store = await loadedStore();
    const gone = dataOf(listOf(store.getState(), DEPLOYMENTS))!.find((d) => d.name === 'ecommerce-search')!;
    expect((await control(sb, 'DELETE', `/deployments/${gone.id}`)).status).toBe(200);
    await store.refresh(DEPLOYMENTS);
    const findings = goneFindings(store);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.why).toContain(gone.id);
    // The grant now shows the bare id: nothing in the list names it any more.
    const grant = accessGrants(store.snapshot()!).find((g) => g.scope.id === gone.id);
    expect(grant?.scope.name).toBe(gone.id);
  });

  it('stay apart when the key may not list them: error with the API’s reason, doctor quiet, rest loaded', async () => {
    const gone = (await cloudClient(sb).listDeployments())[0]!;
    await control(sb, 'POST', '/faults', {
      kind: 'status',
      method: 'GET',
      path: '/api/v1/deployments',
      status: 403,
      body: { errors: [{ code: 'root.unauthorized.rbac', message: 'deployments are not visible to this key' }] },
    });
    expect((await control(sb, 'DELETE', `/deployments/${gone.id}`)).status).toBe(200);
    const store = await loadedStore();
    const deployments = listOf(store.getState(), DEPLOYMENTS);
    const members = listOf(store.getState(), MEMBERS);
    expect(deployments.status).toBe('error');
    expect(deployments.status === 'error' && deployments.error.status).toBe(403);
    expect(deployments.status === 'error' && deployments.error.message).toContain('not visible to this key');
    expect(members.status).toBe('ready');
    expect(store.snapshot()?.deployments).toBeUndefined();
    // A grant naming the shut-down deployment is not called gone: without the list nobody can tell.
    expect(goneFindings(store)).toEqual([]);
  });
});
