/** The keys screen's lists: the organization's Cloud API keys, and every project's own Elasticsearch API keys. */
import { API_KEYS, listEntry, PROJECT_KEYS, PROJECT_LISTS } from '../../src/state/lists.js';
import { readProjectKeys } from '../../src/state/project-keys.js';

export const API_KEY_LIST = listEntry({ key: API_KEYS, load: (ctx) => ctx.cloud.listApiKeys() });

export const PROJECT_KEY_LIST = listEntry({
  key: PROJECT_KEYS,
  // The project lists carry the endpoints: this waits for their loads (or starts them).
  load: async (ctx) => {
    const projects = await Promise.all(PROJECT_LISTS.map(async (key) => (await ctx.rowsOf(key)) ?? []));
    return ctx.esAccess ? readProjectKeys(projects.flat(), ctx.esAccess) : [];
  },
});
