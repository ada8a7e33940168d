/**
 * Marks hidden by a filter: `d` revokes every marked key, seen or not, so it first says how many are marked and how
 * many are in view, and asks. Only a second `d` straight after opens the typed confirmation; any other key drops the
 * question.
 */
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const QUESTION = /^2 marked, 0 in view: d again revokes all 2 \(hidden ones too\)$/m;
const CONFIRMATION = /Revoke 2 API keys/;

it('asks before revoking marked keys the filter hides, with the real counts', async () => {
  const app = await launch({ cols: 80, rows: 24, args: ['keys'] });
  await waitForList(app, 'Keys');
  await app.press('space');
  await app.press('down');
  await app.press('space');
  await app.waitForText(/ 2 marked /);
  await app.press('/');
  await app.type('zzzz');
  await app.press('enter');
  await app.waitForText('No matches for "zzzz"');

  await app.press('d');
  const asked = await app.waitForText(QUESTION);
  expect(asked).not.toMatch(CONFIRMATION);

  // Another key in between: the question is gone, and d asks again rather than acting.
  await app.press('j');
  await app.waitFor((s) => !QUESTION.test(s), 'the question to go');
  await app.press('d');
  expect(await app.waitForText(QUESTION)).not.toMatch(CONFIRMATION);

  await app.press('d');
  const confirmation = await app.waitForText(CONFIRMATION);
  expect(confirmation).toMatch(/These 2 keys stop working/);
});
