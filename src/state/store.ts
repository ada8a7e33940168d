/**
 * The cache between the API client and the screens. Plain TypeScript (no React): screens subscribe through
 * useSyncExternalStore, tests drive it with a fake CloudApi.
 *
 * Its lists are a table of `{ key, load }` entries the resources contribute (src/state/lists.ts; the app shell passes
 * screens/lists.ts): `start` sends every entry's request in parallel, the opening screen's first, then in table
 * order. An entry's load decides what it waits for (the organization id, another list), so the policy lives with
 * the list: members and invitations wait only for the organization id, and not even for that when the config names
 * one; deployments wait for the organization to settle, after members, since no screen opens on them. Custom roles
 * and role descriptors are per project, and a deployment's health and version (`GET /deployments/{id}`) per
 * deployment; they load lazily, when a screen asks for them.
 */
import type { CloudApi } from '../api/client.js';
import type { DeploymentInfo, Organization, Project, Role } from '../api/schemas.js';
import type { CustomRolesState, OrgSnapshot } from '../domain/org.js';
import type { EsAccess } from './es-access.js';
import { createLimiter } from './limit.js';
import {
  allProjects,
  API_KEYS,
  DEPLOYMENTS,
  INVITATIONS,
  listOf,
  MEMBERS,
  PROJECT_KEYS,
  type ListContext,
  type ListEntry,
  type ListKey,
} from './lists.js';
import { dataOf, describeError, failed, IDLE, loading, ready, type Resource } from './resource.js';

export interface DataState {
  readonly organization: Resource<Organization>;
  /** Things the user should know about how the data was chosen ("3 organizations; showing …"). */
  readonly notices: readonly string[];
  /** By list key name (read with `listOf(state, KEY)`); absent = not loaded yet. */
  readonly lists: ReadonlyMap<string, Resource<unknown>>;
  /** By project id; absent = nobody asked yet. */
  readonly customRoles: ReadonlyMap<string, Resource<CustomRolesState>>;
  /** By roleKey(projectId, name); `null` data = the role does not exist there. */
  readonly roleDescriptors: ReadonlyMap<string, Resource<Role | null>>;
  /** One deployment's health, status and versions, by deployment id; absent = nobody asked yet. */
  readonly deploymentInfo: ReadonlyMap<string, Resource<DeploymentInfo>>;
}

export type RefreshScope =
  | 'all'
  | ListKey<unknown>
  /** Every project whose custom roles were looked at. */
  | 'customRoles'
  | { readonly customRoles: string }
  /** Every deployment whose details were looked at. */
  | 'deploymentInfo'
  | { readonly role: { readonly projectId: string; readonly name: string } };

const isScopeList = (scope: RefreshScope | readonly RefreshScope[]): scope is readonly RefreshScope[] =>
  Array.isArray(scope);

export interface StoreOptions {
  readonly cloud: CloudApi;
  /** The lists this session loads, in the order their requests go out (after the opening screen's). */
  readonly lists: readonly ListEntry<unknown>[];
  /** Configured organization; wins over discovery. */
  readonly orgId?: string;
  /**
   * The organization remembered for this key: its lists are asked for at once, and discovery, still sent, confirms
   * it. When discovery finds another, the session switches to that one and reloads its lists, with a notice.
   */
  readonly rememberedOrg?: Organization;
  /** What each discovery found, or why it failed (to remember it; the caller's gate waits for this). */
  readonly onDiscovery?: (outcome: DiscoveryOutcome) => void;
  readonly esAccess?: EsAccess;
  /** The time snapshots describe. */
  readonly clock?: () => Date;
  /** Notices known before loading (configuration warnings). */
  readonly notices?: readonly string[];
}

export type DiscoveryOutcome =
  | { readonly organization: Organization; readonly replaced?: Organization }
  | { readonly error: unknown; readonly assumed?: Organization };

export interface Store {
  getState: () => DataState;
  subscribe: (listener: () => void) => () => void;
  /** Kick off the initial load. `first` requests go out before the rest (the screen the user opened on). */
  start(first?: readonly ListKey<unknown>[]): void;
  /** Reload after a write. Resolves when the reload settled; failures land in the resource, never reject. */
  refresh(scope: RefreshScope | readonly RefreshScope[]): Promise<void>;
  /** Load a project's custom role names unless already asked for (failures are retried by refresh only). */
  ensureCustomRoles: (projectId: string) => Promise<void>;
  /** Load one custom role's descriptor from the project's Elasticsearch unless already asked for. */
  ensureRole: (projectId: string, name: string) => Promise<void>;
  /** Load one hosted deployment's details (health, status, versions) unless already asked for. */
  ensureDeployment: (deploymentId: string) => Promise<void>;
  /** The time the data describes (the store's clock). */
  now(): Date;
  /** The loaded organization as domain code sees it; undefined until the organization is known. */
  snapshot(): OrgSnapshot | undefined;
}

export const roleKey = (projectId: string, name: string) => `${projectId}\u0000${name}`;

const INITIAL: DataState = {
  organization: IDLE,
  notices: [],
  lists: new Map(),
  customRoles: new Map(),
  roleDescriptors: new Map(),
  deploymentInfo: new Map(),
};

/** ES always returns its built-in roles too; only the project's own roles are custom. */
function isReserved(role: Role): boolean {
  return role.metadata['_reserved'] === true;
}

/**
 * Sets entries of one of the state's maps. Per-project answers come in bursts (every project's custom roles, twice
 * each: loading, then loaded), and copying a 300-entry map for each allocated more than loading the member list. A
 * map made since the state was last handed out (getState) has been seen by no one, so it is changed in place: what a
 * reader holds never changes under it.
 */
function unseenMap<V>() {
  let unseen: Map<string, V> | undefined;
  return {
    with(map: ReadonlyMap<string, V>, key: string, value: V): ReadonlyMap<string, V> {
      if (map !== unseen) unseen = new Map(map);
      return unseen.set(key, value);
    },
    handedOut() {
      unseen = undefined;
    },
  };
}

/** Per-project and per-deployment requests (custom roles, role descriptors, deployment details) in flight at once; HTTP/2 carries them on one connection. */
const PER_PROJECT_CONCURRENCY = 8;

export function createStore(options: StoreOptions): Store {
  const { cloud } = options;
  const clock = options.clock ?? (() => new Date());
  let state: DataState = { ...INITIAL, notices: options.notices ?? [] };
  const listeners = new Set<() => void>();
  // A later request for the same resource supersedes an earlier one still in flight.
  const generations = new Map<string, number>();
  const pending = new Map<string, Promise<void>>();
  let orgIdPromise: Promise<string | undefined> | undefined;
  let snapshotCache: { for: DataState; value: OrgSnapshot | undefined } | undefined;
  const perProject = createLimiter(PER_PROJECT_CONCURRENCY);
  const customRoleMaps = unseenMap<Resource<CustomRolesState>>();
  const roleDescriptorMaps = unseenMap<Resource<Role | null>>();
  const deploymentInfoMaps = unseenMap<Resource<DeploymentInfo>>();
  const listMaps = unseenMap<Resource<unknown>>();
  const entries = new Map(options.lists.map((entry) => [entry.key.name, entry]));
  if (entries.size !== options.lists.length) throw new Error('Two lists share a name in the store’s table');

  // Listeners hear about changes once per turn of the event loop: answers that arrive together (a burst of
  // per-project loads) cost one render, not one each.
  let notifyScheduled = false;
  const notify = () => {
    notifyScheduled = false;
    for (const listener of listeners) listener();
  };
  const update = (change: (s: DataState) => DataState) => {
    state = change(state);
    if (!notifyScheduled) {
      notifyScheduled = true;
      setImmediate(notify);
    }
  };

  /** Run `fetch` for the resource named `name`, routing its states through `write`. */
  function track<T>(
    name: string,
    read: (s: DataState) => Resource<T> | undefined,
    write: (s: DataState, r: Resource<T>) => DataState,
    fetch: () => Promise<T>,
  ): Promise<void> {
    const generation = (generations.get(name) ?? 0) + 1;
    generations.set(name, generation);
    update((s) => write(s, loading(read(s))));
    const current = () => generations.get(name) === generation;
    const done = fetch().then(
      (data) => {
        if (current()) update((s) => write(s, ready(data, clock())));
      },
      (error: unknown) => {
        if (current()) update((s) => write(s, failed(read(s), describeError(error))));
      },
    );
    const settled = done.finally(() => {
      if (pending.get(name) === settled) pending.delete(name);
    });
    pending.set(name, settled);
    return settled;
  }

  /** The organization in use without a configured one: remembered at first, then whatever discovery found. */
  let assumed = options.orgId ? undefined : options.rememberedOrg;

  function loadOrganization(): Promise<string | undefined> {
    const configured = options.orgId;
    const assumedNow = assumed;
    let chosen: string | undefined;
    if (assumedNow && !dataOf(state.organization))
      update((s) => ({ ...s, organization: ready<Organization>(assumedNow, clock()) }));
    const settled = track(
      'organization',
      (s) => s.organization,
      (s, organization) => ({ ...s, organization }),
      async () => {
        let organizations: Organization[];
        try {
          organizations = await cloud.listOrganizations();
        } catch (error) {
          if (!configured) options.onDiscovery?.({ error, ...(assumedNow ? { assumed: assumedNow } : {}) });
          throw error;
        }
        if (configured) {
          // The configured id is used even when it is not in the list (the list may be partial); the name is a nicety.
          chosen = configured;
          return organizations.find((o) => o.id === configured) ?? { id: configured, name: configured };
        }
        const [first] = organizations;
        if (!first) {
          const error = Object.assign(new Error('This API key sees no organization'), {
            hint: 'Check that EC_API_KEY belongs to an Elastic Cloud organization member',
          });
          options.onDiscovery?.({ error, ...(assumedNow ? { assumed: assumedNow } : {}) });
          throw error;
        }
        if (organizations.length > 1) {
          update((s) => ({
            ...s,
            notices: [
              ...s.notices,
              `${organizations.length} organizations visible; showing ${first.name} (use --org to pick another)`,
            ],
          }));
        }
        chosen = first.id;
        assumed = first;
        const replaced = assumedNow && assumedNow.id !== first.id ? assumedNow : undefined;
        options.onDiscovery?.({ organization: first, ...(replaced ? { replaced } : {}) });
        if (replaced) switchOrganization(replaced, first);
        return first;
      },
    );
    if (configured) return Promise.resolve(configured);
    return assumedNow ? Promise.resolve(assumedNow.id) : settled.then(() => chosen);
  }

  /** The key reaches another organization than the one assumed: its lists are asked for again, from the right one. */
  function switchOrganization(was: Organization, now: Organization) {
    orgIdPromise = Promise.resolve(now.id);
    update((s) => ({
      ...s,
      notices: [
        ...s.notices,
        `This key now reaches organization ${now.name} (${now.id}), not ${was.name} (${was.id}); its lists are reloaded`,
      ],
    }));
    for (const entry of entries.values())
      if (entry.perOrganization && state.lists.has(entry.key.name)) void loadList(entry.key.name);
  }

  function orgId(): Promise<string | undefined> {
    orgIdPromise ??= loadOrganization();
    return orgIdPromise;
  }

  const listContext: ListContext = {
    cloud,
    ...(options.esAccess ? { esAccess: options.esAccess } : {}),
    async organizationId() {
      const id = await orgId();
      if (!id) throw new Error('Organization unknown (see the error above)');
      return id;
    },
    async organizationSettled() {
      await orgId();
    },
    async rowsOf<T>(key: ListKey<T>) {
      await (pending.get(`list:${key.name}`) ?? (state.lists.has(key.name) ? undefined : loadList(key.name)));
      return dataOf(listOf(state, key));
    },
  };

  /** Loads the table's entry by that name; a name no entry declares stays idle. */
  function loadList(name: string): Promise<void> {
    const entry = entries.get(name);
    if (!entry) return Promise.resolve();
    return track<unknown>(
      `list:${name}`,
      (s) => s.lists.get(name),
      (s, r) => ({ ...s, lists: listMaps.with(s.lists, name, r) }),
      () => entry.load(listContext),
    );
  }

  function findProject(projectId: string): Project | undefined {
    return allProjects(state).find((p) => p.id === projectId);
  }

  async function fetchCustomRoles(project: Project): Promise<CustomRolesState> {
    let cloudFailure: string;
    try {
      const roles = await cloud.getProjectRoles(project.type, project.id);
      return { status: 'loaded', names: roles.map((r) => r.name), source: 'cloud' };
    } catch (error) {
      cloudFailure = describeError(error).message;
    }
    const route = options.esAccess?.(project) ?? { missing: 'no Elasticsearch access configured' };
    if ('missing' in route)
      return { status: 'unavailable', reason: `Cloud roles endpoint failed (${cloudFailure}); ${route.missing}` };
    try {
      const roles = await route.api.listRoles();
      return {
        status: 'loaded',
        names: Object.entries(roles)
          .filter(([, role]) => !isReserved(role))
          .map(([name]) => name),
        source: 'elasticsearch',
      };
    } catch (error) {
      return {
        status: 'unavailable',
        reason: `Cloud roles endpoint failed (${cloudFailure}); ${route.credential} was refused by ${project.endpoints.elasticsearch}: ${describeError(error).message}`,
      };
    }
  }

  function loadCustomRoles(projectId: string): Promise<void> {
    const project = findProject(projectId);
    const write = (s: DataState, r: Resource<CustomRolesState>) => ({
      ...s,
      customRoles: customRoleMaps.with(s.customRoles, projectId, r),
    });
    if (!project) {
      update((s) =>
        write(
          s,
          ready({ status: 'unavailable', reason: `project ${projectId} is not in the loaded project lists` }, clock()),
        ),
      );
      return Promise.resolve();
    }
    return track(
      `customRoles:${projectId}`,
      (s) => s.customRoles.get(projectId),
      write,
      () => perProject(() => fetchCustomRoles(project)),
    );
  }

  function loadRole(projectId: string, name: string): Promise<void> {
    const key = roleKey(projectId, name);
    return track(
      `role:${key}`,
      (s) => s.roleDescriptors.get(key),
      (s, r) => ({ ...s, roleDescriptors: roleDescriptorMaps.with(s.roleDescriptors, key, r) }),
      () =>
        perProject(async () => {
          const project = findProject(projectId);
          if (!project) throw new Error(`Project ${projectId} is not in the loaded project lists`);
          const route = options.esAccess?.(project) ?? { missing: 'no Elasticsearch access configured' };
          if ('missing' in route) throw new Error(`Cannot read the role descriptor: ${route.missing}`);
          return (await route.api.getRole(name)) ?? null;
        }),
    );
  }

  function loadDeploymentInfo(deploymentId: string): Promise<void> {
    return track(
      `deployment:${deploymentId}`,
      (s) => s.deploymentInfo.get(deploymentId),
      (s, r) => ({ ...s, deploymentInfo: deploymentInfoMaps.with(s.deploymentInfo, deploymentId, r) }),
      () => perProject(() => cloud.getDeployment(deploymentId)),
    );
  }

  function refreshOne(scope: RefreshScope): Promise<unknown> {
    if (scope === 'all') {
      orgIdPromise = undefined;
      return Promise.all([
        orgId(),
        ...[...entries.keys()].map(loadList),
        refreshOne('customRoles'),
        refreshOne('deploymentInfo'),
      ]);
    }
    if (scope === 'customRoles') return Promise.all([...state.customRoles.keys()].map(loadCustomRoles));
    if (scope === 'deploymentInfo') return Promise.all([...state.deploymentInfo.keys()].map(loadDeploymentInfo));
    if ('name' in scope) return loadList(scope.name);
    if ('customRoles' in scope) return loadCustomRoles(scope.customRoles);
    return loadRole(scope.role.projectId, scope.role.name);
  }

  return {
    getState() {
      customRoleMaps.handedOut();
      roleDescriptorMaps.handedOut();
      deploymentInfoMaps.handedOut();
      listMaps.handedOut();
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start(first = []) {
      const order = new Set([...first.map((key) => key.name), ...entries.keys()]);
      // Calling a loader sends its request synchronously (up to the await on the org id), so this order is wire order.
      for (const name of order) void loadList(name);
      void orgId();
    },
    async refresh(scope) {
      const scopes: readonly RefreshScope[] = isScopeList(scope) ? scope : [scope];
      await Promise.all(scopes.map(refreshOne));
    },
    // Screens call these on every render that shows the data; retrying failures here would loop, so only a
    // refresh retries.
    ensureCustomRoles(projectId) {
      if (state.customRoles.has(projectId)) return pending.get(`customRoles:${projectId}`) ?? Promise.resolve();
      return loadCustomRoles(projectId);
    },
    ensureRole(projectId, name) {
      const key = roleKey(projectId, name);
      if (state.roleDescriptors.has(key)) return pending.get(`role:${key}`) ?? Promise.resolve();
      return loadRole(projectId, name);
    },
    ensureDeployment(deploymentId) {
      if (state.deploymentInfo.has(deploymentId)) return pending.get(`deployment:${deploymentId}`) ?? Promise.resolve();
      return loadDeploymentInfo(deploymentId);
    },
    now: clock,
    snapshot() {
      if (snapshotCache?.for === state) return snapshotCache.value;
      const organization = dataOf(state.organization);
      const projectKeys = dataOf(listOf(state, PROJECT_KEYS));
      const deployments = dataOf(listOf(state, DEPLOYMENTS));
      const customRoles = new Map<string, CustomRolesState>();
      for (const [id, r] of state.customRoles) {
        const data = dataOf(r);
        if (data) customRoles.set(id, data);
      }
      const value: OrgSnapshot | undefined = organization && {
        organization,
        members: dataOf(listOf(state, MEMBERS)) ?? [],
        invitations: dataOf(listOf(state, INVITATIONS)) ?? [],
        keys: dataOf(listOf(state, API_KEYS)) ?? [],
        projects: allProjects(state),
        customRoles,
        ...(projectKeys ? { projectKeys } : {}),
        ...(deployments ? { deployments } : {}),
        now: clock(),
      };
      snapshotCache = { for: state, value };
      return value;
    },
  };
}
