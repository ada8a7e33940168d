/**
 * Every list the store loads, one table of `{ key, load }` entries from the resources' folders (src/state/lists.ts
 * explains the table). The order is the order the requests go out after the opening screen's: the lists screens
 * open on first, deployments last. Light on purpose: the session imports it before the first request, without the
 * screens' code.
 */
import type { ListEntry } from '../src/state/lists.js';
import { DEPLOYMENT_LIST } from './deployments/list.js';
import { API_KEY_LIST, PROJECT_KEY_LIST } from './keys/list.js';
import { INVITATION_LIST, MEMBER_LIST } from './members/list.js';
import { PROJECT_LIST_ENTRIES } from './projects/list.js';

export const LIST_ENTRIES: readonly ListEntry<unknown>[] = [
  API_KEY_LIST,
  ...PROJECT_LIST_ENTRIES,
  MEMBER_LIST,
  INVITATION_LIST,
  PROJECT_KEY_LIST,
  DEPLOYMENT_LIST,
];
