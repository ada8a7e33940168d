/**
 * Scripted learners for lessons 4 and 5, in-process at 80x24 without colour: each one reads the lesson panel first
 * and takes only the steps it names (the test asserts the panel says them), with the real screens; the tour
 * decides from the sandbox state that the goal was reached, and the learner reads what happened.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { arrayContaining } from '../support/matchers.js';
import { choose, joinedRows, tick, typeAndEnter, waitForList, waitForQuestion } from '../e2e/app-screen.js';
import {
  finishLesson,
  moveDownWhile,
  prose,
  readLessonPanel,
  savedProgress,
  startLesson,
  freshTourState,
  waitForLessonPassed,
  workDir,
} from './learner.js';

const state = freshTourState();

it('lesson 4: creates a 30-day CI key with developer on all search projects, saves its secret and uses it once', async () => {
  const { app, how } = await startLesson(state(), 4);

  expect(how).toContain('4 opens Keys; n creates a key. Describe it (ci-search-deploy) and choose the 30d expiry');
  await app.press('4');
  await waitForList(app, 'Keys');
  await app.press('n');
  await waitForQuestion(app, 'What is the key for?');
  await app.type('ci-search-deploy');
  await app.press('enter');
  await waitForQuestion(app, 'Expiration');
  await choose(app, ') 30d');
  expect(how).toContain('Where may the key act? All projects of a type → space ticks Elasticsearch → enter');
  await waitForQuestion(app, 'Where may the key act?');
  await choose(app, 'All projects of a type');
  await waitForQuestion(app, 'Which project types?');
  await tick(app, 'Elasticsearch');
  await app.press('enter');
  expect(how).toContain('Cloud role: Developer. Stack access: space ticks developer, enter');
  await waitForQuestion(app, 'Cloud role on those projects');
  await choose(app, ') Developer');
  await waitForQuestion(app, 'Stack access (application_roles)');
  await tick(app, 'developer');
  await app.press('enter');
  expect(how).toContain('Read the review, enter creates the key: its secret is shown once');
  await app.waitForText('nothing is sent until you press enter');
  expect(joinedRows(app.screen())).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\/auth\/keys/);
  await app.press('enter');

  expect(how).toContain(
    'w and enter save the secret to a file only you can read; then enter, type saved, enter closes',
  );
  await app.waitForText("This is the only time this key's value is shown");
  expect(app.screen()).toContain('masked: v reveals it');
  await app.press('w');
  await app.waitForText('enter write the file'); // asks for the folder: empty is the current one
  // In-process the current folder is the test runner's: the learner names the working folder instead.
  mkdirSync(workDir(state()), { recursive: true });
  await app.type(workDir(state()));
  await app.press('enter');
  await app.waitForText('Saved to');
  const [file] = readdirSync(workDir(state())).filter((name) => name.includes('ci-search-deploy'));
  expect(file).toBeDefined();
  expect(statSync(join(workDir(state()), file!)).mode & 0o777).toBe(0o600);
  const secret = readFileSync(join(workDir(state()), file!), 'utf8').trim();
  await app.press('enter');
  await app.waitForText('enter close  esc back'); // type saved to close
  await typeAndEnter(app, 'saved');
  await waitForList(app, 'Keys');
  // The value never reached the screen: it was masked, then saved straight to the file.
  expect(app.frames().some((f) => f.includes(secret))).toBe(false);

  // The tour sees the key but not yet a call with it.
  const pending = prose(await readLessonPanel(app, 4));
  expect(pending).toMatch(/Key "ci-search-deploy" is right; now use its secret once against Elasticsearch/);
  expect(how).toContain('Prove you kept it: run the three lines under these steps in another terminal');
  const es = /ES=(\S+)/.exec(pending)![1]!;
  expect(pending).toContain('KEY=$(cat <the file the secret was saved to>)');
  expect(pending).toContain('curl -H "Authorization: ApiKey $KEY" "$ES/_security/_authenticate"');
  const response = await fetch(`${es}/_security/_authenticate`, { headers: { authorization: `ApiKey ${secret}` } });
  expect(response.status).toBe(200);
  await app.press('enter'); // check now
  await app.waitForText(/"ci-search-deploy" works on Elasticsearch/);
  const done = prose(
    await finishLesson(
      app,
      4,
      /"ci-search-deploy" works on Elasticsearch \(GET \/_es\/\w+\/_security\/_authenticate answered 200\)/,
    ),
  );
  expect(done).toMatch(/POST \/api\/v1\/users\/auth\/keys → 20\d/);
  expect(done).toContain('"application_roles":["developer"]');
  expect(done).not.toContain(secret);
  expect(savedProgress(state())).toMatchObject({ current: 4, completed: arrayContaining(['ci-key']) });
});

it('lesson 5: opens the doctor, applies the over-grant fix, and the finding is gone', async () => {
  const { app, how } = await startLesson(state(), 5);

  expect(how).toContain('D opens the doctor; ↑/↓ picks a finding, the text under the list says why it matters');
  await app.press('D');
  await app.waitForText(/\d+ critical · \d+ warning/);
  expect(how).toContain('Pick the over-grant: "… gets developer on top of [dashboard-reader] on search-prod"');
  const finding = await moveDownWhile(app, (l) => !/gets developer on top of \[dashboard-reader\]/.test(l), 20);
  expect(finding).toMatch(/gets developer on top of \[dashboard-reader\]/);
  expect(app.screen()).toContain('Roles combine as a union');
  expect(how).toContain('enter opens its fix: what the person loses and keeps, and the exact request');
  await app.press('enter');
  const fix = await app.waitForText(/Remove a role assignment from (\S+@\S+)/);
  const email = /Remove a role assignment from (\S+@[^\s─]+)/.exec(fix)![1]!;
  expect(fix).toMatch(/loses:/);
  expect(fix).toMatch(/DELETE http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\/\d+\/role_assignments/);
  expect(how).toContain("Type what the confirmation asks for (the person's email) and press enter to send it");
  await typeAndEnter(app, email);

  await waitForLessonPassed(app);
  // The fix hands back to the doctor, which re-read the organization: the finding is gone.
  expect(how).toContain('esc closes the result; the doctor, read again, no longer lists it. esc again for the screens');
  await app.waitForText('Done: above is what the re-read shows');
  await app.press('esc');
  await app.waitFor(
    (s) => /\d+ critical · \d+ warning/.test(s) && !s.includes('gets developer on top of [dashboard-reader]'),
    'the doctor without the finding',
  );
  await app.press('esc');
  await waitForList(app, 'Members');
  const done = prose(await finishLesson(app, 5, /Fixed: the over-grant finding/));
  expect(done).toContain(
    'The predefined role is gone from that project, so the custom role alone decides what the user gets there.',
  );
  expect(done).toMatch(/DELETE \/api\/v1\/users\/\d+\/ ?role_assignments → 200/);
  expect(done).toContain('"role_id":"elasticsearch-developer"');
  expect(savedProgress(state())).toMatchObject({ current: 5, completed: arrayContaining(['doctor']) });
});
