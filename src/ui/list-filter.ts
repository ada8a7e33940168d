/**
 * Filtering a sorted list, fast enough to run on every keystroke over 10,000 rows.
 *
 * A row matches when each word of the filter appears in one of its searchable columns, ignoring case: as it is
 * typed, or with its letters in order within one word of the column ("alx" finds alex@…). Within one word, because
 * letters scattered across a whole column match almost anything: in an organization whose addresses all end in
 * @acme-analytics.example, "alex" would find every member. Matches keep the list's sort order: a filter narrows the
 * list, it does not reorder it. Speed comes from three things:
 * - typing narrows: a query that extends a remembered one only searches that one's matches (a longer query never
 *   matches a row the shorter one missed), and when it keeps all of them it shares their arrays;
 * - Backspace goes back to a remembered result without searching;
 * - the positions to highlight are worked out only for the rows that are drawn.
 */
import { charactersIn, type Column, type Indexed, type Row } from './list-model.js';

/** Matched character positions per column, ascending (undefined = nothing to highlight in that column). */
export type Highlights = ReadonlyArray<readonly number[] | undefined>;

export interface FilteredList<R extends Row> {
  readonly items: readonly Indexed<R>[];
  readonly ids: readonly string[];
  /** Positions to highlight in a row of `items`; undefined when the filter is empty. */
  highlightsOf(item: Indexed<R>): Highlights | undefined;
}

const wordsOf = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Words of a column are separated by anything but ASCII letters and digits (space, @ . - _ / ( ) , …). */
const isSeparator = (code: number) =>
  code < 128 && !((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90));

/** isSeparator's characters as a regular expression class body. */
const SEPARATORS = '\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f';
const HOLDS_SEPARATOR = new RegExp(`[${SEPARATORS}]`);

const escaped = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/**
 * What a row's text must hold for `word`: the word whole, or its letters in order within one word. One regular
 * expression per word and query, not a loop per row: V8 compiles it to machine code at once, where a loop over each
 * row's characters ran interpreted for the first keystrokes of a session, the ones a user waits on most. Each letter
 * is followed by anything but the next letter or a separator, so there is one way to match and no backtracking; a
 * text holding the letters in order within one word holds them whole too when they are adjacent. A word holding a
 * separator matches only whole. Always a RegExp, even for a literal: the search loop then makes one kind of call
 * (RegExp test) whatever the query, and V8 keeps its compiled code from one keystroke to the next instead of throwing
 * it away at each new query's closure.
 */
function wordPattern(word: string): RegExp {
  if (HOLDS_SEPARATOR.test(word)) {
    let literal = '';
    for (let i = 0; i < word.length; i++) literal += escaped(word.charCodeAt(i));
    return new RegExp(literal);
  }
  let source = escaped(word.charCodeAt(0));
  for (let i = 1; i < word.length; i++) {
    const next = escaped(word.charCodeAt(i));
    source += `[^${SEPARATORS}${next}]*${next}`;
  }
  return new RegExp(source);
}

/** Where `word` matched in `target`: the first place it appears whole, else its letters in the first word holding them in order. */
function positionsOf(word: string, target: string): number[] | undefined {
  const whole = target.indexOf(word);
  if (whole >= 0) return Array.from({ length: word.length }, (_, i) => whole + i);
  let positions: number[] = [];
  for (let i = 0; i < target.length; i++) {
    const code = target.charCodeAt(i);
    if (isSeparator(code)) positions = [];
    else if (code === word.charCodeAt(positions.length)) {
      positions.push(i);
      if (positions.length === word.length) return positions;
    }
  }
  return undefined;
}

/** Positions count characters as the row draws them (code points), not UTF-16 units. */
function toCodePoints(target: string, positions: number[]): number[] {
  if (!/[\uD800-\uDFFF]/.test(target)) return positions;
  const points = new Map<number, number>();
  let unit = 0;
  let point = 0;
  for (const ch of target) {
    points.set(unit, point++);
    unit += ch.length;
  }
  return positions.flatMap((p) => points.get(p) ?? []);
}

/** Two ascending position lists as one, ascending, each position once. */
function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1]! !== next) out.push(next);
  }
  return out;
}

/** Only for rows that are drawn: each searchable column lower-cased again, its matches found. */
function highlight<R extends Row>(
  item: Indexed<R>,
  words: readonly string[],
  columns: readonly Column<R>[],
): Highlights {
  return columns.map((column) => {
    if (!column.searchable) return undefined;
    const original = column.text(item.row);
    const target = original.toLowerCase();
    // Lower-casing changed the length (a rare letter such as İ): positions would be off, so highlight nothing.
    if (original.length !== target.length) return undefined;
    let hits: number[] | undefined;
    for (const word of words) {
      const found = positionsOf(word, target);
      if (found) hits = hits ? union(hits, found) : found;
    }
    return hits && hits.length > 0 ? toCodePoints(target, hits) : undefined;
  });
}

/**
 * Every word in the row's searchable text. This runs for every row on every keystroke, and allocates nothing. A row
 * lacking one of the word's characters is rejected without scanning it.
 */
function matchesAll(patterns: readonly RegExp[], wordMasks: readonly number[], item: Indexed<Row>): boolean {
  for (let w = 0; w < patterns.length; w++) {
    const need = wordMasks[w]!;
    if ((item.mask & need) !== need || !patterns[w]!.test(item.text)) return false;
  }
  return true;
}

/**
 * The rows of `rows` that match, into `scratch`; how many. The loop alone, apart from the rest of a search: V8
 * optimizes it once and keeps it, where the whole search function was optimized in the middle of its loop and then
 * thrown away at the code after it, several times over the first keystrokes.
 */
function collect<R extends Row>(
  rows: readonly Indexed<R>[],
  patterns: readonly RegExp[],
  wordMasks: readonly number[],
  scratch: Indexed<R>[],
): number {
  let matched = 0;
  for (let i = 0; i < rows.length; i++) {
    const item = rows[i]!;
    if (matchesAll(patterns, wordMasks, item)) scratch[matched++] = item;
  }
  return matched;
}

/** collect() for a query of one letter a–z, whose bit in a row's mask is the answer. */
function collectLetter<R extends Row>(rows: readonly Indexed<R>[], letter: number, scratch: Indexed<R>[]): number {
  let matched = 0;
  for (let i = 0; i < rows.length; i++) {
    const item = rows[i]!;
    if ((item.mask & letter) !== 0) scratch[matched++] = item;
  }
  return matched;
}

/**
 * `scratch` collects the matches (it is the filter's, reused by every search), so the result is allocated once at
 * its exact size instead of growing by copies as matches are found. When every row of `base` matches (a query every
 * address holds, such as its domain), `base`'s arrays are the result's: nothing is allocated per row, and what is
 * kept per items array (the columns' content widths) carries over.
 */
function search<R extends Row>(
  base: FilteredList<R>,
  query: string,
  columns: readonly Column<R>[],
  scratch: Indexed<R>[],
): FilteredList<R> {
  const words = wordsOf(query);
  const wordMasks = words.map(charactersIn);
  const rows = base.items;
  // The first key typed into a filter is one letter, searched over the whole list: the row's mask is the answer.
  const letter = words.length === 1 && /^[a-z]$/.test(words[0]!) ? wordMasks[0]! : 0;
  const matched = letter
    ? collectLetter(rows, letter, scratch)
    : collect(rows, words.map(wordPattern), wordMasks, scratch);
  const all = matched === rows.length;
  const items = all ? rows : scratch.slice(0, matched);
  // Kept per row so a redrawn row gets the same array (ListRow is memoised on its props).
  const computed = new Map<Indexed<R>, Highlights>();
  return {
    items,
    ids: all ? base.ids : items.map((i) => i.row.id),
    highlightsOf(item) {
      let found = computed.get(item);
      if (!found) {
        found = highlight(item, words, columns);
        computed.set(item, found);
      }
      return found;
    },
  };
}

const unfiltered = <R extends Row>(items: readonly Indexed<R>[]): FilteredList<R> => ({
  items,
  ids: items.map((i) => i.row.id),
  highlightsOf: () => undefined,
});

/** How many results one list remembers: enough to erase a typed query key by key without searching again. */
const REMEMBERED = 16;

/** One sorted list's filter results, remembered by query. */
export class ListFilter<R extends Row> {
  private readonly results = new Map<string, FilteredList<R>>();
  private readonly scratch: Indexed<R>[] = [];
  /** The list without a filter, kept even when '' is no longer remembered: every search that narrows nothing starts from it. */
  private readonly all: FilteredList<R>;

  constructor(
    readonly sorted: readonly Indexed<R>[],
    private readonly columns: readonly Column<R>[],
  ) {
    this.all = unfiltered(sorted);
  }

  apply(filter: string): FilteredList<R> {
    const query = filter.trim();
    const remembered = this.results.get(query);
    if (remembered) {
      // Most recently used last, so eviction drops the oldest.
      this.results.delete(query);
      this.results.set(query, remembered);
      return remembered;
    }
    const list = query ? search(this.narrowest(query), query, this.columns, this.scratch) : this.all;
    this.results.set(query, list);
    const oldest = this.results.keys().next();
    if (this.results.size > REMEMBERED && !oldest.done) this.results.delete(oldest.value);
    return list;
  }

  /** The fewest rows that can match `query`: the matches of the longest remembered query it extends. */
  private narrowest(query: string): FilteredList<R> {
    let best: FilteredList<R> | undefined;
    let bestLength = 0;
    for (const [previous, list] of this.results) {
      if (previous.length > bestLength && query.startsWith(previous)) {
        best = list;
        bestLength = previous.length;
      }
    }
    return best ?? this.all;
  }
}
