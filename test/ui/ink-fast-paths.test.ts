/** The fast paths spliced into Ink's helpers answer as the code they stand in for. */
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import fc from 'fast-check';
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import {
  ansiCodesToString,
  diffAnsiCodes,
  styledCharsFromTokens,
  styledCharsToString,
  tokenize,
} from '@alcalzone/ansi-tokenize';
import { graphemesOf, NARROW_TEXT, SINGLE_UNIT_GRAPHEMES, styledCharsToLine } from '../../src/ui/ink-fast-paths.js';

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
      'Antonín Dvořák · Ελένη Παπαδοπούλου · Дмитрий Шостакович',
    ]) {
      expect(NARROW_TEXT.test(line)).toBe(true);
      expect(stringWidth(line)).toBe(line.length);
    }
    for (const line of ['日本', 'e\u0301', 'и\u0306', '😀', '\u25FD', 'a\u200Bb', '\u00AD', '\u0378'])
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

describe('styledCharsToLine', () => {
  const CODES = [
    '\x1b[1m',
    '\x1b[2m',
    '\x1b[22m',
    '\x1b[31m',
    '\x1b[39m',
    '\x1b[44m',
    '\x1b[49m',
    '\x1b[4m',
    '\x1b[0m',
  ];
  /** Reduced style lists as Ink's cells carry them, each built from a random run of escape codes. */
  const stylesFrom = (codes: readonly string[]) => styledCharsFromTokens(tokenize(`${codes.join('')}x`))[0]!.styles;
  const line = (chars: Parameters<typeof styledCharsToString>[0]) =>
    styledCharsToLine(chars, diffAnsiCodes, ansiCodesToString);

  it('writes the same line as ansi-tokenize, whether neighbours share a styles array, are both unstyled or differ', () => {
    fc.assert(
      fc.property(
        // A pool of style lists (two distinct empty ones among them, as blank cells have), and cells drawn from it.
        fc.array(fc.array(fc.constantFrom(...CODES), { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(6), fc.constantFrom('a', ' ', '─', '')), { maxLength: 30 }),
        (pool, cells) => {
          const styles = [[], [], ...pool.map(stylesFrom)];
          const chars = cells.map(([i, value]) => ({
            type: 'char' as const,
            value,
            fullWidth: false,
            styles: styles[i % styles.length]!,
          }));
          expect(line(chars)).toBe(styledCharsToString(chars));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('writes escape codes only where the style changes, and resets at the end', () => {
    const chars = styledCharsFromTokens(tokenize('ab\x1b[1mcd\x1b[22m  '));
    expect(line(chars)).toBe('ab\x1b[1mcd\x1b[22m  ');
    expect(line(styledCharsFromTokens(tokenize('\x1b[31mred')))).toBe('\x1b[31mred\x1b[39m');
    expect(line([])).toBe('');
  });
});
