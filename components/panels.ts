/**
 * The panels' code (components/panel-openers.ts, about a third of the UI's) is loaded when a key first opens one:
 * the first screen needs none of it, and every start used to parse and evaluate it before the first frame. While it
 * loads, the keypress provider holds the next key (src/ui/pending-loads.ts); once loaded, panels open synchronously, as
 * before.
 */
import type { AppActions } from '../src/ui/contexts.js';
import { whileLoading } from '../src/ui/pending-loads.js';
import { errorMessage } from '../src/util/errors.js';
import type * as Openers from './panel-openers.js';

let loaded: typeof Openers | undefined;

/** Calls `open` with the panel openers: at once when they are loaded, else once they are. */
export function withPanels(actions: AppActions, open: (panels: typeof Openers) => void): void {
  if (loaded) return open(loaded);
  whileLoading(
    import('./panel-openers.js').then(
      (panels) => {
        loaded = panels;
        open(panels);
      },
      (error: unknown) => actions.notify(`The panel could not be loaded: ${errorMessage(error)}`, 'danger'),
    ),
  );
}
