/**
 * The terminal's bytes → key names in the binding table's terms ("up", "shift+tab", "G", "ctrl+o"). This is the
 * one translation between the two, so the table never depends on a terminal's or Ink's quirks.
 */
export type KeyName = string;

/** A key press as handlers see it. */
export interface KeyPress {
  /** The key's name in the binding table's terms; undefined when it names none (an emoji, a paste). */
  readonly name: KeyName | undefined;
  /** What the terminal sent, for text; the whole pasted text for a paste. */
  readonly input: string;
  /** A bracketed paste: text for the focused field, never keys. */
  readonly paste?: boolean;
}

/** Bracketed paste markers (the provider switches the mode on). */
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

/** Escape sequences by what follows ESC: CSI (`[`) and SS3 (`O`) forms of the same keys. */
const SEQUENCES: Record<string, KeyName> = {
  '[A': 'up',
  '[B': 'down',
  '[C': 'right',
  '[D': 'left',
  OA: 'up',
  OB: 'down',
  OC: 'right',
  OD: 'left',
  '[H': 'home',
  '[F': 'end',
  OH: 'home',
  OF: 'end',
  '[1~': 'home',
  '[7~': 'home',
  '[4~': 'end',
  '[8~': 'end',
  '[5~': 'pageup',
  '[6~': 'pagedown',
  '[3~': 'delete',
  '[Z': 'shift+tab',
  OP: 'f1',
  '[11~': 'f1',
  '[[A': 'f1',
};

/** One character outside an escape sequence. */
function charKey(char: string): KeyPress {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\r') return { name: 'enter', input: char };
  if (char === '\t') return { name: 'tab', input: char };
  // Linux and macOS terminals send DEL for Backspace, some send BS.
  if (code === 0x7f || code === 0x08) return { name: 'backspace', input: char };
  if (code >= 1 && code <= 26) return { name: `ctrl+${String.fromCharCode(code + 96)}`, input: char };
  if (code < 0x20) return { name: undefined, input: char };
  // A character beyond the BMP (an emoji) names no key: it is text only.
  return { name: char.length === 1 ? char : undefined, input: char };
}

/**
 * The presses in one of Ink's input events: an escape sequence (kept whole by Ink's parser), or a run of characters
 * typed faster than they were read, one press each. ESC followed by a character is escape, then that character:
 * in this app that is a quick `esc` and a key, not alt+key.
 */
export function keysOf(event: string): KeyPress[] {
  if (event.startsWith('\x1b')) {
    if (event === '\x1b') return [{ name: 'escape', input: event }];
    const name = SEQUENCES[event.slice(1)];
    if (name !== undefined) return [{ name, input: event }];
    // Sequences with modifiers (ctrl+arrow) and others nothing binds.
    if (event[1] === '[' || event[1] === 'O') return [{ name: undefined, input: '' }];
    return [{ name: 'escape', input: '\x1b' }, ...keysOf(event.slice(1))];
  }
  return Array.from(event, charKey);
}

/** Printable single characters are text when a text field has the keyboard. */
export function isPrintable(name: KeyName): boolean {
  return name.length === 1;
}

const UNICODE_LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  enter: 'enter',
  escape: 'esc',
  backspace: 'bksp',
  'shift+tab': 'shift+tab',
  ' ': 'space',
  f1: 'F1',
  delete: 'del',
};
const ASCII_LABELS: Record<string, string> = {
  ...UNICODE_LABELS,
  up: 'up',
  down: 'down',
  left: 'left',
  right: 'right',
};

export function keyLabel(name: KeyName, unicode: boolean): string {
  return (unicode ? UNICODE_LABELS : ASCII_LABELS)[name] ?? name;
}

/** C0 controls and DEL: what a terminal sends for keys, never text. */
const isControl = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
};

/** Whether pasted or unsplit input holds a control character (so it is not plain text). */
export function hasControls(text: string): boolean {
  return Array.from(text).some(isControl);
}

/** `text` without its control characters: what of a press that names no key is text. */
export function withoutControls(text: string): string {
  return Array.from(text)
    .filter((char) => !isControl(char))
    .join('');
}

/**
 * Pasted text as one-line field text: each line break becomes a space (a pasted list of emails stays readable) and
 * any other control character is dropped, so a clipboard cannot smuggle escape sequences onto the screen.
 */
export function pastedText(text: string): string {
  return withoutControls(text.replace(/\r\n|\r|\n/g, ' '));
}

/** The text a press adds to a text field: a printable key, a paste, or text that names no key (an emoji); else ''. */
export function textOf(press: KeyPress): string {
  if (press.paste) return pastedText(press.input);
  if (press.name !== undefined) return isPrintable(press.name) ? press.name : '';
  return withoutControls(press.input);
}
