/**
 * The panels' code (screens/panel-openers.ts, about a third of the UI's), loaded when a key first opens one. Screens
 * call this directly; components get it through the app's parts (components/parts.ts), as they do not import screens.
 */
import type { AppActions } from '../src/ui/contexts.js';
import { lazyModule } from '../src/ui/lazy-module.js';
import { errorMessage } from '../src/util/errors.js';
import type * as Openers from './panel-openers.js';

const loadPanels = lazyModule(() => import('./panel-openers.js'));

/** Calls `open` with the panel openers: at once when they are loaded, else once they are. */
export function withPanels(actions: AppActions, open: (panels: typeof Openers) => void): void {
  loadPanels(open, (error) => actions.notify(`The panel could not be loaded: ${errorMessage(error)}`, 'danger'));
}
