/**
 * inertLines in one pass (src/util/inert-text.ts): the same answer as cleaning line by line between the line
 * breaks we keep, for any text; and a lone `\r` (which moves the cursor back over a line) never survives.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { inertLines, inertText } from '../../src/util/inert-text.js';

/** The definition: split on the breaks we keep (`\n`, `\r\n`), clean every piece between them. */
const lineByLine = (text: string) =>
  text
    .split(/(\r?\n)/)
    .map((part, i) => (i % 2 === 1 ? part : inertText(part)))
    .join('');

const PIECES = ['a', 'é', ' ', '\n', '\r', '\r\n', '\u001b', '\u0007', '\u0085', '\u202e', '\u200b', '\u2028', ','];

it('keeps \\n and \\r\\n, shows a lone \\r and every other control as an escape', () => {
  expect(inertLines('a\r\nb\nc\rd\u001b[2Je\u202ef\r')).toBe('a\r\nb\nc\\x0dd\\x1b[2Je<U+202E>f\\x0d');
  expect(inertLines('\r\r\n')).toBe('\\x0d\r\n');
});

it('returns clean text unchanged', () => {
  const text = '{\n  "a": "b"\r\n}\n';
  expect(inertLines(text)).toBe(text);
});

it('agrees with cleaning line by line, for any text', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      expect(inertLines(text)).toBe(lineByLine(text));
    }),
  );
});
