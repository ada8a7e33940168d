/**
 * Pure list mechanics shared by every browse screen: column layout, fuzzy filtering that keeps the chosen sort
 * order, and the visible window. Search targets are prepared once per data load, so a keystroke in the filter costs
 * one fuzzysort pass and nothing else.
 */
import fuzzysort, { type Prepared } from 'fuzzysort';
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
  readonly text: (row: R) => string;
  readonly tone?: (row: R) => Tone | undefined;
  /** Filtered on (and highlighted). */
  readonly searchable?: boolean;
}

export interface SortOrder<R extends Row> {
  readonly label: string;
  readonly compare: (a: R, b: R) => number;
}

export interface Indexed<R extends Row> {
  readonly row: R;
  /** One prepared target per searchable column, in column order. */
  readonly targets: readonly Prepared[];
}

/** Matched character positions per column (undefined = nothing to highlight in that column). */
export type Highlights = ReadonlyArray<readonly number[] | undefined>;

export interface FilteredList<R extends Row> {
  readonly items: readonly Indexed<R>[];
  readonly ids: readonly string[];
  /** Only rows that matched a non-empty filter have an entry. */
  readonly highlights: ReadonlyMap<string, Highlights>;
}

export function indexRows<R extends Row>(rows: readonly R[], columns: readonly Column<R>[]): Indexed<R>[] {
  const searchable = columns.filter((c) => c.searchable);
  return rows.map((row) => ({ row, targets: searchable.map((c) => fuzzysort.prepare(c.text(row))) }));
}

export function sortIndexed<R extends Row>(items: readonly Indexed<R>[], order: SortOrder<R> | undefined): readonly Indexed<R>[] {
  return order ? [...items].sort((a, b) => order.compare(a.row, b.row)) : items;
}

/** Keeps the input (sorted) order: a filter narrows the list, it does not reorder it by score. */
export function filterIndexed<R extends Row>(
  items: readonly Indexed<R>[],
  filter: string,
  columns: readonly Column<R>[],
): FilteredList<R> {
  const query = filter.trim();
  if (!query) return { items, ids: items.map((i) => i.row.id), highlights: new Map() };
  const keyCount = items[0]?.targets.length ?? 0;
  const keys = Array.from({ length: keyCount }, (_, k) => (item: Indexed<R>) => item.targets[k]);
  const results = fuzzysort.go(query, items, { keys, threshold: 0, limit: 0 });
  const searchableAt = columns.flatMap((c, i) => (c.searchable ? [i] : []));
  const highlights = new Map<string, Highlights>();
  for (const result of results) {
    const perColumn: (readonly number[] | undefined)[] = columns.map(() => undefined);
    searchableAt.forEach((columnIndex, k) => {
      const indexes = result[k]?.indexes;
      if (indexes && indexes.length > 0) perColumn[columnIndex] = indexes;
    });
    highlights.set(result.obj.row.id, perColumn);
  }
  const kept = items.filter((i) => highlights.has(i.row.id));
  return { items: kept, ids: kept.map((i) => i.row.id), highlights };
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

/** Pad or cut `text` to exactly `width` characters. */
export function fit(text: string, width: number, ellipsis: string): string {
  if (width <= 0) return '';
  const chars = Array.from(text.replace(/[\r\n\t]+/g, ' '));
  if (chars.length <= width) return chars.join('') + ' '.repeat(width - chars.length);
  const tail = Array.from(ellipsis);
  if (width <= tail.length) return chars.slice(0, width).join('');
  return chars.slice(0, width - tail.length).join('') + ellipsis;
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
