/** The opening screen's first row has its details requested as soon as its lists are in, before any UI exists. */
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/state/store.js';
import { SCREENS } from '../../screens/registry.js';
import { prefetchOpeningRow } from '../../src/ui/opening-prefetch.js';
import { createTheme } from '../../src/ui/theme.js';
import { createFakeCloud } from './helpers/fake-cloud.js';
import { NOW, ORG, orgData } from './helpers/fixtures.js';
import { LIST_ENTRIES } from '../../screens/lists.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const symbols = createTheme({ color: false, unicode: true }).symbols;

async function opening(screen: 'projects' | 'members', filter: string) {
  const cloud = createFakeCloud(orgData());
  cloud.hold(true);
  const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: ORG.id, clock: () => NOW });
  store.start();
  prefetchOpeningRow(SCREENS, store, screen, filter, symbols);
  await flush();
  const rolesAsked = () => cloud.calls.filter((c) => c.method === 'getProjectRoles').map((c) => c.args[1]);
  const before = rolesAsked();
  cloud.releaseAll();
  await flush();
  // Release what the prefetch sent too, then count.
  cloud.releaseAll();
  await flush();
  return { before, after: rolesAsked() };
}

describe('prefetchOpeningRow', () => {
  it("asks for the filtered project's custom roles once the project lists are in, and only for that project", async () => {
    const { before, after } = await opening('projects', 'search-prod');
    expect(before).toEqual([]);
    expect(after).toEqual(['p-search']);
  });

  it('asks for nothing when the filter matches no row, or the screen loads nothing for its details', async () => {
    expect((await opening('projects', 'no-such-project')).after).toEqual([]);
    expect((await opening('members', '')).after).toEqual([]);
  });
});
