/**
 * The interactive session with an organization remembered for its key: the store asks for the organization's lists
 * before discovery answers, and switches (reloading, with a notice) when discovery finds the key elsewhere; the
 * session's side (src/state/remembered-org.ts) keeps the memory right and the gate shut for the wrong organization.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { cloudRequests } from '../../src/api/requests.js';
import type { OrgMemory, RememberedOrganization } from '../../src/config/org-memory.js';
import { confirmRememberedOrg } from '../../src/state/remembered-org.js';
import { dataOf } from '../../src/state/resource.js';
import { createStore, type DiscoveryOutcome } from '../../src/state/store.js';
import { createFakeCloud } from '../ui/helpers/fake-cloud.js';
import { NOW, ORG, orgData } from '../ui/helpers/fixtures.js';
import { API_KEYS, listOf, MEMBERS } from '../../src/state/lists.js';
import { LIST_ENTRIES } from '../../screens/lists.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const GONE = { id: 'org-gone', name: 'Gone' };

function memoryHolding(start?: RememberedOrganization): OrgMemory & { entry(): RememberedOrganization | undefined } {
  let entry = start;
  return {
    entry: () => entry,
    recall: () => entry,
    remember: (organization) => {
      entry = organization;
    },
    forget: () => {
      entry = undefined;
    },
  };
}

function sessionWith(remembered: RememberedOrganization) {
  const memory = memoryHolding(remembered);
  const session = confirmRememberedOrg(memory);
  const cloud = createFakeCloud(orgData());
  cloud.hold(true);
  const store = createStore({
    lists: LIST_ENTRIES,
    cloud,
    clock: () => NOW,
    ...(session.organization ? { rememberedOrg: session.organization } : {}),
    onDiscovery: (outcome: DiscoveryOutcome) => session.onDiscovery(outcome),
  });
  return { memory, session, cloud, store };
}

const membersAskedOf = (calls: ReadonlyArray<{ method: string; args: unknown[] }>) =>
  calls.filter((c) => c.method === 'listMembers').map((c) => c.args[0]);

describe('a remembered organization in the interactive session', () => {
  it('asks for its lists before discovery answers, then confirms it', async () => {
    const { memory, session, cloud, store } = sessionWith(ORG);
    store.start([MEMBERS]);
    await flush();
    // Discovery is on the wire, unanswered, and the members list went out beside it.
    expect(cloud.held.map((h) => h.method)).toContain('listOrganizations');
    expect(membersAskedOf(cloud.calls)).toEqual([ORG.id]);
    expect(dataOf(store.getState().organization)).toEqual(ORG);

    const write = session.gate?.beforeWrite(cloudRequests.removeMembers(ORG.id, ['u-1']));
    let sent = false;
    void write?.then(() => (sent = true));
    await flush();
    expect(sent).toBe(false);

    cloud.releaseAll();
    await flush();
    expect(sent).toBe(true);
    expect(membersAskedOf(cloud.calls)).toEqual([ORG.id]);
    expect(dataOf(listOf(store.getState(), MEMBERS))).toHaveLength(4);
    expect(memory.entry()).toEqual(ORG);
    expect(store.getState().notices).toEqual([]);
  });

  it('switches to the organization discovery finds, reloads its lists and refuses writes naming the old one', async () => {
    const { memory, session, cloud, store } = sessionWith(GONE);
    store.start([MEMBERS]);
    await flush();
    expect(membersAskedOf(cloud.calls)).toEqual([GONE.id]);
    // Settled into a value at once: the refusal comes before the test looks at it.
    const stale = session.gate?.beforeWrite(cloudRequests.removeMembers(GONE.id, ['u-1'])).then(
      () => 'sent',
      (error: Error) => error.message,
    );

    cloud.releaseAll();
    await flush();
    cloud.releaseAll();
    await flush();
    expect(membersAskedOf(cloud.calls)).toEqual([GONE.id, ORG.id]);
    expect(dataOf(store.getState().organization)?.id).toBe(ORG.id);
    expect(store.getState().notices.join()).toMatch(/now reaches organization Acme Corp \(org-1\), not Gone/);
    expect(memory.entry()).toEqual(ORG);
    expect(await stale).toMatch(/remove 1 member: not sent, because this key now reaches/);
    await expect(session.gate?.beforeWrite(cloudRequests.removeMembers(ORG.id, ['u-1']))).resolves.toBeUndefined();
  });

  it('forgets an organization a refused key cannot confirm, and refuses what names it', async () => {
    const { memory, session, cloud, store } = sessionWith(ORG);
    cloud.failWith(
      'listOrganizations',
      new ApiError({ kind: 'auth', service: 'cloud', endpoint: 'GET /organizations', message: 'revoked', hint: '' }),
    );
    store.start([API_KEYS]);
    await flush();
    cloud.releaseAll();
    await flush();
    expect(memory.entry()).toBeUndefined();
    await expect(session.gate?.beforeAnswer(cloudRequests.listMembers(ORG.id))).rejects.toThrow(
      /could not be confirmed/,
    );
    await expect(session.gate?.beforeWrite(cloudRequests.deleteApiKeys(['k-1']))).resolves.toBeUndefined();
  });
});
