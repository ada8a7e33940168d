/**
 * The one-time secret panel's input state. Every key goes through this reducer, so keys that arrive faster than
 * renders (a pasted folder followed by Enter) are judged against the latest state, never a stale closure.
 * Side effects (copy, save, close) are requested here as `pending` and carried out by the panel on that key press.
 *
 * The secret itself is not in here: the value stays in the Secret the panel holds and nowhere else.
 */
import type { Tone } from '../../src/ui/theme.js';

/** view: the masked (or revealed) value; dir: typing the folder to save into; ack: confirming it is saved. */
export type SecretMode = 'view' | 'dir' | 'ack';

export interface SecretState {
  readonly mode: SecretMode;
  readonly revealed: boolean;
  /** The folder as typed (kept for the next save, to fix a typo); empty means the current one. */
  readonly dir: string;
  /** The acknowledgement as typed. */
  readonly ack: string;
  readonly notice?: { readonly tone: Tone; readonly text: string };
  /** A side effect the key press asked for; cleared by `done`. */
  readonly pending?: 'copy' | 'save' | 'close';
}

/** What the panel's bindings (`secret` scope) and its text field ask for; `done` reports a side effect carried out. */
export type SecretAction =
  | { type: 'reveal' }
  | { type: 'copy' }
  | { type: 'startSave' }
  | { type: 'askClose' }
  | { type: 'text'; text: string }
  | { type: 'erase' }
  /** enter in a field: save into the folder typed, or close once the acknowledgement matches. */
  | { type: 'submit' }
  | { type: 'back' }
  /** The pending effect ran; `notice` says how it went. */
  | { type: 'done'; notice?: { tone: Tone; text: string } };

export const INITIAL_SECRET: SecretState = { mode: 'view', revealed: false, dir: '', ack: '' };

/** What must be typed to close: a word the user has to mean, not a key they might hit by reflex. */
export const ACK_WORD = 'saved';

function viewAction(s: SecretState, a: SecretAction): SecretState {
  switch (a.type) {
    case 'reveal':
      return { ...s, revealed: !s.revealed };
    case 'copy':
      return { ...s, pending: 'copy' };
    case 'startSave':
      return { ...s, mode: 'dir' };
    case 'askClose':
      return { ...s, mode: 'ack', ack: '', notice: undefined };
    default:
      return s;
  }
}

function fieldAction(s: SecretState, a: SecretAction): SecretState {
  const field = s.mode === 'dir' ? 'dir' : 'ack';
  switch (a.type) {
    case 'back':
      return { ...s, mode: 'view', ack: '' };
    case 'submit':
      if (s.mode === 'dir') return { ...s, pending: 'save' };
      return s.ack.trim() === ACK_WORD
        ? { ...s, pending: 'close' }
        : {
            ...s,
            notice: { tone: 'warning', text: `Type ${ACK_WORD} exactly to close, or esc to go back to the value` },
          };
    case 'erase':
      return { ...s, [field]: Array.from(s[field]).slice(0, -1).join('') };
    case 'text':
      return { ...s, [field]: s[field] + a.text };
    default:
      return s;
  }
}

export function secretReducer(s: SecretState, a: SecretAction): SecretState {
  if (a.type === 'done') {
    const { pending: _done, ...rest } = s;
    return { ...rest, mode: 'view', ...(a.notice ? { notice: a.notice } : {}) };
  }
  // While an effect runs, keys wait: a second Enter must not save twice.
  if (s.pending) return s;
  return s.mode === 'view' ? viewAction(s, a) : fieldAction(s, a);
}
