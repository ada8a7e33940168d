/** The three Serverless project lists, one per type, each its own request (and its own error). */
import { PROJECT_TYPES } from '../../src/api/schemas.js';
import { listEntry, PROJECTS } from '../../src/state/lists.js';

export const PROJECT_LIST_ENTRIES = PROJECT_TYPES.map((type) =>
  listEntry({ key: PROJECTS[type], load: (ctx) => ctx.cloud.listProjects(type) }),
);
