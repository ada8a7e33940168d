/**
 * Where the user is: which screen, list or details, each screen's selection/filter/sort, and the overlay stack.
 * A reducer, so key presses that arrive faster than renders still apply in order against the latest state
 * (Ink 6 hands handlers stale closures between renders).
 */
import type { ReactNode } from 'react';
import type { Mode, Scope } from './bindings.js';
import { recordOfScreens, SCREEN_IDS, type ScreenId } from './screen-ids.js';

export interface ListNav {
  /** Selection is by id so it survives refreshes and re-sorting; the index is the fallback when the row vanished. */
  readonly selectedId?: string;
  readonly indexHint: number;
  readonly filter: string;
  readonly sort: number;
  /** Marked row ids (keys, for a bulk revoke). Ids of rows that vanished are ignored, not pruned. */
  readonly marked?: readonly string[];
}

/**
 * Overlays own the keyboard while on top. `panel` is the hook for wizards and confirmations: any element, which
 * handles its own keys (ctrl+c still quits, asking first if the panel marked itself dirty with useDirty).
 */
export type Overlay =
  /** `scope`: the panel help was opened over, whose keys it lists first. */
  | { readonly kind: 'help'; readonly scroll: number; readonly scope?: Scope }
  | { readonly kind: 'confirm-quit' }
  | { readonly kind: 'panel'; readonly id: string; readonly title: string; readonly node: ReactNode };

export interface NavState {
  readonly screen: ScreenId;
  readonly view: 'list' | 'filter' | 'details';
  readonly detailsId?: string;
  readonly detailsScroll: number;
  readonly lists: Readonly<Record<ScreenId, ListNav>>;
  readonly overlays: readonly StackedOverlay[];
  /** Stamps each pushed overlay, so a panel closed and reopened in one go (same id, same place) is a new one. */
  readonly overlaySerial: number;
}

/** An overlay on the stack, with the serial it was pushed with (the React key of its view). */
export type StackedOverlay = Overlay & { readonly serial: number };

export type NavAction =
  | { type: 'navigate'; screen: ScreenId }
  | { type: 'cycle'; delta: 1 | -1 }
  | { type: 'move'; ids: readonly string[]; delta?: number; to?: 'first' | 'last' }
  | { type: 'openDetails'; ids: readonly string[] }
  | { type: 'back' }
  | { type: 'startFilter' }
  | { type: 'typeFilter'; text: string }
  | { type: 'eraseFilter' }
  | { type: 'acceptFilter' }
  | { type: 'clearFilter' }
  | { type: 'setFilter'; screen: ScreenId; filter: string }
  | { type: 'cycleSort'; count: number }
  /** Mark or unmark the selected row of `ids` (the visible rows). */
  | { type: 'toggleMark'; ids: readonly string[] }
  /** Mark every id, or unmark them all when every one is marked already. */
  | { type: 'markAll'; ids: readonly string[] }
  | { type: 'scrollDetails'; delta: number; max: number }
  | { type: 'pushOverlay'; overlay: Overlay }
  | { type: 'popOverlay' }
  | { type: 'scrollHelp'; delta: number; max: number };

const EMPTY_LIST: ListNav = { indexHint: 0, filter: '', sort: 0 };

export function initialNav(screen: ScreenId, filter?: string): NavState {
  const lists = recordOfScreens((): ListNav => EMPTY_LIST);
  return {
    screen,
    view: 'list',
    detailsScroll: 0,
    lists: filter ? { ...lists, [screen]: { ...EMPTY_LIST, filter } } : lists,
    overlays: [],
    overlaySerial: 0,
  };
}

export function modeOf(nav: NavState): Mode {
  const top = nav.overlays.at(-1);
  if (top) return top.kind === 'help' ? 'help' : top.kind === 'confirm-quit' ? 'confirm' : 'overlay';
  return nav.view;
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/** Index of the selection in `ids`: by id, else where it used to be. */
export function selectedIndex(list: ListNav, ids: readonly string[]): number {
  if (ids.length === 0) return -1;
  const byId = list.selectedId === undefined ? -1 : ids.indexOf(list.selectedId);
  return byId >= 0 ? byId : clamp(list.indexHint, 0, ids.length - 1);
}

function withList(s: NavState, change: (l: ListNav) => ListNav): NavState {
  return { ...s, lists: { ...s.lists, [s.screen]: change(s.lists[s.screen]) } };
}

export function navReducer(s: NavState, a: NavAction): NavState {
  switch (a.type) {
    case 'navigate':
      return { ...s, screen: a.screen, view: 'list', detailsScroll: 0 };
    case 'cycle': {
      const i = SCREEN_IDS.indexOf(s.screen);
      const screen = SCREEN_IDS[(i + a.delta + SCREEN_IDS.length) % SCREEN_IDS.length]!;
      return { ...s, screen, view: 'list', detailsScroll: 0 };
    }
    case 'move':
      return withList(s, (l) => {
        if (a.ids.length === 0) return l;
        const from = selectedIndex(l, a.ids);
        const last = a.ids.length - 1;
        const to = a.to === 'first' ? 0 : a.to === 'last' ? last : clamp(from + (a.delta ?? 0), 0, last);
        return { ...l, selectedId: a.ids[to], indexHint: to };
      });
    case 'openDetails': {
      const index = selectedIndex(s.lists[s.screen], a.ids);
      return index < 0 ? s : { ...s, view: 'details', detailsId: a.ids[index], detailsScroll: 0 };
    }
    case 'back':
      return { ...s, view: 'list', detailsScroll: 0 };
    case 'startFilter':
      return { ...s, view: 'filter' };
    case 'typeFilter':
      return withList(s, (l) => ({ ...l, filter: l.filter + a.text }));
    case 'eraseFilter':
      return withList(s, (l) => ({ ...l, filter: l.filter.slice(0, -1) }));
    case 'acceptFilter':
      return { ...s, view: 'list' };
    case 'clearFilter':
      return withList({ ...s, view: 'list' }, (l) => ({ ...l, filter: '' }));
    case 'setFilter':
      return { ...s, lists: { ...s.lists, [a.screen]: { ...s.lists[a.screen], filter: a.filter } } };
    case 'cycleSort':
      return withList(s, (l) => ({ ...l, sort: (l.sort + 1) % Math.max(1, a.count) }));
    case 'toggleMark':
      return withList(s, (l) => {
        const id = a.ids[selectedIndex(l, a.ids)];
        if (id === undefined) return l;
        const marked = l.marked ?? [];
        return { ...l, marked: marked.includes(id) ? marked.filter((m) => m !== id) : [...marked, id] };
      });
    case 'markAll':
      return withList(s, (l) => {
        const marked = l.marked ?? [];
        const all = a.ids.every((id) => marked.includes(id));
        return { ...l, marked: all ? marked.filter((m) => !a.ids.includes(m)) : [...new Set([...marked, ...a.ids])] };
      });
    case 'scrollDetails':
      return { ...s, detailsScroll: clamp(s.detailsScroll + a.delta, 0, Math.max(0, a.max)) };
    case 'pushOverlay':
      return {
        ...s,
        overlays: [...s.overlays, { ...a.overlay, serial: s.overlaySerial }],
        overlaySerial: s.overlaySerial + 1,
      };
    case 'popOverlay':
      return { ...s, overlays: s.overlays.slice(0, -1) };
    case 'scrollHelp': {
      const top = s.overlays.at(-1);
      if (top?.kind !== 'help') return s;
      const scroll = clamp(top.scroll + a.delta, 0, Math.max(0, a.max));
      return { ...s, overlays: [...s.overlays.slice(0, -1), { ...top, scroll }] };
    }
  }
}
