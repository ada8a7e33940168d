/** The help overlay's text, generated from the binding table and nothing else. */
import { BINDINGS, PANEL_SCOPES, SCOPE_TITLES, type Binding, type Scope } from './bindings.js';
// The grammar alone: the intent index brings the parser and planners, which only the command line (a panel) needs.
import { INTENT_GRAMMAR } from '../domain/intent/grammar.js';
import { breakAfter } from './break-after.js';
import { keyLabel } from './keys.js';
import { blank, line, lineText, tone, type Line } from './lines.js';
import { SCREEN_IDS } from './screen-ids.js';
import { padColumns, textWidth, wrapWords } from './text-width.js';

/** The keys of a binding as help writes them: `1-9` for a run of digits. */
export function helpKeys(b: Binding, unicode: boolean): string {
  const digits = b.keys.every((k) => /^\d$/.test(k)) && b.keys.length > 2;
  if (digits) return `${b.keys[0]}-${b.keys.at(-1)}`;
  return b.keys.map((k) => keyLabel(k, unicode)).join(' / ');
}

/**
 * The order help lists the scopes in: `current` (the screen or panel help was opened on) first, then the scopes
 * that work there too (a screen's lists and browsing keys; a panel's "any panel"), then the rest in table order.
 */
export function scopeOrder(table: readonly Binding[], current?: Scope): Scope[] {
  const inTable: Scope[] = [...new Set(table.map((b) => b.scope))];
  if (!current || !inTable.includes(current)) return inTable;
  const isScreen = (SCREEN_IDS as readonly string[]).includes(current);
  const isPanel = (PANEL_SCOPES as readonly string[]).includes(current);
  const related: Scope[] = isScreen
    ? ['list', 'filter', 'global', 'always', 'details']
    : isPanel
      ? ['panel', 'always']
      : ['always'];
  const first = [current, ...related.filter((s) => s !== current && inTable.includes(s))];
  return [...first, ...inTable.filter((s) => !first.includes(s))];
}

/**
 * What the `:` command line understands, after the bindings. Bulleted rather than indented: indented lines are
 * the binding rows.
 */
function grammarLines(unicode: boolean): Line[] {
  const bullet = unicode ? '•' : '*';
  return [
    blank,
    line(tone('title', 'Requests in plain words (:)', true)),
    ...INTENT_GRAMMAR.map((form) => line(tone('accent', `${bullet} `), form)),
  ];
}

/** Every binding by scope, one column, in scopeOrder: the help's content, before helpColumns lays it out. */
export function helpLines(unicode: boolean, table: readonly Binding[] = BINDINGS, current?: Scope): Line[] {
  return [
    ...scopeOrder(table, current).flatMap((scope, i) => [
      ...(i > 0 ? [blank] : []),
      line(tone('title', SCOPE_TITLES[scope], true)),
      ...table
        .filter((b) => b.scope === scope)
        .map((b) => line('  ', tone('accent', helpKeys(b, unicode).padEnd(18)), b.description)),
    ]),
    ...grammarLines(unicode),
  ];
}

/** Room between two columns. */
const GAP = 3;
/** Narrower columns would wrap most descriptions over three lines. */
const MIN_COLUMN = 40;
/** Keys wider than this get a line of their own, the description under them. */
const KEY_WIDTH = 10;

/** Word wrap that never cuts: a word longer than the line breaks after a `|` or `,` (the grammar's alternatives). */
function wrapWhole(text: string, width: number): string[] {
  const words = text.split(/\s+/).flatMap((w) => (textWidth(w) > width ? breakAfter(w, width, '|,') : [w]));
  return wrapWords(words.join(' '), width).flatMap((l) => (textWidth(l) > width ? breakAfter(l, width, '') : [l]));
}

/** One scope as lines of a column `width` wide: its title, then each key with its description wrapped beside it. */
function sectionBlock(title: string, bindings: readonly Binding[], width: number, unicode: boolean): Line[] {
  const room = Math.max(8, width - 2 - KEY_WIDTH - 1);
  return [
    ...wrapWhole(title, width).map((t) => line(tone('title', t, true))),
    ...bindings.flatMap((b) => {
      const keys = helpKeys(b, unicode);
      const description = wrapWhole(b.description, room);
      const indent = ' '.repeat(2 + KEY_WIDTH + 1);
      const head =
        textWidth(keys) <= KEY_WIDTH
          ? [line('  ', tone('accent', padColumns(keys, KEY_WIDTH + 1)), description[0] ?? '')]
          : [line('  ', tone('accent', keys)), line(indent, description[0] ?? '')];
      return [...head, ...description.slice(1).map((d) => line(indent, d))];
    }),
  ];
}

function grammarBlock(width: number, unicode: boolean): Line[] {
  const bullet = unicode ? '•' : '*';
  return [
    ...wrapWhole('Requests in plain words (:)', width).map((t) => line(tone('title', t, true))),
    ...INTENT_GRAMMAR.flatMap((form) =>
      // Continuations hang two columns in from the form's start.
      wrapWhole(form, Math.max(8, width - 4)).map((l, i) => line(tone('accent', i === 0 ? `${bullet} ` : '    '), l)),
    ),
  ];
}

/** How many columns help has at `width`, how wide each is, and the room between them. */
export function helpGrid(width: number): { count: number; columnWidth: number; gap: number } {
  const count = Math.max(1, Math.floor((width + GAP) / (MIN_COLUMN + GAP)));
  return { count, columnWidth: Math.floor((width - GAP * (count - 1)) / count), gap: GAP };
}

/**
 * Help laid out in columns that fit `width` (k9s style): as many columns of at least MIN_COLUMN as fit, each
 * filled top to bottom up to `height` lines (a scope that does not fit goes on in the next column), then the next
 * page of columns below. Nothing is cut: a description wraps inside its column.
 * Paging by `height` lines shows one page of columns at a time.
 */
export function helpColumns(
  unicode: boolean,
  width: number,
  height: number,
  table: readonly Binding[] = BINDINGS,
  current?: Scope,
): Line[] {
  const { count, columnWidth } = helpGrid(width);
  const blocks = [
    ...scopeOrder(table, current).map((scope) =>
      sectionBlock(
        SCOPE_TITLES[scope],
        table.filter((b) => b.scope === scope),
        columnWidth,
        unicode,
      ),
    ),
    grammarBlock(columnWidth, unicode),
  ];
  const columns: Line[][] = [[]];
  const place = (l: Line) => {
    if (columns.at(-1)!.length >= height) columns.push([]);
    columns.at(-1)!.push(l);
  };
  for (const block of blocks) {
    const column = columns.at(-1)!;
    const gap = column.length > 0 ? 1 : 0;
    const left = height - column.length - gap;
    // A scope goes on in the next column when it does not fit, but never leaves its title and first key behind.
    if (block.length > left && left < 3) columns.push([]);
    else if (gap) place(blank);
    block.forEach(place);
  }
  const pages: Line[] = [];
  for (let first = 0; first < columns.length; first += count) {
    const page = columns.slice(first, first + count);
    const rows = Math.max(...page.map((c) => c.length));
    for (let r = 0; r < rows; r++) {
      const cells = page.map((c) => c[r] ?? blank);
      pages.push(
        cells.flatMap((cell, i) =>
          i === cells.length - 1
            ? cell
            : [...cell, { text: ' '.repeat(Math.max(0, columnWidth + GAP - textWidth(lineText(cell)))) }],
        ),
      );
    }
    // Pages line up with paging: each but the last takes exactly `height` lines.
    if (first + count < columns.length) for (let r = rows; r < height; r++) pages.push(blank);
  }
  return pages;
}
