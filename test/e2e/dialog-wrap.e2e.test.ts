/**
 * The quit question and the one-time secret panel wrap their text inside the box: every line keeps its margin from
 * the border (a continuation too), nothing is cut with "…", and nothing spills past the terminal's edge. At 80×24
 * and at 60×20.
 */
import { afterEach, expect, it } from 'vitest';
import { panelRows, waitForList } from './app-screen.js';
import { closeAll, launch, type PtyApp } from './harness.js';

afterEach(closeAll);

const SIZES = [
  [80, 24],
  [60, 20],
] as const;

/** What is wrong with the panel's rows: text against the left border, a cut line, a row wider than the terminal. */
function wrapProblems(app: PtyApp): string[] {
  const screen = app.screen();
  const rows = panelRows(screen).filter((r) => r.trim() !== '');
  return [
    ...rows.filter((r) => !r.startsWith(' ')).map((r) => `against the border: "${r}"`),
    ...rows.filter((r) => r.includes('…')).map((r) => `cut: "${r}"`),
    ...app.wrappedRows().map((n) => `row ${n} spills over the edge`),
  ];
}

for (const [cols, rows] of SIZES) {
  it(`wraps the quit question at ${cols}×${rows}`, async () => {
    const app = await launch({ cols, rows });
    await waitForList(app, 'Members');
    await app.press('n');
    await app.waitForText('Who should be invited?');
    await app.type('bob@example.com');
    await app.press('ctrl+c');
    const screen = await app.waitForText('A form has unsaved input');
    expect(screen).toMatch(/Quit anyway and lose it\?/);
    expect(screen).toMatch(/y quit {3}n\/esc stay/);
    expect(wrapProblems(app)).toEqual([]);
    await app.press('n');
    await app.waitForText('Who should be invited?');
  });

  it(`wraps the secret panel at ${cols}×${rows}, masked, revealed and closing`, async () => {
    const app = await launch({ cols, rows });
    await waitForList(app, 'Members');
    await app.press(':');
    await app.waitForText('Request in plain words');
    await app.type('create key for "ci deploy" with viewer on search-prod');
    await app.press('enter');
    // A complete request opens on the review; enter creates the key.
    await app.waitForText(/New API key · review · nothing is sent/);
    await app.press('enter');
    const first = await app.waitForText(/Value {3}essu_•/);
    // The panel's keys are in the footer (the binding table's `secret` scope), its own first, from the very frame
    // that first shows the value: never the plan's "close" it replaced.
    const footerOf = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';
    expect(footerOf(first)).toMatch(/^v reveal\/hide {2}c copy/);
    const valueFrames = app.frames().filter((f) => /Value {3}essu_/.test(f));
    expect(valueFrames.map(footerOf).filter((f) => !/^v reveal\/hide/.test(f))).toEqual([]);
    expect(wrapProblems(app)).toEqual([]);

    await app.press('v');
    await app.waitForText(/Value {3}essu_[^•]/);
    expect(wrapProblems(app)).toEqual([]);

    await app.press('enter');
    await app.waitForText(/Once closed, the value cannot be shown again/);
    expect(wrapProblems(app)).toEqual([]);
  });
}
