/**
 * A one-line text field as a pure reducer: keys that arrive before the next render still edit the latest text
 * (ink-text-input edits the text of the render it closed over, and loses keys typed faster than renders).
 */
import { hasControls, type KeyName } from '../../src/ui/keys.js';

export interface EditLine {
  readonly text: string;
  /** Character offset, 0..text length. */
  readonly cursor: number;
}

/** A line holding `text`, cursor at its end (a recalled or chosen request is edited from the end). */
export function lineOf(text: string): EditLine {
  return { text, cursor: Array.from(text).length };
}

function insert(line: EditLine, added: string): EditLine {
  const chars = Array.from(line.text);
  const text = [...chars.slice(0, line.cursor), added, ...chars.slice(line.cursor)].join('');
  return { text, cursor: line.cursor + Array.from(added).length };
}

/** The line after `name` (or `input`, when it names no key); undefined when the key is not an editing key. */
export function editLine(line: EditLine, name: KeyName | undefined, input: string): EditLine | undefined {
  const chars = Array.from(line.text);
  switch (name) {
    case undefined:
      // Text that names no key: a character beyond the BMP (an emoji), or several at once where keys are not split
      // (src/ui/key-stream.ts splits them in the app). Control characters in it are not text.
      return input && !hasControls(input) ? insert(line, input) : undefined;
    case 'left':
      return { ...line, cursor: Math.max(0, line.cursor - 1) };
    case 'right':
      return { ...line, cursor: Math.min(chars.length, line.cursor + 1) };
    case 'home':
    case 'ctrl+a':
      return { ...line, cursor: 0 };
    case 'end':
    case 'ctrl+e':
      return { ...line, cursor: chars.length };
    case 'backspace':
      if (line.cursor === 0) return line;
      return {
        text: [...chars.slice(0, line.cursor - 1), ...chars.slice(line.cursor)].join(''),
        cursor: line.cursor - 1,
      };
    case 'ctrl+u':
      return { text: chars.slice(line.cursor).join(''), cursor: 0 };
    default:
      return name.length === 1 ? insert(line, name) : undefined;
  }
}
