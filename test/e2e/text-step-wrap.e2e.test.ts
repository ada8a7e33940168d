/**
 * A text step's long lines wrap inside the wizard's box, nothing cut: its why line and an error the answer gets,
 * at 80×24 and 60×20 (the invite wizard's first step, with four bad addresses). The step's one-line help may be cut
 * at 60 columns (rows are too few there to give it more), so it is not checked.
 */
import { afterEach, expect, it } from 'vitest';
import { panelRows, waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const BAD = 'not-an-email, also-bad@, third@@x, and-a-fourth-one-that-is-rather-long@@example';
const joined = (screen: string) =>
  panelRows(screen)
    .map((r) => r.trim())
    .join(' ')
    .replace(/\s+/g, ' ');

for (const [cols, rows] of [
  [80, 24],
  [60, 20],
] as const) {
  it(`wraps the why line and a long error of a text step at ${cols}×${rows}`, async () => {
    const app = await launch({ cols, rows });
    await waitForList(app, 'Members');
    await app.press('n');
    await app.waitForText('Who should be invited?');
    await app.type(BAD);
    await app.press('enter');
    const screen = await app.waitForText(/Not an email address/);
    const text = joined(screen);
    expect(text).toContain('Existing members are not invited again: their role assignments are updated instead.');
    expect(text).toContain(`Not an email address: ${BAD.replace(/, and-a.*$/, '')}`);
    expect(text).toContain('and-a-fourth-one-that-is-rather-long@@example');
    // Wrapped inside the box: one column in from the border, none cut, none over the edge.
    const inside = panelRows(screen).filter((r) => r.trim() !== '');
    expect(inside.filter((r) => !r.startsWith(' '))).toEqual([]);
    expect(inside.filter((r) => r.includes('…') && !r.includes('One or more email addresses'))).toEqual([]);
    expect(app.wrappedRows()).toEqual([]);
  });
}
