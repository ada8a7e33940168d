/**
 * Shorter wizards at 80×24: a complete `:` request opens its wizard on the review, and the review lets the user
 * change any one answer (c) and come back to the review with the request changed and everything else kept.
 */
import { afterEach, expect, it } from 'vitest';
import { choose, cursorLine, REVIEW_OPEN, waitForList } from './app-screen.js';
import { allFrames, closeAll, launch } from './harness.js';

afterEach(closeAll);

it('a complete request lands on the review; c changes one answer and the review shows the changed request', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press(':');
  await app.waitForText('Request in plain words');
  await app.type('create key for "ci deploy" with viewer on search-prod');
  await app.press('enter');
  await app.waitForText(/New API key · review · nothing is sent/);
  // No step was asked on the way.
  expect(allFrames().some((s) => s.includes('What is the key for?'))).toBe(false);
  // The review's own keys, from the binding table, in its footer (which follows the focus stack a frame later).
  await app.waitFor((s) => /c change an answer/.test(s.trimEnd().split('\n').at(-1) ?? ''), 'the review footer');
  expect(app.screen()).toContain('"description": "ci deploy",');
  expect(app.screen()).toMatch(/^Plan: create API key "ci deploy"/m);

  await app.press('c');
  await app.waitForText('Which answer do you want to change?');
  await choose(app, 'What is the key for?: ci deploy');
  await app.waitFor((s) => cursorLine(s).includes('▶ ci deploy'), 'the answer in its field');
  for (let i = 0; i < 'deploy'.length; i++) await app.press('backspace');
  await app.type('release');
  await app.waitFor((s) => cursorLine(s).includes('▶ ci release'), 'the changed answer');
  await app.press('enter');
  const review = await app.waitForText(REVIEW_OPEN);
  expect(review).toContain('"description": "ci release",');
  expect(review).toContain('create API key "ci release"');
  // Everything else kept: the same lifetime and access.
  expect(review).toContain('"expiration": "30d",');
  expect(review).toContain('"role_id": "elasticsearch-viewer",');
  // The status line no longer shows the request as first asked.
  await app.waitForText(/^Answer changed: the review shows the request as it is now/m);
  expect(app.screen()).not.toContain('ci deploy');
});
