/** The keys end-to-end tests rely on, driven through the whole app. Every check waits for the frame it expects. */
import { describe, expect, it } from 'vitest';
import { KEY, renderApp } from './helpers/render-app.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.includes('▶')) ?? '';
const currentTab = (frame: string) => /\[(\d) (\w+)\]/.exec(frame)?.[2];

type App = Awaited<ReturnType<typeof renderApp>>;

/** Waits until the selected row shows `text`. */
const selectedShows = (app: App, text: string) =>
  app.waitUntil((f) => selectedLine(f).includes(text), `the selected row to show ${text}`);

describe('navigation', () => {
  it('1–5 jump to screens; tab and shift+tab cycle', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    const steps: [string, string][] = [
      ['2', 'Projects'],
      ['3', 'Roles'],
      ['4', 'Keys'],
      ['5', 'Deployments'],
      ['1', 'Members'],
      [KEY.tab, 'Projects'],
      [KEY.tab, 'Roles'],
      [KEY.shiftTab, 'Projects'],
      [KEY.shiftTab, 'Members'],
      [KEY.shiftTab, 'Deployments'],
    ];
    for (const [key, tab] of steps) {
      await app.press(key);
      await app.waitUntil((f) => currentTab(f) === tab, `the ${tab} tab after ${JSON.stringify(key)}`);
    }
  });

  it('moves with j/k, arrows, g/G and pages with PgDn/PgUp', async () => {
    const app = await renderApp({ screen: 'roles', size: { columns: 100, rows: 24 } });
    await app.waitFor('Organization owner');
    await app.press('j', 'j', KEY.down);
    await selectedShows(app, 'Deployment editor');
    await app.press('k', KEY.up);
    await selectedShows(app, 'Billing admin');
    await app.press('G');
    await selectedShows(app, 'marketing-writer'); // custom roles follow the catalog
    await app.press('g');
    await selectedShows(app, 'Organization owner');
    await app.press(KEY.pageDown);
    // 24 rows leave 16 list rows: one page down lands on the 17th role.
    await selectedShows(app, 'Tier 3 analyst');
    await app.press(KEY.pageUp);
    await selectedShows(app, 'Organization owner');
  });

  it('s cycles the sort order and the title names it', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    expect(app.frame()).toContain('sort:email');
    await app.press('s');
    await app.waitFor('sort:name');
    const rows = app.lines().filter((l) => l.includes('@acme.test'));
    expect(rows[0]).toContain('late@acme.test'); // pending invitations have no name and sort first
    await app.press('s', 's', 's');
    await app.waitFor('sort:email');
  });

  it('enter opens details, arrows scroll them, esc goes back to the same row', async () => {
    const app = await renderApp({ screen: 'projects', size: { columns: 100, rows: 24 } });
    await app.waitFor('siem');
    await app.press('j', KEY.enter);
    await app.waitFor('Project: search-prod (elasticsearch)');
    const firstLine = app.lines()[3];
    await app.press('j');
    await app.waitUntil((f) => f.split('\n')[3] !== firstLine, 'the details to scroll');
    await app.press(KEY.escape);
    await selectedShows(app, 'search-prod');
    expect(app.frame()).not.toContain('Project: search-prod');
  });

  it('each screen keeps its own filter and selection', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    await app.press('/');
    await app.type('dan');
    await app.press(KEY.enter, '4', 'j');
    await selectedShows(app, 'CI ingest');
    await app.press('1');
    await app.waitFor('Members[1/6]');
    await app.press('4');
    await app.waitUntil((f) => currentTab(f) === 'Keys', 'the Keys tab');
    expect(selectedLine(app.frame())).toContain('CI ingest');
  });

  it('help lists keys for the screen and q closes it instead of quitting', async () => {
    const app = await renderApp();
    await app.waitFor('dan@acme.test');
    await app.press('?');
    await app.waitFor('generated from the key-binding table');
    await app.press('q');
    await app.waitUntil((f) => !f.includes('generated from the key-binding table'), 'help to close');
    expect(app.frame()).toContain('dan@acme.test');
  });

  it('keeps every frame one line shorter than the terminal, from 80×24 up', async () => {
    // Each key with what its frame shows once it has been handled.
    const steps: [string, (frame: string) => boolean][] = [
      ['', (f) => f.includes('dan@acme.test')],
      ['?', (f) => f.includes('generated from the key-binding table')],
      [KEY.escape, (f) => !f.includes('generated from the key-binding table')],
      [KEY.enter, (f) => f.includes('Member: ')],
      [KEY.escape, (f) => !f.includes('Member: ')],
      ['2', (f) => currentTab(f) === 'Projects'],
      [KEY.enter, (f) => f.includes('Project: ')],
      ['3', (f) => currentTab(f) === 'Roles'],
      ['4', (f) => currentTab(f) === 'Keys'],
    ];
    for (const size of [
      { columns: 80, rows: 24 },
      { columns: 100, rows: 30 },
      { columns: 132, rows: 50 },
    ]) {
      const app = await renderApp({ size });
      await app.waitFor('dan@acme.test');
      for (const [key, shown] of steps) {
        if (key) await app.press(key);
        await app.waitUntil(shown, `the frame after ${JSON.stringify(key)}`);
        const lines = app.lines();
        expect(lines.length, `${size.columns}x${size.rows} after ${JSON.stringify(key)}`).toBe(size.rows - 1);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(size.columns);
      }
      app.unmount();
    }
  });
});
