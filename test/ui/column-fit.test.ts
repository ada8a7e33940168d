import { describe, expect, it } from 'vitest';
import { ContentWidths, fitColumns } from '../../src/ui/column-fit.js';
import { indexRows, type Column, type Row } from '../../src/ui/list-model.js';

interface R extends Row {
  readonly email: string;
  readonly name: string;
  readonly status: string;
}

const COLUMNS: readonly Column<R>[] = [
  { header: 'EMAIL', width: 17, grow: 1, text: (r) => r.email },
  { header: 'NAME', width: 10, grow: 1, text: (r) => r.name },
  { header: 'STATUS', width: 16, text: (r) => r.status },
];

const rows: R[] = [
  { id: '1', email: 'amara.castillo@acme-analytics.example', name: 'Amara', status: '' },
  { id: '2', email: 'bo@x.io', name: 'Bo Li', status: 'invited in 4h' },
];

const contentWidths = (columns: readonly Column<R>[], list: readonly R[]) =>
  new ContentWidths(columns, list.length).of(indexRows(list, columns));

const sum = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);

/** COLUMNS whose cell text counts how often it is read, to see what is measured when. */
function countingColumns() {
  const seen = { count: 0 };
  const counted = COLUMNS.map((c) => ({
    ...c,
    text: (r: R) => {
      seen.count++;
      return c.text(r);
    },
  }));
  return { counted, seen };
}

describe('column fit', () => {
  it('measures the widest cell of each column, headers included, wide characters as two', () => {
    expect(contentWidths(COLUMNS, rows)).toEqual([37, 5, 13]);
    expect(contentWidths(COLUMNS, [{ id: '3', email: '李@x.cn', name: '', status: '' }])).toEqual([7, 4, 6]);
  });

  it('measures each cell once per data load: a filtered list reads the measures of its rows', () => {
    const { counted, seen } = countingColumns();
    const many = [...rows, { id: '3', email: 'zoë@example.org', name: 'Zoë Ångström-Berg', status: 'invited in 2d' }];
    const indexed = indexRows(many, counted);
    const widths = new ContentWidths(counted, indexed.length);
    seen.count = 0;
    const all = widths.of(indexed);
    expect(all).toEqual([37, 17, 13]);
    expect(seen.count).toBe(9);
    const filtered = [indexed[1]!, indexed[2]!];
    expect(widths.of(filtered)).toEqual([15, 17, 13]);
    expect(widths.of([indexed[1]!])).toEqual([7, 5, 13]);
    expect(seen.count).toBe(9);
    // The same list again (a remembered filter result) is not even looked through.
    expect(widths.of(indexed)).toBe(all);
  });

  it('measured ahead in slices, a filtered list measures no text and gets what measuring it would give', () => {
    const { counted, seen } = countingColumns();
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: String(i),
      email: `${'x'.repeat(i % 41)}@corp.io`,
      name: i % 7 === 0 ? '李'.repeat(i % 13) : `n${i}`,
      status: i % 3 === 0 ? 'invited in 4h' : '',
    }));
    const indexed = indexRows(many, counted);
    const widths = new ContentWidths(counted, indexed.length);
    widths.of(indexed); // the first layout: a sample of the rows
    let from = 0;
    let slices = 0;
    for (; from < indexed.length; slices++) from = widths.prepare(indexed, from, 500);
    expect(from).toBe(indexed.length);
    expect(slices).toBe(10);
    // Each cell once, the sampled ones not again.
    expect(seen.count).toBe(indexed.length * COLUMNS.length);
    seen.count = 0;
    const filtered = indexed.filter((i) => Number(i.row.id) % 3 === 1);
    const fresh = new ContentWidths(COLUMNS, indexed.length).of(filtered);
    expect(widths.of(filtered)).toEqual(fresh);
    expect(seen.count).toBe(0);
    // Prepared again (a later slice after a restart), nothing is measured twice.
    widths.prepare(indexed, 0, indexed.length);
    expect(seen.count).toBe(0);
  });

  it('gives a cut column the room a column does not need (STATUS holds 13, not 16)', () => {
    const widths = fitColumns(COLUMNS, contentWidths(COLUMNS, rows), 50);
    expect(widths[2]).toBe(13);
    expect(widths[1]).toBe(5);
    expect(widths[0]).toBe(50 - 2 - 13 - 5);
  });

  it('shows every cell whole when there is room, and the rest goes to the growing columns', () => {
    const widths = fitColumns(COLUMNS, contentWidths(COLUMNS, rows), 80);
    expect(widths[0]).toBeGreaterThanOrEqual(37);
    expect(widths[2]).toBe(13);
    expect(sum(widths) + 2).toBe(80);
  });

  it('shares room evenly among columns that cannot all be whole', () => {
    const widths = fitColumns(COLUMNS, [60, 60, 13], 60);
    expect(sum(widths) + 2).toBe(60);
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThanOrEqual(1);
  });

  it('still fits a terminal narrower than the declared widths, every column keeping a few columns', () => {
    for (const total of [30, 24, 20]) {
      const widths = fitColumns(COLUMNS, [37, 10, 16], total);
      expect(sum(widths) + 2).toBe(total);
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps a whole column whole, the others giving up room first, up to a cap', () => {
    const whole = COLUMNS.map((c, i) => (i === 0 ? { ...c, whole: true } : c));
    const needs = [37, 16, 13];
    const widths = fitColumns(whole, needs, 68);
    expect(widths[0]).toBe(37);
    expect(sum(widths) + 2).toBe(68);
    // Without `whole`, the others keep their declared widths first and the email gives way.
    expect(fitColumns(COLUMNS, needs, 50)[0]).toBeLessThan(fitColumns(whole, needs, 50)[0]!);
    // Short of room, it takes at most 55% of the row; the others share the rest.
    expect(fitColumns(whole, needs, 40)).toEqual([22, 8, 8]);
    // An outlier does not take the row: the others keep what they need.
    const outlier = fitColumns(whole, [200, 16, 13], 120);
    expect(outlier.slice(1)).toEqual([16, 13]);
    expect(sum(outlier) + 2).toBe(120);
  });
});
