/** The shell's project index: one entry per project of every type, rebuilt only when a project list changes. */
import { describe, expect, it } from 'vitest';
import { DEPLOYMENTS, PROJECT_LISTS, PROJECTS } from '../../src/state/lists.js';
import { ready } from '../../src/state/resource.js';
import { createStore, type DataState } from '../../src/state/store.js';
import { createProjectIndexer } from '../../src/ui/screen-def.js';
import { LIST_ENTRIES } from '../../screens/lists.js';
import { createFakeCloud } from './helpers/fake-cloud.js';
import { NOW, orgData, project } from './helpers/fixtures.js';

const empty = createStore({ lists: LIST_ENTRIES, cloud: createFakeCloud(orgData()), clock: () => NOW }).getState();

function stateWith(lists: ReadonlyArray<readonly [string, unknown]>): DataState {
  return { ...empty, lists: new Map(lists.map(([name, data]) => [name, ready(data, NOW)])) };
}

describe('createProjectIndexer', () => {
  const es = [project('elasticsearch', 'p-es', 'search')];
  const obs = [project('observability', 'p-obs', 'logs')];
  const sec = [project('security', 'p-sec', 'siem')];
  const projectLists = [
    [PROJECTS.elasticsearch.name, es],
    [PROJECTS.observability.name, obs],
    [PROJECTS.security.name, sec],
  ] as const;

  it('indexes the projects of every type by id', () => {
    expect(PROJECT_LISTS).toHaveLength(3);
    const index = createProjectIndexer()(stateWith(projectLists));
    expect([...index.keys()].sort()).toEqual(['p-es', 'p-obs', 'p-sec']);
    expect(index.get('p-obs')?.type).toBe('observability');
  });

  it('keeps the same index while the project lists are the same, and rebuilds it when one changes', () => {
    const indexer = createProjectIndexer();
    const before = stateWith(projectLists);
    const first = indexer(before);
    // Another answer (deployments) came in: the project lists are the same objects.
    const other: DataState = { ...before, lists: new Map(before.lists).set(DEPLOYMENTS.name, ready([], NOW)) };
    expect(indexer(other)).toBe(first);
    const moved = stateWith([...projectLists.slice(0, 2), [PROJECTS.security.name, []]]);
    const second = indexer(moved);
    expect(second).not.toBe(first);
    expect(second.has('p-sec')).toBe(false);
  });
});
