/**
 * Styles survive the bundle's speed patches to Ink (scripts/dependency-patches.mjs: caches shared across frames,
 * shared styles arrays, the skipped style diff): the selected row is inverse, a filter's matched letters are bold and
 * underlined while their neighbours are not, and a frame drawn again from the caches looks exactly like the first.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch, type PtyApp } from './harness.js';
import type { ScreenCell } from './screen-cells.js';

afterEach(closeAll);

/** The cells of the first screen row whose text contains `text`, and where `text` starts in it. */
function rowWith(app: PtyApp, text: string): { cells: ScreenCell[]; at: number } {
  const rows = app.cells();
  for (const cells of rows) {
    const line = cells.map((c) => c.text || '').join('');
    const at = line.indexOf(text);
    if (at >= 0) return { cells, at: [...line.slice(0, at)].length };
  }
  throw new Error(`no row with "${text}" in\n${app.screen()}`);
}

/** Whether the row with bea.petrov@ is drawn inverse from its email on (the selection). */
function selected(app: PtyApp): boolean {
  const rows = app.cells().map((cells) => ({ cells, line: cells.map((c) => c.text || '').join('') }));
  const row = rows.find((r) => r.line.includes('bea.petrov@'));
  if (!row) return false;
  const at = [...row.line.slice(0, row.line.indexOf('bea.petrov@'))].length;
  return row.cells.slice(at, at + 10).every((c) => c.inverse);
}

const styleOf = (c: ScreenCell) => ({
  bold: c.bold ?? false,
  underline: c.underline ?? false,
  inverse: c.inverse ?? false,
});

it('draws the selection and the matches with their own styles, and the same again from the caches', async () => {
  // FORCE_COLOR: with the harness's CI=false chalk would otherwise drop every style.
  const app = await launch({ cols: 100, rows: 24, env: { FORCE_COLOR: '3' } });
  await waitForList(app, 'Members');
  await app.press('/');
  for (const key of 'bea.petrov') await app.press(key);
  // The whole filter in the title: "bea.petro" already leaves one row.
  const filtered = (s: string) => /Members\[1\/\d+\]/.test(s) && s.includes('/bea.petrov');
  await app.waitFor(filtered, 'the filter to leave one row');
  // Until the row is drawn selected; if it never is, the expectations below say how it looks instead.
  await app.waitFor(() => selected(app), 'the only row drawn selected').catch(() => undefined);

  const { cells, at } = rowWith(app, 'bea.petrov@');
  // The only row is selected: inverse from the pointer to the end of the row's text.
  expect(cells.slice(at, at + 10).every((c) => c.inverse)).toBe(true);
  // "bea.petrov" matched in the email: bold and underlined; the @ after it and the name column's text are not.
  const email = cells.slice(at, at + 'bea.petrov@'.length);
  expect(email.map((c) => styleOf(c).underline)).toEqual([...Array<boolean>(10).fill(true), false]);
  expect(email.map((c) => c.bold ?? false)).toEqual([...Array<boolean>(10).fill(true), false]);
  // "Bea Petrov" in the name column does not hold "bea.petrov": nothing there is underlined.
  const name = rowWith(app, 'Bea Petrov');
  expect(name.cells.slice(name.at, name.at + 3).some((c) => c.underline)).toBe(false);
  const first = app.cells();

  // Erase and type the filter again: every line now comes from the shared caches.
  for (let i = 0; i < 'bea.petrov'.length; i++) await app.press('backspace');
  await app.waitFor((s) => !s.includes('/b'), 'the filter to be erased');
  for (const key of 'bea.petrov') await app.press(key);
  await app.waitFor(filtered, 'the filter to leave one row again');
  await app.waitFor(() => isDeepStrictEqual(app.cells(), first), 'the same frame as the first').catch(() => undefined);
  expect(app.cells()).toEqual(first);
});
