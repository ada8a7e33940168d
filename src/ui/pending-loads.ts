/**
 * Code loaded when first used (the panels behind the keys: screens/panels.ts, through src/ui/lazy-module.ts). The keypress provider (keypress.tsx)
 * offers no key while such a load is under way, so the key typed right after the one that opens a panel still
 * meets that panel, exactly as when the code was there from the start.
 */
const pending = new Set<Promise<unknown>>();

/** Tracks `load` until it settles; resolve it only once what it loads has been used (the panel opened). */
export function whileLoading(load: Promise<unknown>): void {
  pending.add(load);
  const done = () => pending.delete(load);
  load.then(done, done);
}

/** Settles once every load under way has; undefined when none is. */
export function loadsSettled(): Promise<unknown> | undefined {
  return pending.size > 0 ? Promise.allSettled([...pending]) : undefined;
}
