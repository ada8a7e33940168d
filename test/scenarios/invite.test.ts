/**
 * Scenario 3: invite a new colleague as Developer on search-prod. The wizard shows the exact request before
 * anything is sent; enter sends it; the invitation then shows in the members list, and the sandbox (read back
 * through the API) really holds it with that role.
 */
import { expect, it } from 'vitest';
import { choose, projectIdOnScreen, scrollPlanTo, tick, typeAndEnter, waitForList } from '../e2e/app-screen.js';
import { previewedRequests } from '../support/request-preview.js';
import { startScenario, stopScenariosAfterEach } from './app.js';

stopScenariosAfterEach();

const EMAIL = 'new.analyst@example.com';
const PROJECT = 'search-prod';

it(`invites ${EMAIL} as Developer on ${PROJECT}, showing the exact request first`, async () => {
  // Tall enough that the whole request preview fits on screen.
  const { app: session, screen: app } = await startScenario(120, 50);
  const members = await waitForList(app, 'Members');
  const orgId = /\((\d+)\)/.exec(app.line(0))?.[1];
  expect(orgId, 'the header names the organization id').toBeDefined();
  expect(members).not.toContain(EMAIL);

  await app.press('n');
  await app.waitForText('Who should be invited?');
  await typeAndEnter(app, EMAIL);
  await app.waitForText('Invitation expiry');
  await app.press('enter'); // the server default
  await app.waitForText('Organization role');
  await app.press('enter'); // None
  await app.waitForText('Hosted deployment role');
  await app.press('enter'); // None
  await choose(app, 'Add a project role');
  await app.waitForText('Which kind of project?');
  await choose(app, 'Elasticsearch');
  await tick(app, PROJECT);
  const projectId = projectIdOnScreen(app, PROJECT);
  await app.press('enter');
  await app.waitForText('Which role?');
  await choose(app, 'Developer');
  await choose(app, 'Done with project roles');

  // The review: the one request, exactly as it will be sent, and nothing sent yet.
  const review = await app.waitForText('nothing is sent until you press enter');
  expect(review).toContain('Nothing has been sent yet.');
  expect(review).toContain(`pending  invite ${EMAIL}`);
  const expectedBody = {
    emails: [EMAIL],
    role_assignments: {
      project: {
        elasticsearch: [
          { role_id: 'elasticsearch-developer', organization_id: orgId, all: false, project_ids: [projectId] },
        ],
      },
    },
  };
  const [request, ...others] = previewedRequests(review);
  expect(others).toEqual([]);
  expect(request?.method).toBe('POST');
  expect(request?.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/v1/organizations/${orgId}/invitations$`));
  expect(request?.body).toEqual(expectedBody);

  await app.press('enter');
  await app.waitForText(`done  invite ${EMAIL}`);
  // The verified result sits under the request.
  await scrollPlanTo(app, `${EMAIL} is listed as invited`);

  await app.press('enter'); // close the wizard
  await waitForList(app, 'Members');
  await app.press('/');
  await app.type('new.analyst');
  const row = (
    await app.waitFor((s) => s.split('\n').some((l) => l.includes('new.analyst@')), 'the invitation in the list')
  )
    .split('\n')
    .find((l) => l.includes('new.analyst@'))!;
  expect(row).toMatch(/\(pending\)/);
  expect(row).toMatch(/es:developer\(1\)/);
  expect(row).toMatch(/invited in \d+[hd]/);

  // What the sandbox really holds.
  const invitation = (await session.cloud.listInvitations(orgId!)).find((i) => i.email === EMAIL);
  expect(invitation).toMatchObject({ expired: false, role_assignments: expectedBody.role_assignments });
});
