/** `s` re-sorts the list under the cursor: the selected member stays selected, and in view, through every order. */
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const selectedRow = (screen: string) => /^│▶ (\S+)/m.exec(screen)?.[1];
const sortName = (screen: string) => /sort:([\w ]+?) ─/.exec(screen)?.[1];

it('keeps the selected member selected and visible when the sort order changes', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  const first = await waitForList(app, 'Members');
  const orders = [sortName(first)];
  // Far enough down that a re-sort which kept the index, or the window, would land elsewhere.
  for (let i = 0; i < 12; i++) await app.press('down');
  // The first row is on line 4 (header, tabs, box top, column titles above it): every key applied.
  const chosen = selectedRow(await app.waitFor((s) => s.split('\n')[16]?.startsWith('│▶') === true, 'row 13'));
  expect(chosen).toMatch(/@/);
  for (;;) {
    const before = sortName(app.screen());
    await app.press('s');
    const screen = await app.waitFor((s) => sortName(s) !== before, 'the sort order to change');
    const order = sortName(screen);
    if (orders.includes(order)) break;
    orders.push(order);
    expect(selectedRow(screen), `sorted by ${order}`).toBe(chosen);
  }
  expect(orders.length).toBeGreaterThanOrEqual(3);
});
