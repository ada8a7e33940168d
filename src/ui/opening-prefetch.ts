/**
 * What Enter would show for the row the opening screen selects first, loaded as soon as that screen's lists are in,
 * while the UI itself is still loading. `ec-access projects --filter search-prod` then opens the project's "who has
 * access here" with its custom roles already on the way, instead of asking for them once the first frame is drawn
 * (a round trip later). The shell prefetches the selected row the same way from then on; loads are idempotent.
 *
 * Free of React and Ink, so the session can run it before either is loaded.
 */
import { screenContext, storeLoaders, type ScreenRegistry } from './screen-def.js';
import type { Store } from '../state/store.js';
import { ListFilter } from './list-filter.js';
import { indexRows, sortIndexed } from './list-model.js';
import type { ScreenId } from './screen-ids.js';
import type { Symbols } from './theme.js';

/** Watches the store until the opening screen's lists have settled, then loads its first row's details (once). Call after store.start(). */
export function prefetchOpeningRow(
  screens: ScreenRegistry,
  store: Store,
  screen: ScreenId,
  filter: string,
  symbols: Symbols,
): void {
  const def = screens[screen];
  if (!def.onDetails) return;
  const loaders = storeLoaders(store);
  // Nothing in flight: every list answered (or failed). A source with nothing to load counts as settled too (the
  // roles screen's custom roles are idle until the screen asks for them).
  const settled = () => def.sources(store.getState()).every(({ resource }) => resource?.status !== 'loading');
  const prefetch = () => {
    const ctx = screenContext(store.getState(), store.snapshot(), symbols, store.now());
    const sorted = sortIndexed(indexRows(def.rows(ctx), def.columns), def.sorts[0]);
    const first = new ListFilter(sorted, def.columns).apply(filter).items[0];
    if (first) def.onDetails?.(first.row, loaders);
  };
  if (settled()) return prefetch();
  const unsubscribe = store.subscribe(() => {
    if (!settled()) return;
    unsubscribe();
    prefetch();
  });
}
