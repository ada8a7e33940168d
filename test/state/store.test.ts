import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/api/schemas.js';
import { createEsAccess } from '../../src/state/es-access.js';
import { dataOf } from '../../src/state/resource.js';
import { createStore, roleKey } from '../../src/state/store.js';
import { Secret } from '../../src/util/secret.js';
import { apiError, createFakeCloud, createFakeEs } from '../ui/helpers/fake-cloud.js';
import { NOW, ORG, orgData } from '../ui/helpers/fixtures.js';
import { API_KEYS, listOf, MEMBERS } from '../../src/state/lists.js';
import { LIST_ENTRIES } from '../../screens/lists.js';

// One macrotask: every promise already queued has settled. The fakes answer from memory (no timers, no I/O), so
// this depends on the order of the event loop, not on the machine's speed.
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const ROLE: Role = {
  cluster: ['monitor'],
  indices: [
    {
      names: ['marketing-*'],
      privileges: ['read'],
      field_security: { grant: ['*'], except: ['ssn'] },
      query: '{"term":{"team":"m"}}',
    },
  ],
  applications: [
    { application: 'kibana-.kibana', privileges: ['feature_discover.read'], resources: ['space:marketing'] },
  ],
  metadata: {},
};

describe('store', () => {
  it('has all seven list requests in flight before any of them resolves', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.hold(true);
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    const lists = cloud.calls
      .map((c) => (c.method === 'listProjects' ? `listProjects:${String(c.args[0])}` : c.method))
      .filter((m) => m !== 'listOrganizations');
    expect(lists.sort()).toEqual(
      [
        'listApiKeys',
        'listDeployments',
        'listInvitations',
        'listMembers',
        'listProjects:elasticsearch',
        'listProjects:observability',
        'listProjects:security',
      ].sort(),
    );
    expect(listOf(store.getState(), MEMBERS).status).toBe('loading');
    expect(listOf(store.getState(), API_KEYS).status).toBe('loading');
    cloud.releaseAll();
    await flush();
    expect(dataOf(listOf(store.getState(), MEMBERS))).toHaveLength(4);
    expect(store.snapshot()?.projects).toHaveLength(4);
  });

  it('sends the opening screen’s requests first and does not wait for the organization for keys', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.hold(true);
    const store = createStore({ lists: LIST_ENTRIES, cloud, clock: () => NOW });
    store.start([API_KEYS]);
    await flush();
    expect(cloud.calls[0]?.method).toBe('listApiKeys');
    // Without a configured org, members wait for discovery; keys and projects do not.
    expect(cloud.calls.map((c) => c.method)).not.toContain('listMembers');
    cloud.releaseAll();
    await flush();
    expect(cloud.calls.map((c) => c.method)).toContain('listMembers');
  });

  it('discovers the organization and says so when several are visible', async () => {
    const cloud = createFakeCloud(orgData({ organizations: [ORG, { id: 'org-2', name: 'Other' }] }));
    const store = createStore({ lists: LIST_ENTRIES, cloud, clock: () => NOW });
    store.start();
    await flush();
    await flush();
    expect(dataOf(store.getState().organization)?.id).toBe(ORG.id);
    expect(store.getState().notices.join()).toMatch(/2 organizations visible; showing Acme Corp/);
    expect(cloud.calls.find((c) => c.method === 'listMembers')?.args).toEqual([ORG.id]);
  });

  it('keeps errors per resource, keeps the other lists, and retries on refresh', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.failWith('listApiKeys', apiError('Forbidden', 'Only organization owners can list keys', 403));
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    const keys = listOf(store.getState(), API_KEYS);
    expect(keys.status).toBe('error');
    expect(keys.status === 'error' && keys.error).toEqual({
      message: 'Forbidden',
      hint: 'Only organization owners can list keys',
      status: 403,
    });
    expect(listOf(store.getState(), MEMBERS).status).toBe('ready');
    cloud.failWith('listApiKeys', undefined);
    await store.refresh(API_KEYS);
    expect(dataOf(listOf(store.getState(), API_KEYS))).toHaveLength(4);
  });

  it('refresh after a write reloads only the scope asked for', async () => {
    const cloud = createFakeCloud(orgData());
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    await cloud.removeMembers(ORG.id, ['u-dev']);
    const before = cloud.calls.length;
    await store.refresh([MEMBERS]);
    expect(cloud.calls.slice(before).map((c) => c.method)).toEqual(['listMembers']);
    expect(dataOf(listOf(store.getState(), MEMBERS))?.map((m) => m.user_id)).not.toContain('u-dev');
    expect(store.snapshot()?.members.map((m) => m.user_id)).not.toContain('u-dev');
  });

  it('keeps old rows on screen while reloading, and drops a superseded response', async () => {
    const cloud = createFakeCloud(orgData());
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    cloud.hold(true);
    void store.refresh(API_KEYS);
    void store.refresh(API_KEYS);
    const reloading = listOf(store.getState(), API_KEYS);
    expect(reloading.status).toBe('loading');
    expect(dataOf(reloading)).toHaveLength(4);
    const [first, second] = cloud.held.splice(0);
    cloud.data.keys = cloud.data.keys.slice(0, 1);
    second!.release();
    await flush();
    cloud.data.keys = [];
    first!.release();
    await flush();
    expect(dataOf(listOf(store.getState(), API_KEYS))).toHaveLength(1);
  });

  it('lists custom roles from the Cloud endpoint first', async () => {
    const cloud = createFakeCloud(orgData());
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    await store.ensureCustomRoles('p-search');
    expect(dataOf(store.getState().customRoles.get('p-search'))).toEqual({
      status: 'loaded',
      names: ['marketing-analyst', 'marketing-writer'],
      source: 'cloud',
    });
    expect(store.snapshot()?.customRoles.get('p-search')?.status).toBe('loaded');
  });

  it('never changes a map it has handed out, while answers between two reads share one copy', async () => {
    const cloud = createFakeCloud(orgData());
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    const before = store.getState().customRoles;
    const ids = store.snapshot()?.projects.map((p) => p.id) ?? [];
    expect(ids.length).toBeGreaterThan(2);
    await Promise.all(ids.map((id) => store.ensureCustomRoles(id)));
    expect(before.size).toBe(0);
    const after = store.getState().customRoles;
    expect([...after.keys()].sort()).toEqual([...ids].sort());
    expect([...after.values()].every((r) => r.status === 'ready')).toBe(true);
    // Handed out: the next answer goes into a new map, and `after` stays as it was read.
    await store.refresh({ customRoles: ids[0]! });
    expect(store.getState().customRoles).not.toBe(after);
    expect(after.get(ids[0]!)).not.toBe(store.getState().customRoles.get(ids[0]!));
    expect([...after.values()].every((r) => r.status === 'ready')).toBe(true);
  });

  it('falls back to the project’s Elasticsearch, skipping built-in roles', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.failWith('getProjectRoles', apiError('Not found', undefined, 404));
    const es = createFakeEs('p-search', {
      'marketing-analyst': ROLE,
      superuser: { ...ROLE, metadata: { _reserved: true } },
    });
    const store = createStore({
      lists: LIST_ENTRIES,
      cloud,
      orgId: ORG.id,
      clock: () => NOW,
      esAccess: () => ({ api: es, credential: 'ELASTICSEARCH_API_KEY' }),
    });
    store.start();
    await flush();
    await store.ensureCustomRoles('p-search');
    expect(dataOf(store.getState().customRoles.get('p-search'))).toEqual({
      status: 'loaded',
      names: ['marketing-analyst'],
      source: 'elasticsearch',
    });
    await store.ensureRole('p-search', 'marketing-analyst');
    expect(dataOf(store.getState().roleDescriptors.get(roleKey('p-search', 'marketing-analyst')))).toEqual(ROLE);
  });

  it('records exactly which credential is missing when neither route works', async () => {
    const cloud = createFakeCloud(orgData());
    cloud.failWith('getProjectRoles', apiError('Not found', undefined, 404));
    const esAccess = createEsAccess(
      { esUrl: 'https://other.es.example.com', esApiKey: new Secret('x'.repeat(20)) },
      () => {
        throw new Error('no client should be built');
      },
    );
    const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW, esAccess });
    store.start();
    await flush();
    await store.ensureCustomRoles('p-search');
    const state = dataOf(store.getState().customRoles.get('p-search'));
    expect(state?.status).toBe('unavailable');
    expect(state?.status === 'unavailable' && state.reason).toMatch(
      /Cloud roles endpoint failed \(Not found\); no Elasticsearch credential for https:\/\/search-prod\.es.*ELASTICSEARCH_URL points at another project: https:\/\/other\.es\.example\.com.*set ELASTICSEARCH_URL=https:\/\/search-prod/,
    );
  });

  it('uses ELASTICSEARCH_API_KEY for the matching project and the Cloud key (unified) elsewhere', () => {
    const built: string[] = [];
    const esKey = new Secret('es-key-es-key-es-key');
    const cloudKey = new Secret('cloud-key-cloud-key');
    const access = createEsAccess(
      { esUrl: 'https://search-prod.es.us-east-1.aws.elastic.cloud:443', esApiKey: esKey, cloudKey },
      (o) => {
        built.push(`${o.projectId}:${o.apiKey === esKey ? 'es' : 'cloud'}`);
        return createFakeEs(o.projectId, {});
      },
    );
    const data = orgData();
    const routes = data.projects.slice(0, 2).map((p) => access(p));
    expect(built).toEqual(['p-search:es', 'p-staging:cloud']);
    expect(routes.map((r) => ('credential' in r ? r.credential : r.missing))).toEqual([
      'ELASTICSEARCH_API_KEY',
      'the Cloud API key (unified key)',
    ]);
  });
});
