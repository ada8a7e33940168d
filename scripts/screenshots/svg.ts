/**
 * A terminal screen (cells with colours and attributes) as a self-contained SVG: a dark window, one <text> per run
 * of same-styled cells, positioned by column and stretched to exactly its cells' width (textLength), so columns
 * and box-drawing lines stay aligned whatever monospace font the viewer has. Pure: cells in, markup out.
 */
import type { CellColor, ScreenCell } from '../../test/e2e/screen-cells.js';

export interface SvgOptions {
  /** Shown in the window's title bar. */
  readonly title?: string;
  readonly fontSize?: number;
}

/** The 16 ANSI colours (a dark theme close to common terminal defaults), then the window's own colours. */
export const ANSI_PALETTE: readonly string[] = [
  '#1d1f21',
  '#cc6666',
  '#8fbc5f',
  '#e0c060',
  '#6a9fd8',
  '#b294bb',
  '#5fb3b3',
  '#c5c8c6',
  '#7a7d7c',
  '#ff7b72',
  '#a8d977',
  '#f0d878',
  '#8ec0f0',
  '#d2a8ff',
  '#7fd4d4',
  '#ffffff',
];
const DEFAULT_FG = '#d0d3d1';
const DEFAULT_BG = '#16181a';
const CHROME = '#2a2d30';

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/** xterm's 256-colour palette: 16 ANSI colours, a 6×6×6 cube, 24 greys. */
export function paletteColor(index: number): string {
  if (index < 16) return ANSI_PALETTE[index] ?? DEFAULT_FG;
  if (index < 232) {
    const i = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return hex((level(Math.floor(i / 36)) << 16) | (level(Math.floor(i / 6) % 6) << 8) | level(i % 6));
  }
  const grey = 8 + (index - 232) * 10;
  return hex((grey << 16) | (grey << 8) | grey);
}

function cssColor(color: CellColor | undefined, fallback: string): string {
  if (!color) return fallback;
  return 'rgb' in color ? hex(color.rgb) : paletteColor(color.palette);
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

interface Style {
  readonly fg: string;
  readonly bg: string;
  readonly bold: boolean;
  readonly dim: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

function styleOf(cell: ScreenCell): Style {
  let fg = cssColor(cell.fg, DEFAULT_FG);
  let bg = cssColor(cell.bg, DEFAULT_BG);
  // Bold ANSI colours are drawn bright, as most terminals do.
  if (cell.bold && cell.fg && 'palette' in cell.fg && cell.fg.palette < 8) fg = paletteColor(cell.fg.palette + 8);
  if (cell.inverse) [fg, bg] = [bg, fg];
  return { fg, bg, bold: !!cell.bold, dim: !!cell.dim, italic: !!cell.italic, underline: !!cell.underline };
}

const sameStyle = (a: Style, b: Style) =>
  a.fg === b.fg &&
  a.bg === b.bg &&
  a.bold === b.bold &&
  a.dim === b.dim &&
  a.italic === b.italic &&
  a.underline === b.underline;

/** Cells `from` up to `to` (exclusive) of one row, drawn as one piece of text. */
interface Run {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly style: Style;
}

/** A row as runs of same-styled cells. A wide character is a run of its own, two cells wide. */
export function rowRuns(row: readonly ScreenCell[]): Run[] {
  const runs: Run[] = [];
  let current: { from: number; text: string; style: Style; cells: number } | undefined;
  const close = () => {
    if (current)
      runs.push({ from: current.from, to: current.from + current.cells, text: current.text, style: current.style });
    current = undefined;
  };
  row.forEach((cell, x) => {
    if (cell.width === 0) return; // covered by the wide character before it
    const style = styleOf(cell);
    if (cell.width === 2) {
      close();
      runs.push({ from: x, to: x + 2, text: cell.text, style });
      return;
    }
    if (current && sameStyle(current.style, style)) {
      current.text += cell.text;
      current.cells += 1;
    } else {
      close();
      current = { from: x, text: cell.text, style, cells: 1 };
    }
  });
  close();
  return runs;
}

export function screenToSvg(grid: readonly (readonly ScreenCell[])[], options: SvgOptions = {}): string {
  const fontSize = options.fontSize ?? 14;
  const cellWidth = Math.round(fontSize * 0.6 * 100) / 100;
  const lineHeight = Math.round(fontSize * 1.3);
  const cols = Math.max(0, ...grid.map((r) => r.length));
  const pad = 12;
  const bar = options.title !== undefined ? 28 : 0;
  const width = Math.ceil(cols * cellWidth + pad * 2);
  const height = Math.ceil(grid.length * lineHeight + pad * 2 + bar);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" rx="8" fill="${DEFAULT_BG}"/>`,
  ];
  if (options.title !== undefined) {
    out.push(`<path d="M0 8a8 8 0 0 1 8-8h${width - 16}a8 8 0 0 1 8 8v${bar - 8}h-${width}z" fill="${CHROME}"/>`);
    ['#ff5f57', '#febc2e', '#28c840'].forEach((c, i) =>
      out.push(`<circle cx="${pad + 6 + i * 18}" cy="${bar / 2}" r="6" fill="${c}"/>`),
    );
    out.push(
      `<text x="${width / 2}" y="${bar / 2 + 4.5}" fill="#9a9d9f" font-family="sans-serif" font-size="12" text-anchor="middle">${escapeXml(options.title)}</text>`,
    );
  }
  const top = pad + bar;
  const backgrounds: string[] = [];
  const texts: string[] = [];
  grid.forEach((row, y) => {
    const baseline = top + y * lineHeight + Math.round(lineHeight * 0.75);
    for (const run of rowRuns(row)) {
      const x = pad + run.from * cellWidth;
      const w = (run.to - run.from) * cellWidth;
      if (run.style.bg !== DEFAULT_BG)
        backgrounds.push(
          `<rect x="${round(x)}" y="${top + y * lineHeight}" width="${round(w)}" height="${lineHeight}" fill="${run.style.bg}"/>`,
        );
      if (run.text.trim() === '') continue;
      const attrs = [
        `x="${round(x)}"`,
        `y="${baseline}"`,
        `textLength="${round(w)}"`,
        'lengthAdjust="spacingAndGlyphs"',
        `fill="${run.style.fg}"`,
        run.style.bold ? 'font-weight="bold"' : '',
        run.style.italic ? 'font-style="italic"' : '',
        run.style.underline ? 'text-decoration="underline"' : '',
        run.style.dim ? 'opacity="0.6"' : '',
      ].filter(Boolean);
      texts.push(`<text ${attrs.join(' ')}>${escapeXml(run.text)}</text>`);
    }
  });
  out.push(...backgrounds);
  out.push(
    `<g font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace" font-size="${fontSize}" xml:space="preserve">`,
    ...texts,
    '</g>',
    '</svg>',
  );
  return out.join('\n') + '\n';
}

const round = (n: number) => Math.round(n * 100) / 100;
