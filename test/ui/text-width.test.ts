/** Wide characters (CJK, emoji) take two terminal columns: cells, cuts and wraps count columns, not characters. */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../src/ui/wrap.js';
import { fitWords, wrapWords } from '../../components/explain/wrap.js';
import { line, lineText } from '../../src/ui/lines.js';
import { fit } from '../../src/ui/list-model.js';
import { graphemes, padColumns, sliceColumns, textWidth } from '../../src/ui/text-width.js';

const SAMPLES = ['plain', '名前テスト', '🔑 key', '👩‍💻 dev team', 'école', 'e\u0301cole', 'ＡＢＣ全角'];

describe('text width', () => {
  it('splits text into the graphemes Intl.Segmenter finds, with or without it', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const text of [...SAMPLES, 'a\x1b[1mb', '├─ ✓ ± ñ → ⠋', 'x\r\ny', '']) {
      expect(graphemes(text)).toEqual(Array.from(segmenter.segment(text), (s) => s.segment));
    }
  });

  it('counts CJK and emoji as two columns and a combining mark as none', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('名前')).toBe(4);
    expect(textWidth('🔑')).toBe(2);
    expect(textWidth('e\u0301')).toBe(1);
  });

  it('never splits a wide character at the edge', () => {
    expect(sliceColumns('ab日本', 3)).toBe('ab');
    expect(sliceColumns('👩‍💻x', 2)).toBe('👩‍💻');
    expect(padColumns('日', 4)).toBe('日  ');
  });

  it('measures and cuts Latin text by its length exactly as by graphemes and string-width', () => {
    // Whole graphemes measured one by one: what textWidth and sliceColumns did for every text before the shortcut.
    const slowSlice = (text: string, width: number) => {
      let used = 0;
      let out = '';
      for (const g of graphemes(text)) {
        if (used + stringWidth(g) > width) break;
        used += stringWidth(g);
        out += g;
      }
      return out;
    };
    // Mostly the shortcut's range (Latin, Greek, Cyrillic, the app's symbols), with controls, the soft hyphen,
    // combining marks (Greek and Cyrillic ones among them), unassigned points and wide characters.
    const char = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x52f }).map((c) => String.fromCharCode(c)) },
      { weight: 2, arbitrary: fc.integer({ min: 0x2010, max: 0x28ff }).map((c) => String.fromCharCode(c)) },
      { weight: 1, arbitrary: fc.constantFrom('\u00ad', '\u0301', '\u200d', '日', '🔑', '\u0085', '\x7f') },
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), fc.nat(40), (chars, width) => {
        const text = chars.join('');
        expect(textWidth(text)).toBe(stringWidth(text));
        expect(sliceColumns(text, width)).toBe(slowSlice(text, width));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('fit', () => {
  it.each([3, 4, 5, 8, 12])('makes every cell exactly %i columns, so the next column starts in place', (width) => {
    for (const text of SAMPLES) {
      const row = `${fit(text, width, '…')}|`;
      expect(textWidth(row), `${text} at ${width}`).toBe(width + 1);
      expect(textWidth(row.slice(0, row.indexOf('|'))), text).toBe(width);
    }
  });

  it('keeps what fits and says the rest was cut', () => {
    expect(fit('名前テスト', 6, '…')).toBe('名前… ');
    expect(fit('名前', 6, '…')).toBe('名前  ');
  });
});

describe('word wrappers', () => {
  const prose = '組織のメンバー 全員が このプロジェクトに アクセスできます 🔑🔑🔑 keys everywhere';

  it.each([8, 11, 20])('wrap lines to at most %i columns (doctor / explain)', (width) => {
    const wrapped = wrapLine(line(prose), width).map(lineText);
    for (const l of wrapped) expect(textWidth(l), l).toBeLessThanOrEqual(width);
    expect(wrapped.join(' ').replace(/\s+/g, '')).toBe(prose.replace(/\s+/g, ''));
    for (const l of wrapWords(prose, width)) expect(textWidth(l), l).toBeLessThanOrEqual(width);
  });

  it('fits one line of words with an ellipsis in columns', () => {
    const fitted = fitWords(prose, 20, '…');
    expect(textWidth(fitted)).toBeLessThanOrEqual(20);
    expect(fitted.endsWith('…')).toBe(true);
  });
});
