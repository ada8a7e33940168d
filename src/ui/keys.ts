/**
 * Ink reports a key press as (input, flags); the binding table speaks in key names ("up", "shift+tab", "G").
 * This is the one translation between the two, so the table never depends on Ink's flag quirks.
 */
import type { Key } from 'ink';

export type KeyName = string;

/** Undefined for presses that name nothing we bind (bare modifiers, unknown escape sequences). */
export function keyName(input: string, key: Key): KeyName | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Linux and macOS terminals send DEL for Backspace, which Ink 6 reports as `delete` (ink #634).
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (input.length === 1 && input >= ' ') return input;
  return undefined;
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
