/**
 * The app shell: owns navigation and the overlay stack, publishes state and actions through contexts, routes keys
 * through the binding table, and lays the frame out to the terminal size.
 *
 * Routing: the body shows the top overlay if any (help, quit confirmation, or a feature's panel opened with
 * actions.openPanel), else the current screen's details or list.
 */
import { Box, useApp } from 'ink';
import {
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useState,
  useSyncExternalStore,
  type Dispatch,
  type ReactNode,
} from 'react';
import {
  createProjectIndexer,
  screenContext,
  storeLoaders,
  type ScreenContext,
  type ScreenLoaders,
} from '../src/ui/screen-def.js';
import type { Store } from '../src/state/store.js';
import { BINDINGS, type BindingContext } from '../src/ui/bindings.js';
import {
  AppActionsContext,
  AppStateContext,
  type AppActions,
  type AppState,
  type Connection,
  type StatusMessage,
} from '../src/ui/contexts.js';
import { helpColumns } from '../src/ui/help.js';
import { frameHeight, layoutFor } from '../src/ui/layout.js';
import { initialNav, modeOf, navReducer, selectedIndex, type NavAction } from '../src/ui/navigation.js';
import type { ScreenId } from '../src/ui/screen-ids.js';
import { useTerminalSize } from '../src/ui/terminal-size.js';
import { useTheme } from '../src/ui/theme.js';
import { useKeyDispatch } from '../src/ui/use-key-dispatch.js';
import { useFocus } from '../src/ui/keypress.js';
import { useScreenList } from '../src/ui/use-screen-list.js';
import { usePanelMessage } from '../src/ui/panel-message.js';
import { DetailsView } from './DetailsView.js';
import { Footer } from './Footer.js';
import { createRequestHistory } from './command-line/history.js';
import { createHandlers, type Frame } from './handlers.js';
import { Header } from './Header.js';
import { maxScroll } from './LinesView.js';
import { ListScreen } from './ListScreen.js';
import { OverlayView } from './Overlays.js';
import { PartsContext, type AppParts } from './parts.js';
import { StatusLine } from './StatusLine.js';

/** Fixed-height lines between the status line and the footer; the main box gives up that many rows. */
export interface Dock {
  readonly node: ReactNode;
  readonly height: number;
}

export interface ShellProps {
  readonly store: Store;
  readonly connection: Connection;
  readonly initialScreen: ScreenId;
  readonly initialFilter?: string;
  readonly dock?: Dock;
  /** The screens and the panels, from the layer above (screens/parts.ts). */
  readonly parts: AppParts;
}

/** The app's actions: stable for the session (dirty form tokens live in this closure, read only at key time). */
function createActions(
  store: Store,
  loaders: ScreenLoaders,
  exit: () => void,
  dispatch: Dispatch<NavAction>,
  setMessage: (message: StatusMessage) => void,
): AppActions {
  const dirty = new Set<string>();
  return {
    navigate: (screen) => dispatch({ type: 'navigate', screen }),
    refresh: (scope) => store.refresh(scope),
    setFilter: (screen, filter) => dispatch({ type: 'setFilter', screen, filter }),
    openPanel: (panel) => dispatch({ type: 'pushOverlay', overlay: { kind: 'panel', ...panel } }),
    closeOverlay: () => dispatch({ type: 'popOverlay' }),
    notify: (text, tone = 'success', options) =>
      setMessage({ text, tone, ...(options?.whilePanelOpen ? { whilePanelOpen: true } : {}) }),
    requestQuit: () => {
      if (dirty.size === 0) exit();
      else dispatch({ type: 'pushOverlay', overlay: { kind: 'confirm-quit' } });
    },
    setDirty: (token, isDirty) => {
      if (isDirty) dirty.add(token);
      else dirty.delete(token);
    },
    ensureCustomRoles: (projectId) => loaders.ensureCustomRoles(projectId),
    ensureRole: (projectId, name) => loaders.ensureRole(projectId, name),
  };
}

export function Shell({ store, connection, initialScreen, initialFilter, dock, parts }: ShellProps) {
  const { exit } = useApp();
  const theme = useTheme();
  // Already without the dock's rows (App): every panel lays out in what is left.
  const size = useTerminalSize();
  const layout = layoutFor(size);
  const data = useSyncExternalStore(store.subscribe, store.getState);
  const snapshot = store.snapshot();
  const [nav, dispatch] = useReducer(navReducer, undefined, () => initialNav(initialScreen, initialFilter));
  const [message, setMessage] = useState<StatusMessage>();
  const mode = modeOf(nav);

  const loaders = useMemo(() => storeLoaders(store), [store]);
  const actions = useMemo(
    () => createActions(store, loaders, exit, dispatch, setMessage),
    [store, loaders, exit, dispatch, setMessage],
  );

  const def = parts.screens[nav.screen];
  const indexProjects = useMemo(() => createProjectIndexer(), []);
  const projects = indexProjects(data);
  const ctx = useMemo<ScreenContext>(
    () => screenContext(data, snapshot, theme.symbols, store.now(), projects),
    [data, snapshot, projects, theme.symbols, store],
  );
  const listNav = nav.lists[nav.screen];
  const view = useScreenList(def, ctx, listNav);
  const selected = selectedIndex(listNav, view.list.ids);
  const sources = def.sources(data);

  const detailsRow = nav.view === 'details' && nav.detailsId !== undefined ? view.find(nav.detailsId) : undefined;
  const markedRows = (listNav.marked ?? []).flatMap((id) => view.find(id) ?? []);
  const markedIds = new Set(markedRows.map((r) => r.id));
  const detailsLines = useMemo(() => (detailsRow ? def.details(detailsRow, ctx) : []), [def, detailsRow, ctx]);
  const focused = useFocus(nav.overlays.at(-1)?.serial).bindings;
  const helpOverlay = nav.overlays.findLast((o) => o.kind === 'help');
  const helpOpen = helpOverlay !== undefined;
  const helpScope = helpOverlay?.scope;
  // Laid out only while help is open: every binding wrapped into columns is work the first frame does not show.
  const help = useMemo(
    () =>
      helpOpen ? helpColumns(theme.unicode, layout.width - 4, layout.boxInner, BINDINGS, helpScope ?? nav.screen) : [],
    [helpOpen, theme.unicode, layout.width, layout.boxInner, helpScope, nav.screen],
  );

  useEffect(() => {
    def.onShow?.(ctx, loaders);
  }, [def, ctx, loaders]);
  // What enter would show for the selected row is loaded while it is merely selected: opening it then costs no round
  // trip (a project's custom roles, say, go out beside the member lists instead of after them).
  const selectedRow = nav.view === 'list' ? view.list.items[selected]?.row : undefined;
  useEffect(() => {
    if (selectedRow) def.onDetails?.(selectedRow, loaders);
  }, [def, selectedRow, loaders]);

  const currentFrame: Frame = {
    mode,
    screen: nav.screen,
    ids: view.list.ids,
    pageSize: mode === 'help' || nav.view === 'details' ? layout.boxInner : layout.listRows,
    detailsMax: maxScroll(detailsLines.length, layout.boxInner),
    helpMax: maxScroll(help.length, layout.boxInner),
    sortCount: def.sorts.length,
    refresh: def.refresh,
    current: nav.view === 'details' ? detailsRow : view.list.items[selected]?.row,
    marked: markedRows,
    ...(focused[0] ? { panelScope: focused[0].scope } : {}),
    ...(message ? { message: message.text } : {}),
  };
  const [requests] = useState(createRequestHistory);
  // Built every render: the key dispatch calls the handlers of the latest commit, so they see its frame.
  const handlers = createHandlers(dispatch, actions, () => currentFrame, exit, requests, parts);
  // A key press starts a new action, so the previous action's result message makes way.
  const onBinding = useCallback(() => setMessage(undefined), [setMessage]);
  usePanelMessage(message, nav.overlays.length, onBinding);
  const topPanel = nav.overlays.at(-1);
  const bindingCtx: BindingContext = {
    mode,
    screen: nav.screen,
    filtered: listNav.filter !== '',
    ...(topPanel?.kind === 'panel' ? { panel: topPanel.id } : {}),
  };
  const onText = useCallback((text: string) => dispatch({ type: 'typeFilter', text }), [dispatch]);
  useKeyDispatch(bindingCtx, handlers, onText, onBinding);

  const state: AppState = { data, snapshot, nav, mode, connection, message };
  const top = nav.overlays.at(-1);
  return (
    <PartsContext.Provider value={parts}>
      <AppActionsContext.Provider value={actions}>
        <AppStateContext.Provider value={state}>
          <Box flexDirection="column" width={size.columns} height={frameHeight(size) + (dock?.height ?? 0)}>
            <Header width={size.columns} />
            {/* Every overlay stays mounted, only the top one shown: a panel under the quit question or under a fix it
              opened keeps its state. Keyed by the serial it was pushed with, so a panel replaced in one go (closed
              and reopened with the same id) starts afresh. */}
            {nav.overlays.map((overlay, i) => {
              const focused = i === nav.overlays.length - 1;
              return (
                <Box key={overlay.serial} display={focused ? 'flex' : 'none'} flexDirection="column">
                  <OverlayView overlay={overlay} help={help} layout={layout} focused={focused} />
                </Box>
              );
            })}
            {top ? null : nav.view === 'details' ? (
              <DetailsView
                def={def}
                row={detailsRow}
                lines={detailsLines}
                scroll={nav.detailsScroll}
                layout={layout}
                loaders={loaders}
              />
            ) : (
              <ListScreen
                def={def}
                view={view}
                sources={sources}
                filter={listNav.filter}
                filtering={mode === 'filter'}
                selected={selected}
                layout={layout}
                marked={markedIds}
              />
            )}
            {/* Fixed heights: an empty line would otherwise collapse and the frame would change height. */}
            <Box height={1}>
              <StatusLine sources={sources} />
            </Box>
            {dock ? (
              <Box height={dock.height} flexDirection="column">
                {dock.node}
              </Box>
            ) : null}
            <Box height={1}>
              <Footer ctx={bindingCtx} width={size.columns} top={top?.serial} />
            </Box>
          </Box>
        </AppStateContext.Provider>
      </AppActionsContext.Provider>
    </PartsContext.Provider>
  );
}
