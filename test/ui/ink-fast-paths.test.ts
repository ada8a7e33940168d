/** The fast path spliced into Ink's line building says "no codes needed" exactly when the library's diff does. */
import { diffAnsiCodes, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import fc from 'fast-check';
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import { graphemesOf, NARROW_TEXT, sameStyles, SINGLE_UNIT_GRAPHEMES } from '../../src/ui/ink-fast-paths.js';

const samples = [
  'plain',
  '\x1b[1mbold\x1b[22m',
  '\x1b[2m\x1b[1mdim and bold\x1b[22m',
  '\x1b[31mred\x1b[39m\x1b[32mgreen\x1b[39m',
  '\x1b[7m\x1b[36minverse cyan\x1b[39m\x1b[27m',
  '\x1b[38;5;208morange\x1b[39m',
  '\x1b[4m\x1b[1m\x1b[33mmatch\x1b[39m\x1b[22m\x1b[24m',
  '\x1b[44m\x1b[37mon blue\x1b[39m\x1b[49m',
];
const styles = samples.flatMap((s) => styledCharsFromTokens(tokenize(s)).map((c) => c.styles));

describe('sameStyles', () => {
  it('is true only for pairs the library would join with no codes, and every such identical pair is found', () => {
    for (const a of styles) {
      for (const b of styles) {
        if (sameStyles(a, b)) expect(diffAnsiCodes(a, b)).toEqual([]);
        const identical =
          a.length === b.length && a.every((code, i) => code.code === b[i]!.code && code.endCode === b[i]!.endCode);
        expect(sameStyles(a, b)).toBe(identical);
      }
    }
  });

  it('tells different styles apart', () => {
    const [red, green] = [
      styledCharsFromTokens(tokenize('\x1b[31mr\x1b[39m'))[0]!.styles,
      styledCharsFromTokens(tokenize('\x1b[32mg\x1b[39m'))[0]!.styles,
    ];
    expect(sameStyles(red, green)).toBe(false);
    expect(sameStyles(red, [])).toBe(false);
    expect(sameStyles([], [])).toBe(true);
  });
});

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
