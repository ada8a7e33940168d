/**
 * Scripted learners for lessons 2–5 in a real terminal (80x24, NO_COLOR): each one reads the lesson panel first
 * and takes only the steps it names (the test asserts the panel says them), with the real screens; the tour
 * decides from the sandbox state that the goal was reached, and the learner reads what happened.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { waitForList } from '../e2e/app-screen.js';
import { closeAll } from '../e2e/harness.js';
import { closePanel, cursorLine, finishLesson, pointAt, prose, readLessonPanel, savedProgress, startTourAt, waitForLessonPassed } from './learner.js';

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'ec-access-learner-'));
});
afterEach(async (ctx) => {
  if (process.env.DUMP_FRAMES && ctx.task.result?.state === 'fail') {
    const { allFrames } = await import('../e2e/harness.js');
    writeFileSync('/tmp/h10/frames.txt', allFrames().join('\n=====\n'));
  }
  await closeAll();
  rmSync(state, { recursive: true, force: true });
});

it('lesson 2: invites a Viewer on search-staging and accepts the invitation for them', async () => {
  const app = await startTourAt(state, 2);
  await waitForList(app, 'Members');
  const how = prose(await readLessonPanel(app, 2));
  await closePanel(app);

  expect(how).toContain('1 opens Members; n starts the invite wizard');
  await app.press('1');
  await app.press('n');
  await app.waitForText('Who should be invited?');
  expect(how).toMatch(/Type an address nobody has yet, e\.g\. (\S+), and press enter/);
  const email = /e\.g\. (\S+),/.exec(how)![1]!;
  await app.type(email);
  await app.press('enter');
  expect(how).toContain('enter three more times keeps the defaults');
  for (const step of ['Invitation expiry', 'Organization role', 'Hosted deployment role']) {
    await app.waitForText(step);
    await app.press('enter');
  }
  expect(how).toContain('Serverless project roles: Add a project role… → Elasticsearch → space ticks search-staging → enter');
  await app.waitForText('Serverless project roles');
  await pointAt(app, 'Add a project role');
  await app.press('enter');
  await app.waitForText('Which kind of project?');
  await pointAt(app, 'Elasticsearch');
  await app.press('enter');
  await app.waitForText('On which projects?');
  await pointAt(app, /\] search-staging /);
  await app.press(' ');
  await app.press('enter');
  expect(how).toContain('Which role? Viewer. Then choose Done with project roles');
  await app.waitForText('Which role?');
  await pointAt(app, /\) Viewer /);
  await app.press('enter');
  await app.waitForText('Done with project roles');
  await pointAt(app, 'Done with project roles');
  await app.press('enter');
  await app.waitForText('nothing is sent until you press enter');
  expect(app.screen()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/organizations\/\d+\/invitations/);

  expect(how).toContain('enter sends it; then a accepts the invitation as the invitee would (sandbox only), esc closes');
  await app.press('enter');
  await app.waitForText("a accept the invitation on the invitee's behalf (sandbox only)");
  await app.press('a');
  await app.waitForText('Invitation accepted');
  expect(app.screen()).toContain(`${email} is a member now`);
  await app.press('esc');
  await waitForList(app, 'Members');

  await waitForLessonPassed(app, new RegExp(`${email.replace(/\./g, '\\.')} joined with elasticsearch-viewer`));
  const done = prose(await finishLesson(app, 2, /joined with elasticsearch-viewer on 1 project/));
  expect(done).toMatch(/POST \/api\/v1\/organizations\/\d+\/invitations → 201/);
  expect(done).toContain('sandbox-only POST /_sandbox/invitations/{token}/_accept played their part');
  expect(savedProgress(state)).toMatchObject({ current: 2, completed: expect.arrayContaining(['invite-viewer']) });
  expect(app.wrappedRows()).toEqual([]);
});
