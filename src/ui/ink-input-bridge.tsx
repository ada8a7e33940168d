/**
 * Runs Ink input components (ink-text-input, ink-select-input) inside the app's one keypress path.
 *
 * Those components read keys with Ink's useInput, which listens on the event emitter of Ink's StdinContext. Left
 * on Ink's own, they would hear every key beside the focus stack (src/ui/keypress.tsx): `q` would type and quit,
 * `esc` would reach both. Under <InkField>, they read a StdinContext of their own instead, whose emitter hears only
 * what the panel's bindings hand them: a binding the panel gives the field (`wizard.next: input.forward`) and the
 * text its onText takes. Everything else (ctrl+o, esc, tab, a ctrl+letter that Ink 6.8 would pass on as the bare
 * letter) stays with the binding table and never reaches the field. The press is encoded back into the raw input
 * Ink's parser reads (enter `\r`, arrows, backspace), and a bracketed paste, which Ink 6.8 does not know, arrives as
 * one chunk of text, which ink-text-input inserts at its cursor.
 *
 * Ink 6.8's useInput re-subscribes in a passive effect after every render of the component
 * (https://github.com/vadimdemedes/ink/issues/960, fixed in Ink 7): a key delivered between a render and that
 * effect would reach the previous render's handler, with the previous value and cursor. The keypress provider
 * dispatches a key only after the previous key's render committed and its effects ran; for a key that arrives
 * while a render the field took part in (a timer's, a load's) still has effects to run, the field's <InkField>
 * holds the key until its own passive effect, which runs after the field's.
 *
 * StdinContext is not in Ink's "exports"; scripts/ink-internals.mjs resolves it to the module Ink's hooks use.
 */
import { EventEmitter } from 'node:events';
import { useStdin, type StdinProps } from 'ink';
import StdinContext from 'ink/build/components/StdinContext.js';
import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { isPrintable, pastedText, withoutControls, type KeyPress } from './keys.js';

/** Key names an Ink field understands, as the terminal sends them (what Ink's parser reads). */
const RAW: Readonly<Record<string, string>> = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  // DEL, as terminals send Backspace; Ink 6.8 names it `delete`, and both Ink fields treat it as backspace.
  backspace: '\x7f',
};

/** The raw input for a press, or undefined for one an Ink field has no use for (a ctrl+letter, a function key). */
export function rawInput(press: KeyPress): string | undefined {
  if (press.paste) return pastedText(press.input) || undefined;
  if (press.name === undefined) return withoutControls(press.input) || undefined;
  return RAW[press.name] ?? (isPrintable(press.name) ? press.name : undefined);
}

/** One panel's line to its Ink field: made by useInkInput, handed to the field's <InkField>. */
export class InkInput {
  readonly events = new EventEmitter();
  private mounted = 0;
  /** A render of the field committed and its passive effects (Ink's re-subscription) have not run yet. */
  private unsettled = false;
  private readonly held: string[] = [];

  /**
   * Gives the press to the mounted Ink field. False when no field is mounted or the press means nothing to one, so
   * a binding can fall back to its own action (`input.forward(p) || dispatch(…)`).
   */
  readonly forward = (press: KeyPress): boolean => {
    const raw = rawInput(press);
    if (raw === undefined || this.mounted === 0) return false;
    if (this.unsettled) this.held.push(raw);
    else this.events.emit('input', raw);
    return true;
  };

  /**
   * A key of the field's own making, sent from an effect of its parent (after the field's effects): a correction of
   * the field's state. Keys forwarded before the render it causes has run its effects wait for them.
   */
  nudge(press: KeyPress): void {
    const raw = rawInput(press);
    if (raw === undefined || this.mounted === 0) return;
    this.events.emit('input', raw);
    this.unsettled = true;
  }

  /** Text for the field (a panel's onText: typed, pasted, or an emoji), as one chunk. */
  readonly type = (text: string): void => {
    this.forward({ name: undefined, input: text, paste: true });
  };

  /** <InkField> mounted (a layout effect: before any key can arrive). */
  attach(): () => void {
    this.mounted++;
    return () => {
      this.mounted--;
      this.held.length = 0;
    };
  }

  committed(): void {
    this.unsettled = true;
  }

  /** The field's effects have run: keys held meanwhile go out now, in order. */
  settled(): void {
    this.unsettled = false;
    for (const raw of this.held.splice(0)) this.events.emit('input', raw);
  }
}

/** The panel's InkInput, the same object for its lifetime; its bindings forward to it. */
export function useInkInput(): InkInput {
  const [input] = useState(() => new InkInput());
  return input;
}

const noRawMode = () => {};

/**
 * Renders an Ink input component so that it hears only `input`. The keypress provider owns raw mode and the
 * terminal; the field's setRawMode does nothing, and ctrl+c never reaches it.
 */
export function InkField({ input, children }: { input: InkInput; children: ReactNode }) {
  const { stdin } = useStdin();
  const value = useMemo<StdinProps>(
    () => ({
      stdin,
      setRawMode: noRawMode,
      isRawModeSupported: true,
      internal_exitOnCtrlC: false,
      internal_eventEmitter: input.events,
    }),
    [stdin, input],
  );
  useLayoutEffect(() => input.attach(), [input]);
  // A render of the field that a key did not cause is a render of this too (the field's parent renders both): marked
  // at commit, cleared after the field's passive effects, which React runs before this component's. A render the
  // field's own state caused comes from a key this delivered, and the provider holds the next key past its effects.
  useLayoutEffect(() => input.committed());
  useEffect(() => input.settled());
  return <StdinContext.Provider value={value}>{children}</StdinContext.Provider>;
}
