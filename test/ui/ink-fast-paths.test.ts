/** The fast path spliced into Ink's line building says "no codes needed" exactly when the library's diff does. */
import { diffAnsiCodes, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import { sameStyles } from '../../src/ui/ink-fast-paths.js';

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
        const identical = a.length === b.length && a.every((code, i) => code.code === b[i]!.code && code.endCode === b[i]!.endCode);
        expect(sameStyles(a, b)).toBe(identical);
      }
    }
  });

  it('tells different styles apart', () => {
    const [red, green] = [styledCharsFromTokens(tokenize('\x1b[31mr\x1b[39m'))[0]!.styles, styledCharsFromTokens(tokenize('\x1b[32mg\x1b[39m'))[0]!.styles];
    expect(sameStyles(red, green)).toBe(false);
    expect(sameStyles(red, [])).toBe(false);
    expect(sameStyles([], [])).toBe(true);
  });
});
