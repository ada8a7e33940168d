/**
 * A terminal read → the keys in it, as a person typing slowly would send them (escape sequences kept whole), so a
 * test can write one key at a time and wait for its render before the next.
 */
const ESC = '\x1b';

const isParameterOrIntermediate = (c: number) => c >= 0x20 && c <= 0x3f;
const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;

/** Length of the CSI (`ESC [ … final`) or SS3 (`ESC O x`) sequence at `at`, or undefined when there is none. */
function controlSequenceLength(text: string, at: number): number | undefined {
  const kind = text[at + 1];
  if (kind === 'O') return at + 2 < text.length && isFinal(text.charCodeAt(at + 2)) ? 3 : undefined;
  if (kind !== '[') return undefined;
  let i = at + 2;
  // Legacy function keys: ESC [ [ A.
  if (text[i] === '[') i++;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isFinal(c) && !(i === at + 2 && c === 0x5b)) return i - at + 1;
    if (!isParameterOrIntermediate(c)) return undefined;
  }
  // Cut off by the end of the chunk: hand over the rest, Ink's parser joins it with what follows.
  return text.length - at;
}

/** Length of the key starting with ESC at `at`: a control sequence, ESC ESC + sequence (alt+arrow), ESC + one character (alt+key), or ESC alone. */
function escapeKeyLength(text: string, at: number): number {
  const sequence = controlSequenceLength(text, at);
  if (sequence !== undefined) return sequence;
  if (text[at + 1] === ESC) {
    const inner = controlSequenceLength(text, at + 1);
    return inner !== undefined ? 1 + inner : 2;
  }
  const next = text.codePointAt(at + 1);
  if (next === undefined) return 1;
  return 1 + (next > 0xffff ? 2 : 1);
}

/** One terminal read → the key presses in it, in order. Every character outside an escape sequence is a key of its own. */
export function splitKeys(chunk: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] === ESC) {
      const length = escapeKeyLength(chunk, i);
      keys.push(chunk.slice(i, i + length));
      i += length;
    } else {
      const char = String.fromCodePoint(chunk.codePointAt(i)!);
      keys.push(char);
      i += char.length;
    }
  }
  return keys;
}
