/**
 * Pure list mechanics shared by every browse screen: column layout, search targets prepared once per data load
 * (list-filter.ts searches them), sorting, and the visible window.
 */
import { padColumns, sliceColumns, textWidth } from './text-width.js';
import type { Tone } from './theme.js';

export interface Row {
  readonly id: string;
}

export interface Column<R extends Row> {
  readonly header: string;
  /** Fixed width, or the minimum width of a column that grows into the space left over. */
  readonly width: number;
  /** Share of the leftover width this column takes (relative to the other growing columns). */
  readonly grow?: number;
  /**
   * Shown whole before the others get more than their titles (an email identifies its row): the other columns give
   * up room to it first. column-fit.ts.
   */
  readonly whole?: boolean;
  // Methods, not function properties: their parameters are bivariant, so a Column<MemberRow> is a Column<Row>
  // (src/ui/screen-def.ts defineScreen). Each is only ever called with its own screen's rows.
  text(row: R): string;
  tone?(row: R): Tone | undefined;
  /** Filtered on (and highlighted). */
  readonly searchable?: boolean;
}

export interface SortOrder<R extends Row> {
  readonly label: string;
  /** A method for the same reason as Column's. */
  compare(a: R, b: R): number;
}

export interface Indexed<R extends Row> {
  readonly row: R;
  /**
   * The searchable columns' text, lower-cased once per data load and joined by SEARCH_SEPARATOR: one string per row
   * to search, which matches a filter word exactly when one of the columns does.
   */
  readonly text: string;
  /** charactersIn(text): a word holding a character the row lacks is rejected at once. */
  readonly mask: number;
  /** The row's place in its data load (indexRows' order, whatever the sort): where its measures are kept. */
  readonly position: number;
}

/** Between two columns in Indexed.text: a separator to the filter (no match crosses it), and never typed. */
export const SEARCH_SEPARATOR = '\u001f';

/**
 * The characters a text holds, as 32 bits: one per letter a–z, five shared by the digits, one for everything else.
 * A superset test on two masks is a necessary condition for one text's characters to appear in the other, and for
 * a single letter a–z (a bit of its own) a sufficient one.
 */
export function charactersIn(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) % 5) : 31);
  }
  return mask;
}

export function indexRows<R extends Row>(rows: readonly R[], columns: readonly Column<R>[]): Indexed<R>[] {
  const searchable = columns.filter((c) => c.searchable);
  return rows.map((row, position) => {
    const text = searchable.map((c) => c.text(row).toLowerCase()).join(SEARCH_SEPARATOR);
    return { row, text, mask: charactersIn(text), position };
  });
}

export function sortIndexed<R extends Row>(
  items: readonly Indexed<R>[],
  order: SortOrder<R> | undefined,
): readonly Indexed<R>[] {
  return order ? [...items].sort((a, b) => order.compare(a.row, b.row)) : items;
}

/** Column widths for `total` characters: fixed columns as declared, growing ones share what is left. */
export function layoutColumns<R extends Row>(columns: readonly Column<R>[], total: number, gap = 1): number[] {
  const fixed = columns.reduce((sum, c) => sum + c.width, 0) + gap * Math.max(0, columns.length - 1);
  const weights = columns.reduce((sum, c) => sum + (c.grow ?? 0), 0);
  const spare = Math.max(0, total - fixed);
  const lastGrowing = columns.findLastIndex((c) => c.grow);
  let handedOut = 0;
  return columns.map((c, i) => {
    if (!c.grow) return c.width;
    // The last growing column takes the rounding remainder, so the row is exactly `total` wide.
    const share = i === lastGrowing ? spare - handedOut : Math.floor((spare * c.grow) / weights);
    handedOut += share;
    return c.width + share;
  });
}

/** Pad or cut `text` to exactly `width` terminal columns. */
export function fit(text: string, width: number, ellipsis: string): string {
  if (width <= 0) return '';
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  // Measured once: every drawn cell of a list comes through here on every keystroke of a filter.
  const used = textWidth(flat);
  if (used <= width) return flat + ' '.repeat(width - used);
  const tail = textWidth(ellipsis);
  if (width <= tail) return padColumns(sliceColumns(flat, width), width);
  // Padded: a wide character that did not fit leaves a column, and the next cell must still start in its place.
  return padColumns(sliceColumns(flat, width - tail) + ellipsis, width);
}

/**
 * First visible row: moves only as far as needed to keep the selection in view, so moving within the page moves the
 * cursor, not the list (as k9s does).
 */
export function windowStart(previousStart: number, selected: number, height: number, total: number): number {
  if (height <= 0 || total <= height) return 0;
  let start = Math.min(previousStart, total - height);
  if (selected < start) start = selected;
  if (selected >= start + height) start = selected - height + 1;
  return Math.max(0, start);
}
