/**
 * The store's lists are a table, not fields: each resource contributes `{ key, load }` entries (its folder's
 * `list.ts` under screens/, gathered in screens/lists.ts) and the app shell hands them to createStore. A resource
 * with a new kind of list adds an entry; the store does not change.
 *
 * A key is an object typed by its rows, so `listOf(state, MEMBERS)` is a `Resource<readonly Member[]>` without a
 * cast. The keys the organization snapshot reads (doctor, matrix, access review) are declared here, below the
 * screens, because the store builds that snapshot; a list only a screen reads declares its key beside its entry.
 */
import type { CloudApi } from '../api/client.js';
import {
  PROJECT_TYPES,
  type ApiKey,
  type Deployment,
  type Invitation,
  type Member,
  type Project,
  type ProjectType,
} from '../api/schemas.js';
import type { ProjectKeysOf } from '../domain/org.js';
import type { EsAccess } from './es-access.js';
import { dataOf, IDLE, type Resource } from './resource.js';

export interface ListKey<T> {
  readonly name: string;
  /** Never set: carries the row type. */
  readonly rows?: T;
}

export const listKey = <T>(name: string): ListKey<T> => ({ name });

/** What a list's load is given. */
export interface ListContext {
  readonly cloud: CloudApi;
  readonly esAccess?: EsAccess;
  /** The organization's id, once known; rejects when it cannot be (the organization's own error explains why). */
  organizationId(): Promise<string>;
  /** Settles once the organization is known or failed; a list sent after the opening lists waits on it. */
  organizationSettled(): Promise<void>;
  /**
   * Another list's rows: its load in flight (started if nobody asked yet), undefined when it failed. A list built
   * from another (project keys from the projects' endpoints) waits on it through this.
   */
  rowsOf<T>(key: ListKey<T>): Promise<T | undefined>;
}

export interface ListEntry<T> {
  readonly key: ListKey<T>;
  readonly load: (ctx: ListContext) => Promise<T>;
  /** Reloaded when the session switches to another organization (its rows belong to one). */
  readonly perOrganization?: boolean;
}

/** Builds an entry with its row type checked against the key's. */
export const listEntry = <T>(entry: ListEntry<T>): ListEntry<T> => entry;

export interface ListsState {
  readonly lists: ReadonlyMap<string, Resource<unknown>>;
}

/** The list's state; idle when nothing loaded it (or no entry declares it). */
export function listOf<T>(state: ListsState, key: ListKey<T>): Resource<T> {
  // The store writes under a key's name only what that key's entry loaded (an entry pairs a ListKey<T> with a load
  // of T, and createStore refuses two entries of one name), so the entry's row type is the key's.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return (state.lists.get(key.name) as Resource<T> | undefined) ?? IDLE;
}

export const MEMBERS = listKey<readonly Member[]>('members');
export const INVITATIONS = listKey<readonly Invitation[]>('invitations');
export const API_KEYS = listKey<readonly ApiKey[]>('keys');
export const PROJECTS: Readonly<Record<ProjectType, ListKey<readonly Project[]>>> = {
  elasticsearch: listKey('projects:elasticsearch'),
  observability: listKey('projects:observability'),
  security: listKey('projects:security'),
};
export const PROJECT_LISTS: readonly ListKey<readonly Project[]>[] = PROJECT_TYPES.map((type) => PROJECTS[type]);
/** Every project type's list state, in PROJECT_LISTS' order. */
export const projectListsOf = (state: ListsState): Resource<readonly Project[]>[] =>
  PROJECT_LISTS.map((key) => listOf(state, key));
/** Every project's own API keys (or why a project's could not be read); loaded once the projects are in. */
export const PROJECT_KEYS = listKey<readonly ProjectKeysOf[]>('projectKeys');
/**
 * The hosted deployments the key can see. A key that may not list them leaves this an error, and the snapshot then
 * has no deployments: ids stay unnamed and the doctor does not call them gone.
 */
export const DEPLOYMENTS = listKey<readonly Deployment[]>('deployments');

export function allProjects(state: ListsState): readonly Project[] {
  return projectListsOf(state).flatMap((list) => dataOf(list) ?? []);
}
