/**
 * Scenario 7: the user shrinks the window from 160×48 to 80×24 mid-session. The frame must be redrawn for the new
 * size: no wrapped leftovers of the wide frame, one header, one tab line, the footer at the bottom.
 */
import { afterEach, expect, it } from 'vitest';
import { layoutProblems, listTitle, waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

it('redraws cleanly after shrinking from 160×48 to 80×24', async () => {
  const app = await launch({ cols: 160, rows: 48 });
  await waitForList(app, 'Members');
  // The list title can come a frame before the footer (a busy machine shows the one between).
  await app.waitFor(() => layoutProblems(app).length === 0, 'a clean Members frame at 160×48').catch(() => undefined);
  expect(layoutProblems(app)).toEqual([]);

  // Open another screen first so the resize lands on a frame that is not the initial one.
  await app.press('2');
  await waitForList(app, 'Projects');

  await app.resize(80, 24);
  // Ink redraws asynchronously (throttled); a layout that stays broken fails with the screen.
  await app
    .waitFor((s) => listTitle('Projects').test(s) && layoutProblems(app).length === 0, 'a clean 80×24 frame')
    .catch((error: Error) => {
      throw new Error(`${layoutProblems(app).join('\n')}\n${error.message}`);
    });
  expect(app.lines()).toHaveLength(24);

  // And the app still works at the new size.
  await app.press('1');
  await waitForList(app, 'Members');
  // The list title can come a frame before the footer: wait for a whole frame; if none comes, say what is wrong.
  await app.waitFor(() => layoutProblems(app).length === 0, 'a clean Members frame at 80×24').catch(() => undefined);
  expect(layoutProblems(app)).toEqual([]);
});
