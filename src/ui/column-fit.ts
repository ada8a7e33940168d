/**
 * Column widths from the content and the terminal width. Each column starts at the smaller of its declared width
 * and what its widest cell (or header) needs (a `whole` column, such as an email, at what it needs); the room left
 * then goes to the columns still cut (an email, a reason), evenly, the narrowest first; what is still left goes to
 * the growing columns. Short of room, the widest columns give some up, a `whole` one last. Pure.
 */
import type { Column, Indexed, Row } from './list-model.js';
import { layoutColumns } from './list-model.js';
import { inertText } from '../util/inert-text.js';
import { textWidth } from './text-width.js';

/**
 * Below this a cell says nothing; a terminal too narrow for every column at this width (or its title) gets the
 * declared layout.
 */
const MIN_WIDTH = 4;

/** A `whole` column takes at most this many columns, and at most this share of the row, before the others. */
const WHOLE_MAX = 50;
const WHOLE_SHARE = 0.55;

/** Rows looked at per layout: spread over the whole list, so a long list costs no more than this. */
const SAMPLE = 2000;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Most cells are plain ASCII, measured by length; the rest as the list shows them (ListRow): server text made inert,
 * whose visible escapes take room, in terminal columns.
 */
const widthOf = (text: string) =>
  PRINTABLE_ASCII.test(text) ? text.length : textWidth(inertText(text).replace(/[\r\n\t]+/g, ' '));

/**
 * The widest cell of each column over (a sample of) a list, headers included, for one data load's rows. A cell is
 * measured the first time a layout looks at its row and kept by the row's position, so a filter keystroke reads
 * numbers instead of measuring text; and each list's answer is kept by its items array, so a remembered filter
 * result (Backspace) or a query every row still matches costs nothing at all.
 */
export class ContentWidths<R extends Row> {
  /** Per row, per column; -1 until measured. */
  private readonly cells: Int32Array;
  private readonly headers: readonly number[];
  private readonly byList = new WeakMap<readonly Indexed<R>[], readonly number[]>();

  /** `rows`: how many rows the data load has (its Indexed positions are 0 … rows - 1). */
  constructor(
    private readonly columns: readonly Column<R>[],
    rows: number,
  ) {
    this.cells = new Int32Array(rows * columns.length).fill(-1);
    this.headers = columns.map((c) => widthOf(c.header));
  }

  /**
   * Measures the cells of `rows` (the data load, in its Indexed order) from `from` on, at most `count` rows; returns
   * where to go on (rows.length when every cell is measured). Run in idle time, so that a filter keystroke's layout
   * only reads numbers: each new filter result samples rows that no layout looked at yet, and measuring them was a
   * third of the first keystroke's work.
   */
  prepare(rows: readonly Indexed<R>[], from: number, count: number): number {
    const { columns, cells } = this;
    const width = columns.length;
    const end = Math.min(rows.length, from + count);
    for (let i = from; i < end; i++) {
      const item = rows[i]!;
      const at = item.position * width;
      for (let j = 0; j < width; j++) if (cells[at + j]! < 0) cells[at + j] = widthOf(columns[j]!.text(item.row));
    }
    return end;
  }

  of(items: readonly Indexed<R>[]): readonly number[] {
    let widths = this.byList.get(items);
    if (!widths) {
      widths = this.measure(items);
      this.byList.set(items, widths);
    }
    return widths;
  }

  private measure(items: readonly Indexed<R>[]): number[] {
    const { columns, cells } = this;
    const count = columns.length;
    const widths = [...this.headers];
    // Counted in integers, not by a fractional step, which made V8 deoptimize this loop on lists longer than the sample.
    const sampled = Math.min(items.length, SAMPLE);
    const step = items.length / sampled;
    for (let k = 0; k < sampled; k++) {
      const item = items[(k * step) | 0]!;
      const at = item.position * count;
      for (let j = 0; j < count; j++) {
        let w = cells[at + j] ?? -1;
        if (w < 0) {
          w = widthOf(columns[j]!.text(item.row));
          cells[at + j] = w;
        }
        if (w > widths[j]!) widths[j] = w;
      }
    }
    return widths;
  }
}

/** Widths for `total` columns given what each column's content needs (`needs`, from ContentWidths). */
export function fitColumns<R extends Row>(
  columns: readonly Column<R>[],
  needs: readonly number[],
  total: number,
  gap = 1,
): number[] {
  const gaps = gap * Math.max(0, columns.length - 1);
  // A whole column takes what it needs up to a cap: one outlier (a hostile 200-character address) must not starve
  // the others; past the cap it is cut like any column, sharing what is left.
  const wholeCap = Math.max(MIN_WIDTH, Math.min(WHOLE_MAX, Math.floor(total * WHOLE_SHARE)));
  const widths = columns.map((c, i) => Math.min(needs[i] ?? c.width, c.whole ? Math.max(c.width, wholeCap) : c.width));
  let spare = total - gaps - widths.reduce((sum, w) => sum + w, 0);
  // Too narrow even for that: the widest columns give up room first, a `whole` one only once the others are at
  // their floors, and none below its title (or MIN_WIDTH), so the table still fits and every column still says
  // what it is.
  const floors = columns.map((c, i) => Math.min(widths[i]!, Math.max(MIN_WIDTH, widthOf(c.header))));
  const widestAbove = (whole: boolean) => {
    let widest = -1;
    widths.forEach((w, i) => {
      if ((columns[i]!.whole ?? false) === whole && w > floors[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    return widest;
  };
  while (spare < 0) {
    let widest = widestAbove(false);
    if (widest < 0) widest = widestAbove(true);
    if (widest < 0) return layoutColumns(columns, total, gap);
    widths[widest]!--;
    spare++;
  }
  // Water-filling: a column at a time to the narrowest column still cut, so short needs (a name) are met whole
  // and long ones (an email, a reason) share the rest evenly; none is starved by one that could never fit.
  while (spare > 0) {
    let narrowest = -1;
    widths.forEach((w, i) => {
      if ((needs[i] ?? 0) > w && (narrowest < 0 || w < widths[narrowest]!)) narrowest = i;
    });
    if (narrowest < 0) break;
    widths[narrowest]!++;
    spare--;
  }
  if (spare > 0) {
    // Everything fits: the rest to the growing columns by weight (the last growing one takes the remainder), or to
    // the last column, so the row is exactly `total` wide.
    const weights = columns.reduce((sum, c) => sum + (c.grow ?? 0), 0);
    const lastGrowing = weights > 0 ? columns.findLastIndex((c) => c.grow) : columns.length - 1;
    let handedOut = 0;
    columns.forEach((c, i) => {
      const share =
        i === lastGrowing ? spare - handedOut : weights > 0 ? Math.floor((spare * (c.grow ?? 0)) / weights) : 0;
      handedOut += share;
      widths[i]! += share;
    });
  }
  return widths;
}
