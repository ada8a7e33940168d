/**
 * The one place the terminal's keys enter React: a single Ink input subscription, and a focus stack of handlers.
 *
 * A handler is registered with useKeys at the key layer it renders in (KeyLayer: the shell is layer 0, a panel
 * opened over it layer 1). A key goes to the deepest layer first; a handler that returns true has handled it, and
 * the layers below never see it; anything else falls through, down to the shell's binding table.
 *
 * Why one subscription: Ink 6 re-subscribes a useInput handler in a passive effect whenever its closure changes,
 * so a key arriving before that effect met the previous render's handler. Here the subscription never changes and
 * each handler is read from a ref set in a layout effect, i.e. the handler of the latest commit.
 */
import { useInput, useStdin } from 'ink';
import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { keyName, type KeyName } from './keys.js';

/** A key press as handlers see it. */
export interface KeyPress {
  /** The key's name in the binding table's terms; undefined when it names none (an emoji, unsplit text). */
  readonly name: KeyName | undefined;
  /** What the terminal sent, for text. */
  readonly input: string;
}

/** Returns true when it handled the key, so that the layers below do not see it. */
export type KeyHandler = (press: KeyPress) => boolean | void;

interface Entry {
  readonly layer: number;
  readonly order: number;
  readonly handler: { readonly current: KeyHandler };
  readonly active: { readonly current: boolean };
}

/** Every registered handler; dispatch walks them from the top layer down, in registration order within a layer. */
export class FocusStack {
  private readonly entries = new Set<Entry>();
  private registered = 0;

  add(layer: number, handler: Entry['handler'], active: Entry['active']): Entry {
    const entry: Entry = { layer, order: this.registered++, handler, active };
    this.entries.add(entry);
    return entry;
  }

  remove(entry: Entry): void {
    this.entries.delete(entry);
  }

  dispatch(press: KeyPress): void {
    const order = [...this.entries]
      .filter((e) => e.active.current)
      .sort((a, b) => b.layer - a.layer || a.order - b.order);
    for (const entry of order) if (entry.handler.current(press) === true) return;
  }
}

const FocusStackContext = createContext<FocusStack | undefined>(undefined);
/** The layer handlers register in, and whether it hears keys at all (a panel kept mounted under another does not). */
const LayerContext = createContext({ layer: 0, active: true });

/** Owns the app's only input subscription. */
export function KeypressProvider({ children }: { children: ReactNode }) {
  const [stack] = useState(() => new FocusStack());
  const { isRawModeSupported } = useStdin();
  useInput((input, key) => stack.dispatch({ name: keyName(input, key), input }), { isActive: isRawModeSupported });
  return <FocusStackContext.Provider value={stack}>{children}</FocusStackContext.Provider>;
}

/**
 * What renders inside gets keys before what renders outside (a panel over the shell). `active={false}` silences
 * everything inside: a panel that stays mounted, with its state, under the one on top.
 */
export function KeyLayer({ children, active = true }: { children: ReactNode; active?: boolean }) {
  const outer = useContext(LayerContext);
  const value = useMemo(() => ({ layer: outer.layer + 1, active: outer.active && active }), [outer, active]);
  return <LayerContext.Provider value={value}>{children}</LayerContext.Provider>;
}

/** Hears keys while mounted (and `active`), in its layer's turn; see the file comment. */
export function useKeys(handler: KeyHandler, { active = true }: { active?: boolean } = {}): void {
  const stack = useContext(FocusStackContext);
  if (!stack) throw new Error('useKeys outside <KeypressProvider>');
  const { layer, active: layerActive } = useContext(LayerContext);
  const latest = useRef(handler);
  const isActive = useRef(active && layerActive);
  useLayoutEffect(() => {
    latest.current = handler;
    isActive.current = active && layerActive;
  });
  useLayoutEffect(() => {
    const entry = stack.add(layer, latest, isActive);
    return () => stack.remove(entry);
  }, [stack, layer]);
}
