/**
 * A scripted learner, in-process at 80x24 without colour, doing the tour's first and last lessons with the real
 * screens (lessons 2–5: learners-2-3 and learners-4-5); the tour decides from the sandbox state whether each goal
 * was reached. (Starting, quitting and resuming in a real terminal: resume-reset.e2e.test.ts.)
 */
import { expect, it } from 'vitest';
import { typeAndEnter, waitForList } from '../e2e/app-screen.js';
import type { ScreenApp } from '../e2e/harness.js';
import { closePanel, filterList, openTourApp, savedProgress, startTourApp, freshTourState } from './learner.js';

const state = freshTourState();

async function openProject(app: ScreenApp, name: string) {
  await app.press('2');
  await waitForList(app, 'Projects');
  await filterList(app, name);
  await app.press('enter');
  await app.waitForText(new RegExp(`Project: ${name} \\(`));
}

it('lesson 1: finds who reaches search-prod through a custom role only, and the tour moves on', async () => {
  const app = await startTourApp(state(), 1);
  await waitForList(app, 'Members');
  await openProject(app, 'search-prod');

  // Read the who-has-access list like a learner: scroll until a custom role (marketing-reader) shows, take the name.
  let holder: string | undefined;
  for (let i = 0; i < 40 && !holder; i++) {
    holder = /[│|]\s+([^\s│|][^│|]*?\S)\s{2,}marketing-reader\s/.exec(app.screen())?.[1];
    if (!holder) await app.press('j');
  }
  expect(holder).toBeDefined();
  await app.press('esc');
  await app.waitFor((s) => !/Project: search-prod \(/.test(s), 'the project details to close');

  await app.press('t');
  await app.waitForText('Lesson 1 of 6');
  await typeAndEnter(app, holder!);
  await app.waitForText(/Right: .* reaches search-prod/);
  await app.press('enter');
  await app.waitForText('Lesson 2 of 6');
  await closePanel(app);
  await app.waitForText('TOUR 2/6');

  expect(savedProgress(state())).toMatchObject({ current: 1, completed: ['who-has-access'] });
  expect(app.wrappedRows()).toEqual([]);
});

it('lesson 6: revokes exactly the leaked key in time; the tour completes and says so on the next start', async () => {
  const app = await startTourApp(state(), 6); // lessons 1-5 recorded as done

  await app.press('t');
  const panel = await app.waitForText(/Leaked key id: \w+/);
  const leakedId = /Leaked key id: (\w+)/.exec(panel)![1]!;
  await closePanel(app);

  await app.press('4');
  await waitForList(app, 'Keys');
  await filterList(app, 'deploy-bot');
  // Both layers leaked: the Cloud key and search-prod's own key of the same name; mark both.
  await app.waitForText(/search\S*\s+deploy-bot/);
  await app.press('a');
  await app.press('d');
  const confirm = await app.waitForText(/Type (.+?) to confirm/);
  await typeAndEnter(app, /Type (.+?) to confirm/.exec(confirm)![1]!);
  await app.waitForText('✓ Goal reached: t shows what happened');

  await app.press('esc'); // the revocation's result panel
  await waitForList(app, 'Keys');
  await app.press('t');
  await app.waitForText('Lesson 6 of 6');
  // Project key ids are URL-safe base64: - and _ besides word characters.
  expect(app.screen()).toMatch(/and project key [\w-]+ revoked in/);
  // What happened, with the exact request: further down the panel at this size.
  for (let i = 0; i < 30 && !/DELETE \/api\/v1\/users\/auth\/keys/.test(app.screen()); i++) await app.press('down');
  expect(app.screen()).toMatch(/DELETE \/api\/v1\/users\/auth\/keys/);
  for (let i = 0; i < 3 && !app.screen().includes(leakedId); i++) await app.press('down');
  expect(app.screen()).toContain(leakedId);
  await app.press('enter');
  await app.waitForText('Tour complete');
  await closePanel(app);
  await app.stop();

  const again = await openTourApp(state());
  await again.waitForText('Tour complete');
});
