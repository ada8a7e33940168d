/**
 * A browse screen is data, not a component: where its rows come from, its columns and sort orders, how a row's
 * details read and what its keys do. components/ListScreen and components/DetailsView render any of them, so the
 * screens behave identically (keys, filter, sort, windowing) and each resource's folder under screens/ holds only
 * what is specific to it. Declared here, below the components, so that they can render a screen without importing
 * screens/ (the shell gets the registry through its parts, components/parts.ts).
 */
import type { Dispatch } from 'react';
import type { OrgSnapshot } from '../domain/org.js';
import type { Project } from '../api/schemas.js';
import { projectListsOf } from '../state/lists.js';
import { dataOf, type Resource } from '../state/resource.js';
import type { DataState, RefreshScope, Store } from '../state/store.js';
import type { ScreenActionId } from './bindings.js';
import type { AppActions } from './contexts.js';
import type { Line } from './lines.js';
import type { NavAction } from './navigation.js';
import type { Column, Row, SortOrder } from './list-model.js';
import type { ScreenId } from './screen-ids.js';
import type { Symbols } from './theme.js';
import type { ProjectIndex } from './assignment-lines.js';

export interface ScreenContext {
  readonly data: DataState;
  readonly snapshot: OrgSnapshot | undefined;
  readonly projects: ProjectIndex;
  /** The time rows are judged against (expiry, "3d ago"). */
  readonly now: Date;
  readonly symbols: Symbols;
}

/** The context screens are rendered in, from the store's state (the shell memoizes it; the opening prefetch does not). */
export function screenContext(
  data: DataState,
  snapshot: OrgSnapshot | undefined,
  symbols: Symbols,
  now: Date,
  projects: ProjectIndex = projectIndexOf(projectListsOf(data)),
): ScreenContext {
  return { data, snapshot, projects, now: snapshot?.now ?? now, symbols };
}

/** From the project lists' states. */
export function projectIndexOf(lists: readonly Resource<readonly Project[]>[]): ProjectIndex {
  return new Map(lists.flatMap((list) => dataOf(list) ?? []).map((p) => [p.id, p]));
}

/**
 * projectIndexOf over every project type's list, rebuilt only when one of those lists changes, not with every other
 * answer: the shell keeps one, so a context built from the same projects keeps the same index.
 */
export function createProjectIndexer(): (data: DataState) => ProjectIndex {
  let lists: readonly Resource<readonly Project[]>[] = [];
  let index: ProjectIndex = new Map();
  return (data) => {
    const now = projectListsOf(data);
    if (now.some((list, i) => list !== lists[i])) {
      lists = now;
      index = projectIndexOf(now);
    }
    return index;
  };
}

/** What a screen may ask the store to load lazily. */
export interface ScreenLoaders {
  ensureCustomRoles: (projectId: string) => void;
  ensureRole: (projectId: string, name: string) => void;
  ensureDeployment: (deploymentId: string) => void;
}

/** The loaders, straight to the store (its loads are idempotent and settle into its state, so nothing is awaited). */
export function storeLoaders(store: Store): ScreenLoaders {
  return {
    ensureCustomRoles: (projectId) => void store.ensureCustomRoles(projectId),
    ensureRole: (projectId, name) => void store.ensureRole(projectId, name),
    ensureDeployment: (deploymentId) => void store.ensureDeployment(deploymentId),
  };
}

export interface NamedResource {
  /** "members" in "Loading members…". */
  readonly noun: string;
  readonly resource: Resource<unknown> | undefined;
}

/** What a screen's action gets, read when the key is pressed. */
export interface ScreenActionContext<R extends Row> {
  readonly actions: AppActions;
  readonly dispatch: Dispatch<NavAction>;
  /** The row the user is on: the open details row, else the selected list row (of this screen: typed). */
  readonly current: R | undefined;
  /** Marked rows of this screen's list that still exist. */
  readonly marked: readonly R[];
  readonly ids: readonly string[];
  /** The status line's text as the key arrived (a question the key may answer). */
  readonly message: string | undefined;
}

/** A method, not a function property: bivariant in R, so a screen of its own rows is a ScreenDef<Row>. */
export interface ScreenAction<R extends Row> {
  run(ctx: ScreenActionContext<R>): void;
}

export type ScreenActions<R extends Row> = { readonly [K in ScreenActionId]?: ScreenAction<R> };

export interface ScreenDef<R extends Row> {
  readonly id: ScreenId;
  /** What the screen's keys do; the keys themselves are in the binding table under the screen's scope. */
  readonly actions?: ScreenActions<R>;
  /** Resources behind the list, for its spinner and its error line. */
  readonly sources: (data: DataState) => readonly NamedResource[];
  /** What `r` reloads. */
  readonly refresh: readonly RefreshScope[];
  /** Rows are rebuilt only when one of these changes (by identity). */
  readonly deps: (data: DataState) => readonly unknown[];
  readonly rows: (ctx: ScreenContext) => R[];
  readonly columns: readonly Column<R>[];
  readonly sorts: readonly SortOrder<R>[];
  readonly empty: string;
  // Methods, not function properties: their parameters are bivariant, so a screen of its own rows is a
  // ScreenDef<Row> (defineScreen).
  detailsTitle(row: R): string;
  details(row: R, ctx: ScreenContext): Line[];
  /** Lazy loads a details view needs (custom roles of a project, a role descriptor). */
  onDetails?(row: R, loaders: ScreenLoaders): void;
  /** Lazy loads the list needs once its rows are known. */
  readonly onShow?: (ctx: ScreenContext, loaders: ScreenLoaders) => void;
}

/**
 * The registry holds screens of different row types; each definition is only ever called with its own rows (the
 * list it built), which is what the bivariant methods above rely on.
 */
export function defineScreen<R extends Row>(def: ScreenDef<R>): ScreenDef<Row> {
  return def;
}

/** The browse screens by id (screens/registry.ts), handed to the shell and the opening prefetch. */
export type ScreenRegistry = Readonly<Record<ScreenId, ScreenDef<Row>>>;

// One collator for every comparison: localeCompare with options builds a new one per call (≈30× slower on 10k rows).
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

export const byText = (a: string, b: string) => collator.compare(a, b);
