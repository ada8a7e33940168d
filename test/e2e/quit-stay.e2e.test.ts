/**
 * ctrl+c in a wizard asks first; "stay" (n) returns to the same step with every answer kept, the half-typed one
 * too: the invite, custom role and API key wizards at 80×24. The panel after "stay" is the panel before ctrl+c.
 */
import { afterEach, expect, it } from 'vitest';
import { cursorLine, panelRows, waitForList, type ScreenName } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

interface Case {
  readonly wizard: string;
  readonly screen: ScreenName;
  readonly key: string;
  readonly first: string;
  readonly answer: string;
}

const CASES: readonly Case[] = [
  {
    wizard: 'invite',
    screen: 'Members',
    key: '1',
    first: 'Who should be invited?',
    answer: 'stay.here@example.com',
  },
  { wizard: 'custom role', screen: 'Roles', key: '3', first: 'Role name', answer: 'stay-reader' },
  {
    wizard: 'API key',
    screen: 'Keys',
    key: '4',
    first: 'What is the key for?',
    answer: 'stay pipeline',
  },
];

for (const c of CASES) {
  it(`the ${c.wizard} wizard: ctrl+c then stay keeps the step and every answer, at 80×24`, async () => {
    const app = await launch({ cols: 80, rows: 24 });
    await waitForList(app, 'Members');
    await app.press(c.key);
    await waitForList(app, c.screen);
    await app.press('n');
    await app.waitForText(c.first);
    await app.type(c.answer);
    await app.waitForText(c.answer);
    // On to the next step, which the first answer now heads.
    const step = (s: string) => /step (\d+)/.exec(s)?.[1];
    const firstStep = step(app.screen());
    await app.press('enter');
    await app.waitFor((s) => step(s) !== firstStep && s.includes(c.answer), 'the next step, the answer above it');
    // A half-typed answer where the step takes text (a choice step takes none).
    await app.type('x');
    await app.waitFor(
      (s) => /▶ x/.test(cursorLine(s)) || /▶ [([][ x•][)\]]/.test(cursorLine(s)),
      'the x typed (or a choice under the pointer)',
    );
    const before = panelRows(app.screen()).join('\n');

    await app.press('ctrl+c');
    await app.waitForText('A form has unsaved input');
    await app.press('n');
    await app.waitFor((s) => !s.includes('A form has unsaved input'), 'the quit question to close');
    await app.waitFor((s) => panelRows(s).join('\n') === before, 'the same step, answers and all');
    expect(app.screen()).toContain(c.answer);
    expect(app.isAlive()).toBe(true);
  });
}
