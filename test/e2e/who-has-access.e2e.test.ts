/**
 * Scenario 2: "who can get into search-prod, and as what?" The user goes to Projects, filters for the project,
 * opens it, and reads the members, invitations and API keys that reach it, each with its roles.
 */
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const PROJECT = 'search-prod';
/** "  Maya Moreau     developer  via elasticsearch-developer on search-prod" (a long reason is cut with …). */
const HOLDER = /^\s{2,}\S.*\S {2}via \S/;

/** The count in "  Members (10)" and the holder lines under it, up to the next group or blank line. */
function group(screen: string, title: string): { count: number; lines: string[] } {
  const rows = screen.split('\n').map((l) => l.replace(/^│|│$/g, ''));
  const at = rows.findIndex((l) => l.trim().startsWith(`${title} (`));
  const count = Number(/\((\d+)\)/.exec(rows[at] ?? '')?.[1] ?? NaN);
  const lines: string[] = [];
  for (const row of rows.slice(at + 1)) {
    if (!row.trim() || /^\s*(Members|Pending invitations|API keys) \(\d+\)\s*$/.test(row) || row.startsWith('╰')) break;
    lines.push(row);
  }
  return { count, lines };
}

it(`shows who has access to ${PROJECT} with their roles`, async () => {
  const app = await launch({ cols: 120, rows: 40 });
  await waitForList(app, 'Members');

  await app.press('2');
  await waitForList(app, 'Projects');

  await app.press('/');
  await app.type(PROJECT);
  await app.waitForText(`/${PROJECT}`); // the filter is echoed in the list title
  await app.press('enter'); // keep the filter, back to the list
  await app.waitFor((s) => !/keep filter/.test(s), 'the list to take the keyboard back from the filter');
  await app.press('enter'); // open the selected (best-matching) project

  const details = await app.waitForText(new RegExp(`Project: ${PROJECT} \\(`));
  expect(details).toMatch(/Who has access here/);
  const screen = await app.waitFor(
    (s) => /Members \(\d+\)/.test(s) && /API keys \(\d+\)/.test(s) && !/loading…/.test(s),
    'the access list to load',
  );

  // Each group is counted, and each holder line says who, with which role(s) here, and why ("via ...").
  const members = group(screen, 'Members');
  expect(members.count).toBeGreaterThan(0);
  expect(members.lines.length).toBeGreaterThan(0);
  for (const holder of members.lines) expect(holder).toMatch(HOLDER);
  expect(members.lines.some((l) => /\b(admin|developer|viewer)\b/.test(l))).toBe(true);
  const keys = group(screen, 'API keys');
  expect(keys.count).toBeGreaterThan(0);
  for (const holder of keys.lines) expect(holder).toMatch(HOLDER);

  await app.press('esc');
  await waitForList(app, 'Projects');
});
