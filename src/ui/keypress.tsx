/**
 * The one place the terminal's keys enter React: a single listener on Ink's input, bracketed paste, and a focus
 * stack of handlers.
 *
 * A handler is registered with useKeys at the key layer it renders in (KeyLayer: the shell is layer 0, a panel
 * opened over it layer 1). A key goes to the deepest layer first; a handler that returns true has handled it, and
 * the layers below never see it; anything else falls through, down to the shell's binding table.
 *
 * Keys are dispatched one at a time, each after the render the previous one caused: dispatching a key also bumps
 * the provider's own counter, in the same batch as whatever the handlers updated, and the provider's effect, which
 * runs once that render has committed (so after every handler's layout effect), dispatches the next key. A panel
 * the first key opened has registered its handler before the second key arrives, and every handler is the latest
 * commit's; a key that loads a panel's code first (pending-loads.ts) holds the next one until the panel is there. A
 * terminal read holding several keys (fast typing, a read made while the app was busy) is split here,
 * so `saved⏎` is five letters and an Enter.
 *
 * A paste arrives between `ESC[200~` and `ESC[201~` (bracketed paste, switched on while the provider is mounted):
 * it is dispatched as one press with `paste: true` and no key name, so a pasted `q` or newline is text for the
 * focused field, never a key.
 */
import { useStdin, useStdout } from 'ink';
import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Binding } from './bindings.js';
import { keysOf, PASTE_END, PASTE_START, type KeyPress } from './keys.js';
import { loadsSettled } from './pending-loads.js';

/** Returns true when it handled the key, so that the layers below do not see it. */
export type KeyHandler = (press: KeyPress) => boolean | void;

/** Which panel a layer is: the overlay's serial (Overlays.tsx); undefined for a layer nobody names. */
export type LayerOwner = number | undefined;

interface Entry {
  readonly layer: number;
  readonly owner: LayerOwner;
  readonly order: number;
  readonly handler: { readonly current: KeyHandler };
  readonly active: { readonly current: boolean };
  /** The bindings this handler acts on right now, and whether it takes text: the footer of its layer. */
  readonly bindings: { readonly current: Focus };
}

/** What the focused panel offers: its working bindings, and whether a text field of it takes printable keys. */
export interface Focus {
  readonly bindings: readonly Binding[];
  readonly takesText: boolean;
}

/** The footer's view of the stack: the focused panel's bindings, and which panel they are of. */
export interface StackFocus extends Focus {
  readonly owner?: LayerOwner;
}

const NO_FOCUS: StackFocus = { bindings: [], takesText: false };

/** Every registered handler; dispatch walks them from the top layer down, in registration order within a layer. */
export class FocusStack {
  private readonly entries = new Set<Entry>();
  private registered = 0;
  private readonly listeners = new Set<() => void>();
  private footer: StackFocus = NO_FOCUS;
  /**
   * What the handlers of a panel rendered but not yet committed offer, by panel and handler: the footer renders
   * after the panels, in the same pass, and reads a new panel's keys here (see useFocus). A handler's draft goes
   * once it is registered.
   */
  private readonly drafts = new Map<number, Map<object, Focus>>();
  /** Handlers (useKeys' tokens) registered once: they no longer draft. */
  private readonly registeredTokens = new WeakSet<object>();

  add(
    layer: number,
    owner: LayerOwner,
    token: object,
    handler: Entry['handler'],
    active: Entry['active'],
    bindings: Entry['bindings'],
  ): Entry {
    this.registeredTokens.add(token);
    this.undraft(owner, token);
    const entry: Entry = { layer, owner, order: this.registered++, handler, active, bindings };
    this.entries.add(entry);
    this.changed();
    return entry;
  }

  /** During render: what a handler not yet registered will offer in `owner`'s panel. */
  draft(owner: number, token: object, focus: Focus): void {
    if (this.registeredTokens.has(token)) return;
    let drafts = this.drafts.get(owner);
    if (!drafts) {
      drafts = new Map<object, Focus>();
      this.drafts.set(owner, drafts);
    }
    drafts.set(token, focus);
  }

  private undraft(owner: LayerOwner, token: object): void {
    if (owner === undefined) return;
    const drafts = this.drafts.get(owner);
    drafts?.delete(token);
    if (drafts?.size === 0) this.drafts.delete(owner);
  }

  /**
   * The focus of `owner`'s panel from its drafts, in registration order: layout effects run children first, so a
   * handler rendered inside another registers before it.
   */
  drafted(owner: number): Focus | undefined {
    const drafts = this.drafts.get(owner);
    if (!drafts) return undefined;
    const focuses = [...drafts.values()].reverse();
    return {
      bindings: focuses.flatMap((f) => f.bindings),
      takesText: focuses.some((f) => f.takesText),
    };
  }

  remove(entry: Entry): void {
    this.entries.delete(entry);
    this.changed();
  }

  dispatch(press: KeyPress): void {
    for (const entry of this.ordered()) if (entry.handler.current(press) === true) return;
  }

  /** What the focused panel offers (its layer's handlers, above the shell); nothing when none is open. */
  readonly focused = (): StackFocus => this.footer;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after a commit changed what a handler acts on; tells the footer when its bindings changed. */
  changed(): void {
    const top = this.ordered().find((e) => e.layer > 0)?.layer;
    const layer = top === undefined ? [] : this.ordered().filter((e) => e.layer === top);
    const next = layer.flatMap((e) => e.bindings.current.bindings);
    const takesText = layer.some((e) => e.bindings.current.takesText);
    const owner = layer[0]?.owner;
    const { bindings } = this.footer;
    const same =
      owner === this.footer.owner &&
      takesText === this.footer.takesText &&
      next.length === bindings.length &&
      next.every((b, i) => b === bindings[i]);
    if (same) return;
    this.footer = next.length === 0 && !takesText ? NO_FOCUS : { bindings: next, takesText, owner };
    for (const listener of this.listeners) listener();
  }

  private ordered(): Entry[] {
    return [...this.entries].filter((e) => e.active.current).sort((a, b) => b.layer - a.layer || a.order - b.order);
  }
}

const FocusStackContext = createContext<FocusStack | undefined>(undefined);
/**
 * The layer handlers register in, whether it hears keys at all (a panel kept mounted under another does not), and
 * which panel it is.
 */
const LayerContext = createContext<{ layer: number; active: boolean; owner: LayerOwner }>({
  layer: 0,
  active: true,
  owner: undefined,
});

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';
/** A paste longer than this is cut: a stuck terminal that never ends a paste must not grow memory without bound. */
const MAX_PASTE = 1 << 20;

/**
 * Turns Ink's input events (Ink's parser already keeps escape sequences whole) into presses, in order, with a
 * paste collected into one press.
 */
export function createPressReader(emit: (press: KeyPress) => void): (event: string) => void {
  let paste: string | undefined;
  return (event) => {
    if (paste !== undefined) {
      const end = event.indexOf(PASTE_END);
      if (end < 0) {
        if (paste.length < MAX_PASTE) paste += event;
        return;
      }
      const text = (paste + event.slice(0, end)).slice(0, MAX_PASTE);
      paste = undefined;
      emit({ name: undefined, input: text, paste: true });
      return;
    }
    if (event === PASTE_START) {
      paste = '';
      return;
    }
    for (const key of keysOf(event)) emit(key);
  };
}

/** Owns the app's only input subscription. */
export function KeypressProvider({ children }: { children: ReactNode }) {
  const [stack] = useState(() => new FocusStack());
  const { isRawModeSupported, setRawMode, internal_eventEmitter: events } = useStdin();
  const { stdout } = useStdout();
  const [queue] = useState(() => ({ presses: [] as KeyPress[], waiting: false }));
  const [dispatched, setDispatched] = useState(0);
  const [next] = useState(() => () => {
    if (queue.presses.length === 0) {
      queue.waiting = false;
      return;
    }
    queue.waiting = true;
    // The last press is loading the panel it opens (pending-loads.ts): the next one is for that panel, so it waits
    // for the load and then for the render that shows the panel, as it waits for any render.
    const loading = loadsSettled();
    if (loading) {
      void loading.then(() => setDispatched((n) => n + 1));
      return;
    }
    stack.dispatch(queue.presses.shift()!);
    setDispatched((n) => n + 1);
  });
  // The render the last press caused has committed: every handler is the new one. Now the next press.
  useEffect(() => {
    if (queue.waiting) next();
  }, [dispatched, queue, next]);

  useEffect(() => {
    if (!isRawModeSupported) return;
    const read = createPressReader((press) => {
      queue.presses.push(press);
      if (!queue.waiting) next();
    });
    setRawMode(true);
    events.on('input', read);
    // Only a real terminal is told: a test's stdout would record the sequence as a frame.
    const terminal = stdout.isTTY === true;
    const pasteOff = () => void stdout.write(BRACKETED_PASTE_OFF);
    if (terminal) {
      stdout.write(BRACKETED_PASTE_ON);
      // A crash or signal ends the process without unmounting; the terminal must not keep wrapping pastes.
      process.once('exit', pasteOff);
    }
    return () => {
      events.off('input', read);
      queue.presses.length = 0;
      setRawMode(false);
      if (terminal) {
        process.off('exit', pasteOff);
        pasteOff();
      }
    };
  }, [queue, next, isRawModeSupported, setRawMode, events, stdout]);

  return <FocusStackContext.Provider value={stack}>{children}</FocusStackContext.Provider>;
}

/**
 * What renders inside gets keys before what renders outside (a panel over the shell). `active={false}` silences
 * everything inside: a panel that stays mounted, with its state, under the one on top. `owner` names the panel
 * (its overlay's serial), so that the footer can show a panel's keys on the panel's first frame (useFocus).
 */
export function KeyLayer({
  children,
  active = true,
  owner,
}: {
  children: ReactNode;
  active?: boolean;
  owner?: number;
}) {
  const outer = useContext(LayerContext);
  const value = useMemo(
    () => ({ layer: outer.layer + 1, active: outer.active && active, owner: owner ?? outer.owner }),
    [outer, active, owner],
  );
  return <LayerContext.Provider value={value}>{children}</LayerContext.Provider>;
}

function useFocusStack(): FocusStack {
  const stack = useContext(FocusStackContext);
  if (!stack) throw new Error('useKeys outside <KeypressProvider>');
  return stack;
}

export interface UseKeysOptions {
  readonly active?: boolean;
  /** What the handler offers now, for the footer (usePanelBindings passes it; keep it the same object while unchanged). */
  readonly focus?: Focus;
}

/**
 * Hears keys while mounted (and `active`), in its layer's turn; see the file comment.
 *
 * A handler joins the stack in a layout effect, after Ink has drawn the commit that mounted it; until then its
 * panel's keys are a draft, written while rendering, which the footer (rendered after the panels) reads.
 */
export function useKeys(handler: KeyHandler, { active = true, focus = NO_FOCUS }: UseKeysOptions = {}): void {
  const stack = useFocusStack();
  const { layer, active: layerActive, owner } = useContext(LayerContext);
  const [token] = useState(() => ({}));
  if (owner !== undefined) stack.draft(owner, token, active && layerActive ? focus : NO_FOCUS);
  const latest = useRef(handler);
  const isActive = useRef(active && layerActive);
  const shown = useRef(focus);
  useLayoutEffect(() => {
    latest.current = handler;
    const changed = isActive.current !== (active && layerActive) || shown.current !== focus;
    isActive.current = active && layerActive;
    shown.current = focus;
    if (changed) stack.changed();
  });
  useLayoutEffect(() => {
    const entry = stack.add(layer, owner, token, latest, isActive, shown);
    return () => stack.remove(entry);
  }, [stack, layer, owner, token]);
}

/**
 * What the focused panel offers, for the footer; re-renders when it changes. `top`: the panel on top now (its
 * overlay's serial; undefined when none is), when the caller renders after it: the stack reaches a new panel only
 * once its commit is drawn, so until then its drafts stand in, and nothing stands for a panel gone.
 */
export function useFocus(top?: number): Focus {
  const stack = useFocusStack();
  const committed = useSyncExternalStore(stack.subscribe, stack.focused);
  if (committed.owner === top) return committed;
  return (top === undefined ? undefined : stack.drafted(top)) ?? NO_FOCUS;
}
