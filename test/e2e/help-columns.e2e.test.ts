/**
 * The `?` help in a real terminal: the current screen's keys first, in columns that fit, PgUp/PgDn/g/G paging
 * through it, no line cut; at 100×30 the list keys (`/` filter, `s` sort) are on the first page. And the `:`
 * command line wraps its examples at 80 columns, the rest a PgDn away.
 */
import { afterEach, expect, it } from 'vitest';
import { INTENT_GRAMMAR } from '../../src/domain/intent/grammar.js';
import { BINDINGS } from '../../src/ui/bindings.js';
import { HELP_OPEN, panelRows, waitForList } from './app-screen.js';
import { closeAll, launch, type PtyApp } from './harness.js';

afterEach(closeAll);

/** Words ending in "…" that the table or the grammar does not itself write so: a line cut short. */
function cutWords(app: PtyApp): string[] {
  const source = [...BINDINGS.map((b) => b.description), ...INTENT_GRAMMAR].join(' ');
  return panelRows(app.screen())
    .flatMap((r) => r.split(/\s+/))
    .filter((w) => w.endsWith('…') && !source.includes(w));
}

const body = (app: PtyApp) => panelRows(app.screen()).join('\n');

for (const [cols, rows] of [
  [80, 24],
  [60, 20],
] as const) {
  it(`pages through help with PgDn, PgUp, G and g at ${cols}×${rows}, the screen's keys first, nothing cut`, async () => {
    const app = await launch({ cols, rows });
    await waitForList(app, 'Members');
    await app.press('?');
    await app.waitForText(HELP_OPEN);
    const first = body(app);
    expect(panelRows(app.screen())[0]?.trim()).toBe('Members');
    expect(first).toMatch(/d {10}Remove the selected member/);
    expect(app.lines().at(-2)).toMatch(/PgUp\/PgDn page/);
    expect(cutWords(app)).toEqual([]);
    expect(app.wrappedRows()).toEqual([]);

    await app.press('pagedown');
    await app.waitFor((s) => panelRows(s).join('\n') !== first, 'the next page');
    expect(body(app)).not.toContain('Remove the selected member');
    expect(cutWords(app)).toEqual([]);
    await app.press('pageup');
    await app.waitFor((s) => panelRows(s).join('\n') === first, 'the first page again');

    await app.press('G');
    await app.waitForText(/1 year/);
    expect(cutWords(app)).toEqual([]);
    expect(app.wrappedRows()).toEqual([]);
    await app.press('g');
    await app.waitFor((s) => panelRows(s).join('\n') === first, 'the first page after g');
  });
}

it('shows the list keys (/ filter, s sort) on help’s first page at 100×30, in two columns', async () => {
  const app = await launch({ cols: 100, rows: 30 });
  await waitForList(app, 'Members');
  await app.press('?');
  await app.waitForText(HELP_OPEN);
  const screen = app.screen();
  expect(screen).toMatch(/│ Members {2,}\S/); // a second column beside the first
  expect(screen).toMatch(/ \/ {10}Filter the list as you type/);
  expect(screen).toMatch(/ s {10}Cycle the sort order/);
  expect(cutWords(app)).toEqual([]);
  expect(app.wrappedRows()).toEqual([]);
});

it('wraps the : command line’s examples at 80×24 and shows the rest on PgDn', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press(':');
  await app.waitForText('Ask for a change or a question in plain words');
  expect(cutWords(app)).toEqual([]);
  expect(app.wrappedRows()).toEqual([]);
  // The longest form, wrapped whole over two rows.
  expect(body(app)).toMatch(
    /create key for <description> \[with <role\|custom role> on <project>… \| all\s*\n\s+<type> projects/,
  );
  expect(app.screen()).toMatch(/PgDn \d+ more below/);
  await app.press('pagedown');
  await app.waitForText(/PgUp \d+ more above/);
  expect(body(app)).toMatch(/types: search\|elasticsearch/);
  expect(body(app)).toMatch(/1 year/);
  expect(cutWords(app)).toEqual([]);
});
