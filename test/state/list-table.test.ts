import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/api/schemas.js';
import { DEPLOYMENTS, INVITATIONS, listEntry, listKey, listOf, MEMBERS, PROJECTS } from '../../src/state/lists.js';
import { dataOf } from '../../src/state/resource.js';
import { createStore } from '../../src/state/store.js';
import { LIST_ENTRIES } from '../../screens/lists.js';
import { createFakeCloud } from '../ui/helpers/fake-cloud.js';
import { NOW, ORG, orgData } from '../ui/helpers/fixtures.js';

// One macrotask: every promise already queued has settled (the fakes answer from memory).
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Widget {
  readonly id: string;
  readonly owner: string;
}

// A kind of list the store has never heard of, declared as a resource module would declare it.
const WIDGETS = listKey<readonly Widget[]>('widgets');

describe('the store’s table of lists', () => {
  it('loads and refreshes a list added by an entry alone, typed by its key', async () => {
    const cloud = createFakeCloud(orgData());
    let loads = 0;
    const widgets = listEntry({
      key: WIDGETS,
      perOrganization: true,
      load: async (ctx) => {
        loads += 1;
        return [{ id: `w${loads}`, owner: await ctx.organizationId() }];
      },
    });
    const store = createStore({ lists: [...LIST_ENTRIES, widgets], cloud, orgId: ORG.id, clock: () => NOW });
    expect(listOf(store.getState(), WIDGETS).status).toBe('idle');
    store.start();
    await flush();
    // Typed without a cast: `owner` is a Widget's field.
    expect(dataOf(listOf(store.getState(), WIDGETS))?.map((w) => `${w.id}@${w.owner}`)).toEqual([`w1@${ORG.id}`]);

    const before = listOf(store.getState(), MEMBERS);
    await store.refresh(WIDGETS);
    expect(dataOf(listOf(store.getState(), WIDGETS))?.[0]?.id).toBe('w2');
    // Refreshing one list leaves the others' states as they were.
    expect(listOf(store.getState(), MEMBERS)).toBe(before);

    await store.refresh('all');
    expect(loads).toBe(3);
  });

  it('keeps an error in one list to that list, and a refresh retries it', async () => {
    const cloud = createFakeCloud(orgData());
    let fail = true;
    const widgets = listEntry({
      key: WIDGETS,
      load: () =>
        fail
          ? Promise.reject(Object.assign(new Error('widgets are down'), { status: 503 }))
          : Promise.resolve([{ id: 'w', owner: 'o' }]),
    });
    const store = createStore({ lists: [...LIST_ENTRIES, widgets], cloud, orgId: ORG.id, clock: () => NOW });
    store.start();
    await flush();
    const failed = listOf(store.getState(), WIDGETS);
    expect(failed.status === 'error' && failed.error).toEqual({ message: 'widgets are down', status: 503 });
    expect(listOf(store.getState(), MEMBERS).status).toBe('ready');
    expect(listOf(store.getState(), INVITATIONS).status).toBe('ready');
    expect(store.snapshot()?.members).toHaveLength(4);

    fail = false;
    await store.refresh([WIDGETS]);
    expect(listOf(store.getState(), WIDGETS).status).toBe('ready');
  });

  it('lets a list wait for another one’s rows, starting it when nobody asked yet', async () => {
    const cloud = createFakeCloud(orgData());
    const owners = listKey<readonly string[]>('owners');
    const table = [
      listEntry({
        key: owners,
        load: async (ctx) => {
          const members: readonly Member[] = (await ctx.rowsOf(MEMBERS)) ?? [];
          return members.filter((m) => m.role_assignments?.organization?.length).flatMap((m) => m.email ?? []);
        },
      }),
      ...LIST_ENTRIES,
    ];
    const store = createStore({ lists: table, cloud, orgId: ORG.id, clock: () => NOW });
    // Only the derived list is asked for; it starts the members' load itself.
    await store.refresh(owners);
    expect(listOf(store.getState(), MEMBERS).status).toBe('ready');
    expect(dataOf(listOf(store.getState(), owners))).toEqual(['olivia@acme.test', 'bill@acme.test']);
    expect(cloud.calls.filter((c) => c.method === 'listMembers')).toHaveLength(1);
  });

  it('reloads only the per-organization lists when discovery finds another organization', async () => {
    const cloud = createFakeCloud(orgData());
    const asked: string[] = [];
    const entry = (name: string, perOrganization: boolean) =>
      listEntry({
        key: listKey<string>(name),
        perOrganization,
        load: async (ctx) => {
          const id = await ctx.organizationId();
          asked.push(`${name}@${id}`);
          return id;
        },
      });
    const store = createStore({
      lists: [entry('scoped', true), entry('global', false)],
      cloud,
      rememberedOrg: { id: 'org-gone', name: 'Gone' },
      clock: () => NOW,
    });
    store.start();
    await flush();
    await flush();
    expect(asked).toEqual(['scoped@org-gone', 'global@org-gone', `scoped@${ORG.id}`]);
    expect(dataOf(listOf(store.getState(), listKey<string>('scoped')))).toBe(ORG.id);
  });

  it('leaves a key no entry declares idle, and the snapshot without it', async () => {
    const cloud = createFakeCloud(orgData());
    const store = createStore({
      lists: LIST_ENTRIES.filter((entry) => entry.key !== DEPLOYMENTS),
      cloud,
      orgId: ORG.id,
      clock: () => NOW,
    });
    store.start();
    await flush();
    expect(listOf(store.getState(), DEPLOYMENTS).status).toBe('idle');
    expect(cloud.calls.some((c) => c.method === 'listDeployments')).toBe(false);
    expect(store.snapshot()?.deployments).toBeUndefined();
    expect(store.snapshot()?.projects.length).toBeGreaterThan(0);
  });

  it('refuses two entries of one name (one key, one row type)', () => {
    const cloud = createFakeCloud(orgData());
    const twice = listEntry({ key: PROJECTS.security, load: () => Promise.resolve([]) });
    expect(() => createStore({ lists: [...LIST_ENTRIES, twice], cloud })).toThrow(/share a name/);
  });
});
