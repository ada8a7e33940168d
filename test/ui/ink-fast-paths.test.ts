/** The fast paths spliced into Ink's helpers answer as the code they stand in for. */
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import fc from 'fast-check';
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import { graphemesOf, NARROW_TEXT, SINGLE_UNIT_GRAPHEMES } from '../../src/ui/ink-fast-paths.js';

describe('NARROW_TEXT', () => {
  const ranges: readonly (readonly [number, number])[] = [
    ...NARROW_TEXT.source.matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g),
  ].map((m) => [parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)] as const);

  it('admits only characters string-width itself counts as one column', () => {
    expect(ranges.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCodePoint(code);
        if (stringWidth(ch) !== 1 || stringWidth(`a${ch}b`) !== 3) wrong.push(`U+${code.toString(16).toUpperCase()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('matches the lines the app draws, and leaves wide, combining and emoji text to string-width', () => {
    for (const line of [
      '╭─ Members (25) ─╮',
      '│ ▶• alice@example.com  Viewer — on 3 projects… │',
      '⠋ loading · ↓ more below ✓ ✗',
    ]) {
      expect(NARROW_TEXT.test(line)).toBe(true);
      expect(stringWidth(line)).toBe(line.length);
    }
    for (const line of ['日本', 'e\u0301', '😀', '\u25FD', 'a\u200Bb', '\u00AD'])
      expect(NARROW_TEXT.test(line)).toBe(false);
  });
});

describe('graphemesOf', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const segments = (text: string) => [...graphemesOf(segmenter, text)].map((g) => [g.segment, g.index]);
  const reference = (text: string) => [...segmenter.segment(text)].map((g) => [g.segment, g.index]);
  const ranges = [...SINGLE_UNIT_GRAPHEMES.source.matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g)].map(
    (m) => [parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)] as const,
  );
  const admitted = ranges.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
  );

  it("gives the segmenter's graphemes for any text of the admitted characters, escape codes included", () => {
    expect(admitted.length).toBeGreaterThan(1000);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...admitted, '\x1b[31m', '\x1b[1;4m', '\x1b[39m'), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          expect(segments(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('admits no wide character, so each is a one-column char token', () => {
    expect(admitted.filter((ch) => isFullwidthCodePoint(ch.codePointAt(0)!))).toEqual([]);
  });

  it('leaves combining marks, emoji, joiners and CR LF to the segmenter', () => {
    for (const text of ['e\u0301', '👍🏽', 'a\u200Db', '\r\n', '日本', '🇫🇷', '\u2764\uFE0F']) {
      expect(SINGLE_UNIT_GRAPHEMES.test(text)).toBe(false);
      expect(segments(text)).toEqual(reference(text));
    }
  });
});
