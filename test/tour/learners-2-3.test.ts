/**
 * Scripted learners for lessons 2 and 3, in-process at 80x24 without colour: each one reads the lesson panel first
 * and takes only the steps it names (the test asserts the panel says them), with the real screens; the tour
 * decides from the sandbox state that the goal was reached, and the learner reads what happened.
 */
import { expect, it } from 'vitest';
import { arrayContaining } from '../support/matchers.js';
import { choose, joinedRows, pointAt, tick, waitForList, waitForQuestion } from '../e2e/app-screen.js';
import {
  finishLesson,
  moveDownWhile,
  prose,
  savedProgress,
  startLesson,
  freshTourState,
  waitForLessonPassed,
} from './learner.js';

const state = freshTourState();

it('lesson 2: invites a Viewer on search-staging and accepts the invitation for them', async () => {
  const { app, how } = await startLesson(state(), 2);

  expect(how).toContain('1 opens Members; n starts the invite wizard');
  await app.press('n'); // Members is where the tour starts
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
  expect(how).toContain(
    'Serverless project roles: Add a project role… → Elasticsearch → space ticks search-staging → enter',
  );
  await app.waitForText('Serverless project roles');
  await choose(app, 'Add a project role');
  await app.waitForText('Which kind of project?');
  await choose(app, 'Elasticsearch');
  await app.waitForText('On which projects?');
  await tick(app, 'search-staging');
  await app.press('enter');
  expect(how).toContain('Which role? Viewer. Then choose Done with project roles');
  await app.waitForText('Which role?');
  await choose(app, /\) Viewer /);
  await app.waitForText('Done with project roles');
  await choose(app, 'Done with project roles');
  await app.waitForText('nothing is sent until you press enter');
  expect(app.screen()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/organizations\/\d+\/invitations/);

  expect(how).toContain(
    'enter sends it; then a accepts the invitation as the invitee would (sandbox only), esc closes',
  );
  await app.press('enter');
  await app.waitForText("a accept the invitation on the invitee's behalf (sandbox only)");
  await app.press('a');
  await app.waitForText('Invitation accepted');
  expect(app.screen()).toContain(`${email} is a member now, with the invitation's roles`);
  await app.press('esc');
  await waitForList(app, 'Members');

  await waitForLessonPassed(app);
  const done = prose(await finishLesson(app, 2, /joined with elasticsearch-viewer on 1 project/));
  expect(done).toMatch(/POST \/api\/v1\/organizations\/\d+\/invitations → 201/);
  expect(done).toContain('sandbox-only POST /_sandbox/invitations/{token}/_accept played their part');
  expect(savedProgress(state())).toMatchObject({ current: 2, completed: arrayContaining(['invite-viewer']) });
  expect(app.wrappedRows()).toEqual([]);
});

it('lesson 3: builds a read-only custom role for marketing-* in search-prod and assigns it the documented way', async () => {
  const { app, how } = await startLesson(state(), 3);

  expect(how).toContain('3 opens Roles; n creates a custom role');
  await app.press('3');
  await waitForList(app, 'Roles');
  await app.press('n');
  await app.waitForText('Role name');
  expect(how).toContain('Name it marketing-readonly, enter; enter again skips the description');
  await app.type('marketing-readonly');
  await app.press('enter');
  await app.waitForText('Description (optional)');
  await app.press('enter');
  expect(how).toContain('Projects: space ticks search-prod, enter. Cluster privileges: tick none, enter');
  await app.waitForText('In which projects?');
  await tick(app, 'search-prod');
  await app.press('enter');
  await app.waitForText('Cluster privileges');
  await app.press('enter');
  expect(how).toContain(
    'Index privileges: type marketing-* → enter → space ticks read and view_index_metadata → enter',
  );
  await app.waitForText('Index privileges: on which indices?');
  await app.type('marketing-*');
  await app.press('enter');
  await waitForQuestion(app, 'Which privileges on those indices?');
  for (const privilege of ['read', 'view_index_metadata']) await tick(app, privilege);
  await app.press('enter');
  expect(how).toContain('enter on Done (field security and DLS stay off); enter again with no Kibana feature ticked');
  await app.waitForText('Remove: marketing-*: read, view_index_metadata');
  // After an entry the cursor rests on Done.
  await app.waitForText(/▶ \( \) Done/);
  await app.press('enter');
  await app.waitForText('Kibana feature privileges');
  await app.press('enter');

  expect(how).toContain(
    'Assign it: space ticks a member not marked "would over-grant" or "organization owner", then enter',
  );
  await app.waitForText('Assign it to members now?');
  // Read down the list for the first person the list does not warn about.
  await pointAt(app, /\] \S+@\S+ .*$/);
  const line = await moveDownWhile(app, (l) => /would over-grant|organization owner/.test(l));
  const assignee = /\] (\S+@\S+)/.exec(line)![1]!;
  await tick(app, assignee);
  await app.press('enter');
  expect(how).toContain('enter shows the review: a PUT creates the role, a POST assigns it; enter sends both');
  await app.waitForText('nothing is sent until you press enter');
  expect(joinedRows(app.screen())).toMatch(
    /PUT http:\/\/127\.0\.0\.1:\d+\/_es\/\w+\/_security\/role\/marketing-readonly/,
  );
  await app.press('enter');
  await app.waitForText('All 2 steps done');
  await app.waitForText('enter close');
  await app.press('esc');
  await waitForList(app, 'Roles');

  await waitForLessonPassed(app);
  const done = prose(
    await finishLesson(app, 3, /now reads marketing-\* on search-prod through marketing-readonly, and nothing more/),
  );
  expect(done).toMatch(/PUT \/_es\/\w+\/_security\/ ?role\/ ?marketing-readonly → 200/);
  expect(done).toMatch(/POST \/api\/v1\/users\/\d+\/ ?role_assignments → 200/);
  expect(done).toContain('application_roles [marketing-readonly]');
  expect(assignee).toMatch(/@/);
  expect(savedProgress(state())).toMatchObject({ current: 3, completed: arrayContaining(['custom-role']) });
});
