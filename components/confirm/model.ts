/**
 * The confirmation panel's input state as a reducer: keys that arrive faster than renders (a paste ending in
 * Enter) still apply in order, so "type the phrase, then submit" cannot be judged against stale text.
 *
 * typing → sending (exactly once, and only with the exact phrase) → verifying (re-reading) → done.
 */
import { isConfirmed } from '../../src/domain/confirm.js';
import type { SendResult } from './spec.js';

export type Phase =
  | { readonly kind: 'typing' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'verifying'; readonly sent: SendResult }
  /** The re-read settled: the verdict is judged from the data as it is now. */
  | { readonly kind: 'done'; readonly sent: SendResult };

export interface ConfirmState {
  readonly typed: string;
  readonly scroll: number;
  readonly phase: Phase;
  /** Enter was pressed with text that does not match: say so, rather than silently doing nothing. */
  readonly mismatch: boolean;
}

export type ConfirmAction =
  /** The field's whole new text (typed, pasted, erased, inserted at its cursor). */
  | { type: 'edit'; text: string }
  | { type: 'clear' }
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'submit'; phrase: string; blocked: boolean }
  | { type: 'sent'; sent: SendResult }
  | { type: 'refreshed' };

export const INITIAL_CONFIRM: ConfirmState = { typed: '', scroll: 0, phase: { kind: 'typing' }, mismatch: false };

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

export function confirmReducer(s: ConfirmState, a: ConfirmAction): ConfirmState {
  const typing = s.phase.kind === 'typing';
  switch (a.type) {
    case 'edit':
      return typing ? { ...s, typed: a.text, mismatch: false } : s;
    case 'clear':
      return typing ? { ...s, typed: '', mismatch: false } : s;
    case 'scroll':
      return { ...s, scroll: clamp(s.scroll + a.delta, a.max) };
    case 'submit':
      if (!typing) return s;
      return !a.blocked && isConfirmed(a.phrase, s.typed)
        ? { ...s, phase: { kind: 'sending' } }
        : { ...s, mismatch: true };
    case 'sent':
      return s.phase.kind === 'sending' ? { ...s, phase: { kind: 'verifying', sent: a.sent } } : s;
    case 'refreshed':
      return s.phase.kind === 'verifying' ? { ...s, scroll: 0, phase: { kind: 'done', sent: s.phase.sent } } : s;
  }
}

/** Whether the typed text unlocks the button (shown live, before Enter). */
export function unlocked(s: ConfirmState, phrase: string, blocked: boolean): boolean {
  return !blocked && isConfirmed(phrase, s.typed);
}
