/**
 * The `?` help in columns: read column by column, page by page, it holds every binding of the table whole (keys and
 * the entire description, wrapped, never cut) and every request form, with no row wider than the room; the scope
 * help was opened on comes first. Every scope of the table shows in help, and the README's key table lists every
 * scope: both come from src/ui/bindings.ts.
 */
import { describe, expect, it } from 'vitest';
import { keyTableMarkdown } from '../../scripts/readme/key-table.js';
import { INTENT_GRAMMAR } from '../../src/domain/intent/grammar.js';
import { BINDINGS, PANEL_SCOPES, SCOPE_TITLES, type Scope } from '../../src/ui/bindings.js';
import { helpColumns, helpGrid, helpKeys, scopeOrder } from '../../src/ui/help.js';
import { lineText } from '../../src/ui/lines.js';
import { textWidth } from '../../src/ui/text-width.js';

/** Whitespace as one space, none after a `|`: a word too long for a column breaks after one. */
const normal = (text: string) => text.replace(/\s+/g, ' ').replace(/\| /g, '|').trim();

/** The help's text in reading order: each page's columns left to right, each column top to bottom. */
function readingOrder(width: number, height: number, current?: Scope): string[] {
  const rows = helpColumns(true, width, height, BINDINGS, current).map(lineText);
  const { count, columnWidth, gap } = helpGrid(width);
  const cells: string[] = [];
  for (let page = 0; page < rows.length; page += height) {
    const pageRows = rows.slice(page, page + height);
    for (let c = 0; c < count; c++)
      for (const row of pageRows) cells.push(row.slice(c * (columnWidth + gap), (c + 1) * (columnWidth + gap)));
  }
  return cells;
}

const SIZES = [
  [56, 13],
  [76, 17],
  [96, 23],
  [128, 43],
] as const;

describe('help in columns', () => {
  it.each(SIZES)('at %i×%i holds every binding and request form whole, no row too wide', (width, height) => {
    const rows = helpColumns(true, width, height).map(lineText);
    for (const row of rows) expect(textWidth(row), row).toBeLessThanOrEqual(width);
    const text = normal(readingOrder(width, height).join(' '));
    for (const b of BINDINGS) expect(text, b.id).toContain(normal(`${helpKeys(b, true)} ${b.description}`));
    for (const form of INTENT_GRAMMAR) expect(text).toContain(normal(`• ${form}`));
    for (const scope of new Set(BINDINGS.map((b) => b.scope))) expect(text).toContain(SCOPE_TITLES[scope]);
  });

  it('puts as many columns side by side as fit: one at 80 columns, two at 100, three at 132', () => {
    expect(helpGrid(76).count).toBe(1);
    expect(helpGrid(96).count).toBe(2);
    expect(helpGrid(128).count).toBe(3);
  });

  it('lists the current scope first, then what works with it', () => {
    expect(scopeOrder(BINDINGS, 'members').slice(0, 3)).toEqual(['members', 'list', 'filter']);
    expect(scopeOrder(BINDINGS, 'secret').slice(0, 3)).toEqual(['secret', 'panel', 'always']);
    expect(lineText(helpColumns(true, 76, 17, BINDINGS, 'doctor')[0]!).trim()).toBe(SCOPE_TITLES.doctor);
  });

  it('at 100×30, the list keys (/ filter, s sort) are on the first page', () => {
    const first = normal(
      readingOrder(96, 23, 'members')
        .slice(0, 2 * 23)
        .join(' '),
    );
    expect(first).toContain('/ Filter the list as you type (fuzzy)');
    expect(first).toContain('s Cycle the sort order');
  });
});

describe('every scope is documented', () => {
  const scopes = [...new Set(BINDINGS.map((b) => b.scope))];

  it('every panel scope has bindings, and every scope at least one shown in help', () => {
    for (const scope of PANEL_SCOPES) expect(scopes, scope).toContain(scope);
    const help = normal(readingOrder(128, 400).join(' '));
    for (const scope of scopes) {
      const shown = BINDINGS.filter(
        (b) => b.scope === scope && help.includes(normal(`${helpKeys(b, true)} ${b.description}`)),
      );
      expect(shown.length, scope).toBeGreaterThan(0);
    }
  });

  it('the README key table lists every scope and every binding', () => {
    const table = keyTableMarkdown();
    for (const scope of scopes) expect(table, scope).toContain(`| ${SCOPE_TITLES[scope]} |`);
    for (const b of BINDINGS) expect(table, b.id).toContain(b.description.replace(/\|/g, '\\|'));
  });
});
