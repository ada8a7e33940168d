/**
 * Where the `t` / `T` bindings land. Key handlers are built once by the shell from the binding table and know
 * nothing about the tour; the tour's dock registers itself here while mounted (one app per process), and outside
 * a tour the keys say how to start one instead of doing nothing.
 */
import type { AppActions } from '../../src/ui/contexts.js';

export type TourKey = 'lesson' | 'toggle';

export type TourKeyHandler = (key: TourKey, actions: AppActions) => void;

let target: TourKeyHandler | undefined;

/** Returns the unregister function, for an effect's cleanup. */
export function registerTourKeys(handler: TourKeyHandler): () => void {
  target = handler;
  return () => {
    if (target === handler) target = undefined;
  };
}

export function pressTourKey(key: TourKey, actions: AppActions): void {
  if (target) target(key, actions);
  else actions.notify('Lessons run in the guided tour: start it with `ec-access tour`', 'accent');
}
