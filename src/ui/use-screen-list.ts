/**
 * The rows of a screen as the list shows them: built, indexed for search, sorted, filtered. Each stage is cached
 * on its own inputs, so a keystroke in the filter re-runs only the filter (which remembers its recent results),
 * and moving the cursor re-runs nothing.
 */
import { useEffect, useState } from 'react';
import type { ScreenContext, ScreenDef } from './screen-def.js';
import { ContentWidths } from './column-fit.js';
import { ListFilter, type FilteredList } from './list-filter.js';
import { indexRows, sortIndexed, type Indexed, type Row } from './list-model.js';
import type { ListNav } from './navigation.js';

interface Cache {
  deps: readonly unknown[];
  indexed: readonly Indexed<Row>[];
  widths: ContentWidths<Row>;
  sort?: { index: number; filter: ListFilter<Row> };
  /** Rows whose cells prepareStep has measured so far. */
  measured: number;
}

/**
 * Rows measured per turn of the event loop by the idle preparation (prepareStep): well under a millisecond, so a key
 * that arrives meanwhile waits for one slice at most.
 */
const PREPARE_SLICE = 500;

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export interface ScreenList {
  readonly list: FilteredList<Row>;
  readonly total: number;
  readonly sortLabel: string;
  /** The columns' content widths of a list of this screen (this one, or any filtered from it). */
  readonly widths: ContentWidths<Row>;
  /** Any row of the screen by id, filtered out or not (details stay open while the filter changes). */
  readonly find: (id: string) => Row | undefined;
}

/** Each screen's stages, kept while the app runs so that coming back to a screen costs nothing. */
class ScreenListCache {
  private readonly caches = new Map<string, Cache>();

  view(def: ScreenDef<Row>, ctx: ScreenContext, nav: ListNav): ScreenList {
    const deps = def.deps(ctx.data);
    let cache = this.caches.get(def.id);
    if (!cache || !sameDeps(cache.deps, deps)) {
      const indexed = indexRows(def.rows(ctx), def.columns);
      cache = { deps, indexed, widths: new ContentWidths(def.columns, indexed.length), measured: 0 };
      this.caches.set(def.id, cache);
    }
    const sortIndex = nav.sort % Math.max(1, def.sorts.length);
    if (cache.sort?.index !== sortIndex) {
      cache.sort = {
        index: sortIndex,
        filter: new ListFilter(sortIndexed(cache.indexed, def.sorts[sortIndex]), def.columns),
      };
    }
    const { indexed, widths } = cache;
    return {
      list: cache.sort.filter.apply(nav.filter),
      total: indexed.length,
      sortLabel: def.sorts[sortIndex]?.label ?? '',
      widths,
      find: (id) => indexed.find((i) => i.row.id === id)?.row,
    };
  }

  /**
   * One slice of the screen's preparation for filter keystrokes; false once there is nothing left. Every cell is
   * measured ahead, so the layout of a new filter result (which samples rows no layout looked at yet) reads numbers
   * instead of measuring text: on 10,000 members that was 2,000 rows' cells, a few milliseconds, on the keystroke.
   * A list no longer than ContentWidths' sample had every cell measured by its first layout; this only finds them so.
   */
  prepareStep(id: string): boolean {
    const cache = this.caches.get(id);
    if (!cache || cache.measured >= cache.indexed.length) return false;
    cache.measured = cache.widths.prepare(cache.indexed, cache.measured, PREPARE_SLICE);
    return true;
  }
}

/** Runs the screen's preparation a slice per turn of the event loop, after any input waiting; cancelled on change. */
function prepareWhileIdle(cache: ScreenListCache, id: string): () => void {
  let next = setImmediate(function step() {
    if (cache.prepareStep(id)) next = setImmediate(step);
  });
  return () => clearImmediate(next);
}

export function useScreenList(def: ScreenDef<Row>, ctx: ScreenContext, nav: ListNav): ScreenList {
  const [cache] = useState(() => new ScreenListCache());
  const view = cache.view(def, ctx, nav);
  // view.widths is the data load's: a new load (or screen) starts its own preparation.
  useEffect(() => prepareWhileIdle(cache, def.id), [cache, def.id, view.widths]);
  return view;
}
