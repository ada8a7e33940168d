/** The screenshot renderer: cells with colours and attributes in, SVG out. */
import { describe, expect, it } from 'vitest';
import { escapeXml, paletteColor, rowRuns, screenToSvg, ANSI_PALETTE } from '../../scripts/screenshots/svg.js';
import type { ScreenCell } from '../../test/e2e/screen-cells.js';

/** A row of plain cells from text (one cell per character). */
const plain = (text: string, style: Partial<ScreenCell> = {}): ScreenCell[] =>
  [...text].map((c) => ({ text: c, width: 1, ...style }));
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('screenToSvg', () => {
  it('escapes what XML would read as markup', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const svg = screenToSvg([plain('if a<b && c>"d" then')]);
    expect(texts(svg)).toEqual(['if a&lt;b &amp;&amp; c&gt;&quot;d&quot; then']);
    expect(svg).not.toMatch(/<b |a<b/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('draws each run of same-styled cells once, in its colour, bold and dim as attributes', () => {
    const row = [
      ...plain('ok ', { fg: { palette: 2 }, bold: true }),
      ...plain('dim', { dim: true }),
      ...plain(' rgb', { fg: { rgb: 0x336699 } }),
    ];
    const svg = screenToSvg([row]);
    expect(texts(svg)).toEqual(['ok ', 'dim', ' rgb']);
    // Bold ANSI green is drawn as bright green.
    expect(svg).toMatch(new RegExp(`<text [^>]*fill="${ANSI_PALETTE[10]}" font-weight="bold"[^>]*>ok </text>`));
    expect(svg).toMatch(/<text [^>]*opacity="0.6"[^>]*>dim<\/text>/);
    expect(svg).toMatch(/<text [^>]*fill="#336699"[^>]*> rgb<\/text>/);
  });

  it('maps the 256-colour palette like xterm', () => {
    expect(paletteColor(1)).toBe(ANSI_PALETTE[1]);
    expect(paletteColor(16)).toBe('#000000');
    expect(paletteColor(196)).toBe('#ff0000');
    expect(paletteColor(231)).toBe('#ffffff');
    expect(paletteColor(232)).toBe('#080808');
    expect(paletteColor(255)).toBe('#eeeeee');
  });

  it('swaps colours for inverse cells and paints their background', () => {
    const svg = screenToSvg([plain('sel', { inverse: true, fg: { palette: 6 } })]);
    expect(svg).toMatch(
      new RegExp(`<rect x="[\\d.]+" y="[\\d.]+" width="[\\d.]+" height="\\d+" fill="${ANSI_PALETTE[6]}"/>`),
    );
    expect(svg).toMatch(/<text [^>]*fill="#16181a"[^>]*>sel<\/text>/);
  });

  it('gives a wide character two cells and keeps the columns after it in place', () => {
    const row: ScreenCell[] = [
      { text: 'a', width: 1 },
      { text: '漢', width: 2 },
      { text: '', width: 0 },
      { text: 'b', width: 1 },
    ];
    expect(rowRuns(row).map((r) => [r.text, r.from, r.to])).toEqual([
      ['a', 0, 1],
      ['漢', 1, 3],
      ['b', 3, 4],
    ]);
    const svg = screenToSvg([row], { fontSize: 10 });
    const x = (text: string) =>
      Number(new RegExp(`<text x="([\\d.]+)"[^>]*textLength="([\\d.]+)"[^>]*>${text}</text>`).exec(svg)?.[1]);
    // 6 px per cell at font size 10, 12 px padding.
    expect(x('a')).toBe(12);
    expect(x('漢')).toBe(18);
    expect(x('b')).toBe(30);
    expect(svg).toMatch(/textLength="12"[^>]*>漢</);
  });

  it('leaves blank cells out and sizes the picture to the grid, with an optional title bar', () => {
    const svg = screenToSvg([plain('x   '), plain('    ')], { title: 'ec-access — members', fontSize: 10 });
    // The title, then the one row with text; the blank row draws nothing.
    expect(texts(svg)).toEqual(['ec-access — members', 'x   ']);
    expect(svg).toMatch(/width="48" height="78"/); // 4 cells × 6 + 24; 2 lines × 13 + 24 + the 28 px bar
    expect(svg).toContain('>ec-access — members</text>');
  });
});
