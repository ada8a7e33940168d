/**
 * The visible screen as cells with their colours and attributes, read from the headless xterm's buffer: what a
 * screenshot needs (scripts/screenshots/svg.ts) beyond the plain text the scenarios read.
 */

/** A palette index (0–15 the ANSI colours, 16–255 xterm's cube and greys) or a 24-bit colour. */
export type CellColor = { readonly palette: number } | { readonly rgb: number };

export interface ScreenCell {
  /** The character(s) drawn here; ' ' for an empty cell, '' for the right half of a wide character. */
  readonly text: string;
  /** 1, 2 for a wide character (CJK, most emoji), 0 for the cell a wide character covers. */
  readonly width: 0 | 1 | 2;
  /** Absent: the terminal's default. */
  readonly fg?: CellColor;
  readonly bg?: CellColor;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
}

/** The parts of @xterm/headless's IBufferCell used here. */
interface XtermCell {
  getChars(): string;
  getWidth(): number;
  isFgDefault(): boolean;
  isFgRGB(): boolean;
  getFgColor(): number;
  isBgDefault(): boolean;
  isBgRGB(): boolean;
  getBgColor(): number;
  isBold(): number;
  isDim(): number;
  isItalic(): number;
  isUnderline(): number;
  isInverse(): number;
}

interface XtermBuffer {
  readonly viewportY: number;
  getLine(y: number): { getCell(x: number): XtermCell | undefined } | undefined;
}

function colorOf(isDefault: boolean, isRgb: boolean, value: number): CellColor | undefined {
  if (isDefault) return undefined;
  return isRgb ? { rgb: value } : { palette: value };
}

export function screenCells(buffer: XtermBuffer, cols: number, rows: number): ScreenCell[][] {
  const grid: ScreenCell[][] = [];
  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const row: ScreenCell[] = [];
    for (let x = 0; x < cols; x++) {
      const cell = line?.getCell(x);
      if (!cell) {
        row.push({ text: ' ', width: 1 });
        continue;
      }
      const width = widthOf(cell.getWidth());
      const fg = colorOf(cell.isFgDefault(), cell.isFgRGB(), cell.getFgColor());
      const bg = colorOf(cell.isBgDefault(), cell.isBgRGB(), cell.getBgColor());
      row.push({
        text: width === 0 ? '' : cell.getChars() || ' ',
        width,
        ...(fg ? { fg } : {}),
        ...(bg ? { bg } : {}),
        ...(cell.isBold() ? { bold: true } : {}),
        ...(cell.isDim() ? { dim: true } : {}),
        ...(cell.isItalic() ? { italic: true } : {}),
        ...(cell.isUnderline() ? { underline: true } : {}),
        ...(cell.isInverse() ? { inverse: true } : {}),
      });
    }
    grid.push(row);
  }
  return grid;
}

/** xterm reports a cell's width as a number; it is only ever 0, 1 or 2. */
function widthOf(width: number): ScreenCell['width'] {
  if (width === 0 || width === 1 || width === 2) return width;
  throw new Error(`xterm reported a cell ${width} columns wide`);
}
