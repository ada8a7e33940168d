/**
 * A one-line text field as a pure reducer: the command line's editing bindings (`command` scope) and the text
 * typed or pasted into it.
 */

export interface EditLine {
  readonly text: string;
  /** Character offset, 0..text length. */
  readonly cursor: number;
}

/** The editing keys, by what they do. */
export type EditKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'ctrl+u';

/** A line holding `text`, cursor at its end (a recalled or chosen request is edited from the end). */
export function lineOf(text: string): EditLine {
  return { text, cursor: Array.from(text).length };
}

/** `added` (typed or pasted text, without control characters) inserted at the cursor. */
export function insert(line: EditLine, added: string): EditLine {
  const chars = Array.from(line.text);
  const text = [...chars.slice(0, line.cursor), added, ...chars.slice(line.cursor)].join('');
  return { text, cursor: line.cursor + Array.from(added).length };
}

export function editLine(line: EditLine, key: EditKey): EditLine {
  const chars = Array.from(line.text);
  switch (key) {
    case 'left':
      return { ...line, cursor: Math.max(0, line.cursor - 1) };
    case 'right':
      return { ...line, cursor: Math.min(chars.length, line.cursor + 1) };
    case 'home':
      return { ...line, cursor: 0 };
    case 'end':
      return { ...line, cursor: chars.length };
    case 'backspace':
      if (line.cursor === 0) return line;
      return {
        text: [...chars.slice(0, line.cursor - 1), ...chars.slice(line.cursor)].join(''),
        cursor: line.cursor - 1,
      };
    case 'ctrl+u':
      return { text: chars.slice(line.cursor).join(''), cursor: 0 };
  }
}
