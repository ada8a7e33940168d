/**
 * List columns follow the content and the terminal width: at 80×24 and 60×20 every screen shows every column (none
 * pushed off the right edge), a column is no wider than its content while another is cut, and what a cell still
 * cuts (a long email) the details view shows whole.
 */
import { afterEach, expect, it } from 'vitest';
import { layoutProblems, waitForList, type ScreenName } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const HEADERS: Record<ScreenName, readonly string[]> = {
  Members: ['EMAIL', 'NAME', 'ORG', 'ACCESS', 'STATUS'],
  Projects: ['TYPE', 'NAME', 'ALIAS', 'REGION', 'CREATED'],
  Roles: ['SCOPE', 'ROLE', 'ID', 'ABOUT'],
  Keys: ['LAYER', 'DESCRIPTION', 'CREATED', 'EXPIRES', 'SCOPE', 'ACCESS'],
  Deployments: ['NAME', 'REGION', 'PARTS', 'REACH', 'ID'],
};
const SCREENS: readonly ScreenName[] = ['Members', 'Projects', 'Roles', 'Keys', 'Deployments'];
const KEYS: Record<ScreenName, string> = { Members: '1', Projects: '2', Roles: '3', Keys: '4', Deployments: '5' };

/** The column title line: the line under the box's top border. */
const headerLine = (screen: string) => screen.split('\n')[3] ?? '';

for (const [cols, rows] of [
  [80, 24],
  [60, 20],
] as const) {
  it(`shows every column of every screen at ${cols}×${rows}`, async () => {
    const app = await launch({ cols, rows });
    for (const name of SCREENS) {
      await app.press(KEYS[name]);
      const screen = await waitForList(app, name);
      const header = headerLine(screen);
      for (const title of HEADERS[name]) expect(header, `${name} at ${cols} columns`).toContain(title);
      expect(layoutProblems(app)).toEqual([]);
    }
  });
}

it('gives a cut column the room another does not need, at 80×24', async () => {
  const app = await launch({ cols: 80, rows: 24, args: ['keys'] });
  const screen = await waitForList(app, 'Keys');
  const header = headerLine(screen);
  // Column starts from the title line; a column's room is up to the next title.
  const titles = HEADERS.Keys.map((t) => header.indexOf(t));
  const cells = screen
    .split('\n')
    .slice(4)
    .filter((l) => /^│[▶ ]/.test(l));
  const column = (line: string, i: number) => line.slice(titles[i], i + 1 < titles.length ? titles[i + 1] : -1);
  const cut = HEADERS.Keys.map((_, i) => cells.some((l) => column(l, i).trimEnd().endsWith('…')));
  // Room a column leaves blank on every row (beyond the one space between columns).
  const slack = HEADERS.Keys.map((t, i) =>
    Math.min(...[header, ...cells].map((l) => column(l, i).length - column(l, i).trimEnd().length - 1)),
  );
  if (cut.some(Boolean)) expect(slack.every((s) => s <= 0)).toBe(true);
});

it('shows every email on the Members screen whole at 80×24', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  const screen = await waitForList(app, 'Members');
  const emails = screen
    .split('\n')
    .slice(4)
    .flatMap((l) => /^│[▶ ] (\S+@\S*)/.exec(l)?.[1] ?? []);
  expect(emails.length).toBeGreaterThan(10);
  for (const email of emails) expect(email).toMatch(/^[\w.-]+@acme-analytics\.example$/);
  expect(layoutProblems(app)).toEqual([]);
});

it('shows a member whose email the list cuts whole in the details view, at 60×20', async () => {
  const app = await launch({ cols: 60, rows: 20 });
  const screen = await waitForList(app, 'Members');
  const selected = screen.split('\n').find((l) => l.startsWith('│▶')) ?? '';
  expect(selected).toMatch(/^│▶ \S+…/);
  await app.press('enter');
  const details = await app.waitForText(/Email +\S+@\S+/);
  const email = /Email +(\S+@\S+)/.exec(details)![1]!;
  expect(email).toMatch(/^[\w.-]+@[\w.-]+\.[a-z]+$/);
  expect(email.startsWith(/^│▶ (\S+)…/.exec(selected)![1]!)).toBe(true);
});

it('shows the whole title of every doctor finding its list row cuts, at 50×20', async () => {
  const app = await launch({ cols: 50, rows: 20 });
  await waitForList(app, 'Members');
  await app.press('D');
  await app.waitForText(/\d+ critical · \d+ warning/);
  const rowsOf = (s: string) => s.split('\n').filter((l) => /^│[▶ ] \S+ +(CRIT|WARN|INFO) {2}/.test(l));
  const count = rowsOf(app.screen()).length;
  let checked = 0;
  for (let at = 0; at < count; at++) {
    const screen = await app.waitFor((s) => rowsOf(s)[at]?.startsWith('│▶') === true, `finding ${at + 1} selected`);
    const row = rowsOf(screen)[at]!;
    if (/…│$/.test(row)) {
      const shown = / {2}(\S.*)…│$/.exec(row)![1]!;
      // Below the list: the details, the title first, wrapped over as many lines as it takes, never cut.
      const lines = screen.split('\n');
      const below = lines.slice(lines.indexOf(rowsOf(screen).at(-1)!) + 1);
      const details = below.map((l) => /^│ (.*?) *│$/.exec(l)?.[1] ?? '').filter(Boolean);
      expect(details.join(' ').startsWith(shown), `finding ${at + 1}`).toBe(true);
      expect(details[0], `finding ${at + 1}`).not.toMatch(/…$/);
      checked++;
    }
    await app.press('down');
  }
  expect(checked).toBeGreaterThan(0);
});
