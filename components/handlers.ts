/**
 * What each binding does, by binding id. Record<BindingId, …> makes the compiler demand a handler for every entry of
 * the table, so "add a binding" is one line in src/ui/bindings.ts plus one line here; a screen's own bindings
 * (`members.remove`) go to that screen's actions in its ScreenDef instead.
 */
import type { Dispatch } from 'react';
import type { RefreshScope } from '../src/state/store.js';
import type { Mode, ScreenActionId, Scope } from '../src/ui/bindings.js';
import type { AppActions } from '../src/ui/contexts.js';
import type { NavAction } from '../src/ui/navigation.js';
import type { Handlers } from '../src/ui/use-key-dispatch.js';
import type { Row } from '../src/ui/list-model.js';
import type { ScreenId } from '../src/ui/screen-ids.js';
import type { RequestHistory } from './command-line/history.js';
import type { AppParts } from './parts.js';
import { pressTourKey } from './tour/tour-keys.js';

/** Facts about the current frame that handlers need, read at key time (not captured at render time). */
export interface Frame {
  readonly mode: Mode;
  readonly screen: ScreenId;
  readonly ids: readonly string[];
  readonly pageSize: number;
  readonly detailsMax: number;
  readonly helpMax: number;
  readonly sortCount: number;
  readonly refresh: readonly RefreshScope[];
  /** The row the user is on: the open details row, else the selected list row. */
  readonly current?: Row;
  /** Marked rows of the current list that still exist. */
  readonly marked?: readonly Row[];
  /** The scope of the panel on top, when one is (help lists its keys first). */
  readonly panelScope?: Scope;
  /** The status line's text as the key arrived (a question the key may answer). */
  readonly message?: string;
}

export function createHandlers(
  dispatch: Dispatch<NavAction>,
  actions: AppActions,
  frame: () => Frame,
  exit: () => void,
  requests: RequestHistory,
  parts: AppParts,
): Handlers {
  const move = (delta: number) => dispatch({ type: 'move', ids: frame().ids, delta });
  const scroll = (delta: number) => dispatch({ type: 'scrollDetails', delta, max: frame().detailsMax });
  const scrollHelp = (delta: number) => dispatch({ type: 'scrollHelp', delta, max: frame().helpMax });
  const withPanels: AppParts['withPanels'] = (on, open) => parts.withPanels(on, open);
  // A screen's binding goes to the current screen's actions (a screen without that action ignores the key).
  const screen = (id: ScreenActionId) => {
    const { screen, current, marked, ids, message } = frame();
    parts.screens[screen].actions?.[id]?.run({ actions, dispatch, current, marked: marked ?? [], ids, message });
  };
  const shell: Handlers['shell'] = {
    // A second ctrl+c at the quit question means it.
    'app.interrupt': () => (frame().mode === 'confirm' ? exit() : actions.requestQuit()),
    'app.quit': () => actions.requestQuit(),
    'app.help': () => dispatch({ type: 'pushOverlay', overlay: { kind: 'help', scroll: 0 } }),
    'panel.help': () => {
      const scope = frame().panelScope;
      dispatch({ type: 'pushOverlay', overlay: { kind: 'help', scroll: 0, ...(scope ? { scope } : {}) } });
    },
    'nav.next': () => dispatch({ type: 'cycle', delta: 1 }),
    'nav.prev': () => dispatch({ type: 'cycle', delta: -1 }),
    'data.refresh': () => void actions.refresh(frame().refresh),

    'list.up': () => move(-1),
    'list.down': () => move(1),
    'list.pageUp': () => move(-frame().pageSize),
    'list.pageDown': () => move(frame().pageSize),
    'list.first': () => dispatch({ type: 'move', ids: frame().ids, to: 'first' }),
    'list.last': () => dispatch({ type: 'move', ids: frame().ids, to: 'last' }),
    'list.open': () => dispatch({ type: 'openDetails', ids: frame().ids }),
    'list.filter': () => dispatch({ type: 'startFilter' }),
    'list.sort': () => dispatch({ type: 'cycleSort', count: frame().sortCount }),
    'list.clearFilter': () => dispatch({ type: 'clearFilter' }),

    'filter.accept': () => dispatch({ type: 'acceptFilter' }),
    'filter.cancel': () => dispatch({ type: 'clearFilter' }),
    'filter.erase': () => dispatch({ type: 'eraseFilter' }),
    'filter.up': () => move(-1),
    'filter.down': () => move(1),

    'details.up': () => scroll(-1),
    'details.down': () => scroll(1),
    'details.pageUp': () => scroll(-frame().pageSize),
    'details.pageDown': () => scroll(frame().pageSize),
    'details.back': () => dispatch({ type: 'back' }),

    'help.up': () => scrollHelp(-1),
    'help.down': () => scrollHelp(1),
    'help.pageUp': () => scrollHelp(-frame().pageSize),
    'help.pageDown': () => scrollHelp(frame().pageSize),
    'help.first': () => scrollHelp(-frame().helpMax),
    'help.last': () => scrollHelp(frame().helpMax),
    'help.close': () => dispatch({ type: 'popOverlay' }),

    'access.matrix': () => withPanels(actions, (panels) => panels.openAccessMatrix(actions)),
    'access.doctor': () => withPanels(actions, (panels) => panels.openDoctor(actions)),
    'access.request': () => withPanels(actions, (panels) => panels.openCommandLine(actions, requests)),

    'audit.open': () => withPanels(actions, (panels) => panels.openAuditView(actions)),

    'tour.lesson': () => pressTourKey('lesson', actions),
    'tour.toggle': () => pressTourKey('toggle', actions),

    'confirm.yes': exit,
    'confirm.no': () => dispatch({ type: 'popOverlay' }),
  };
  return { shell, screen, navigate: (to) => dispatch({ type: 'navigate', screen: to }) };
}
