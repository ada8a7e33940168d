/** The keys end-to-end tests rely on, driven through the whole app. */
import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from './helpers/render-app.js';

const selectedLine = (lines: string[]) => lines.find((l) => l.includes('▶')) ?? '';
const currentTab = (frame: string) => /\[(\d) (\w+)\]/.exec(frame)?.[2];

describe('navigation', () => {
  it('1–4 jump to screens; tab and shift+tab cycle', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    const visited: (string | undefined)[] = [];
    for (const key of ['2', '3', '4', '1', KEY.tab, KEY.tab, KEY.shiftTab, KEY.shiftTab, KEY.shiftTab]) {
      await app.press(key);
      visited.push(currentTab(app.frame()));
    }
    expect(visited).toEqual([
      'Projects',
      'Roles',
      'Keys',
      'Members',
      'Projects',
      'Roles',
      'Projects',
      'Members',
      'Keys',
    ]);
  });

  it('moves with j/k, arrows, g/G and pages with PgDn/PgUp', async () => {
    const app = await renderApp({ screen: 'roles', size: { columns: 100, rows: 24 } });
    await app.waitFor('Organization owner');
    await app.press('j', 'j', KEY.down);
    expect(selectedLine(app.lines())).toContain('Deployment editor');
    await app.press('k', KEY.up);
    expect(selectedLine(app.lines())).toContain('Billing admin');
    await app.press('G');
    expect(selectedLine(app.lines())).toContain('marketing-writer'); // custom roles follow the catalog
    await app.press('g');
    expect(selectedLine(app.lines())).toContain('Organization owner');
    await app.press(KEY.pageDown);
    // 24 rows leave 16 list rows: one page down lands on the 17th role.
    expect(selectedLine(app.lines())).toContain('Tier 3 analyst');
    await app.press(KEY.pageUp);
    expect(selectedLine(app.lines())).toContain('Organization owner');
  });

  it('s cycles the sort order and the title names it', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    expect(app.frame()).toContain('sort:email');
    await app.press('s');
    expect(app.frame()).toContain('sort:name');
    const rows = app.lines().filter((l) => l.includes('@acme.test'));
    expect(rows[0]).toContain('late@acme.test'); // pending invitations have no name and sort first
    await app.press('s', 's', 's');
    expect(app.frame()).toContain('sort:email');
  });

  it('enter opens details, arrows scroll them, esc goes back to the same row', async () => {
    const app = await renderApp({ screen: 'projects', size: { columns: 100, rows: 24 } });
    await app.waitFor('siem');
    await app.press('j', KEY.enter);
    expect(app.frame()).toContain('Project: search-prod (elasticsearch)');
    const firstLine = app.lines()[3];
    await app.press('j');
    expect(app.lines()[3]).not.toBe(firstLine);
    await app.press(KEY.escape);
    expect(selectedLine(app.lines())).toContain('search-prod');
  });

  it('each screen keeps its own filter and selection', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    await app.press('/');
    await app.type('dan');
    await app.press(KEY.enter, '4', 'j');
    expect(selectedLine(app.lines())).toContain('CI ingest');
    await app.press('1');
    expect(app.frame()).toContain('Members[1/6]');
    await app.press('4');
    expect(selectedLine(app.lines())).toContain('CI ingest');
  });

  it('help lists keys for the screen and q closes it instead of quitting', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    await app.press('?');
    expect(app.frame()).toContain('Help');
    await app.press('q');
    expect(app.frame()).toContain('dan@acme.test');
  });

  it('keeps every frame one line shorter than the terminal, from 80×24 up', async () => {
    for (const size of [
      { columns: 80, rows: 24 },
      { columns: 100, rows: 30 },
      { columns: 132, rows: 50 },
    ]) {
      const app = await renderApp({ size });
      await app.waitFor('dan@acme.test');
      for (const key of ['', '?', KEY.escape, KEY.enter, KEY.escape, '2', KEY.enter, '3', '4']) {
        if (key) await app.press(key);
        const lines = app.lines();
        expect(lines.length, `${size.columns}x${size.rows} after ${JSON.stringify(key)}`).toBe(size.rows - 1);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(size.columns);
      }
      app.unmount();
    }
  });
});
