/**
 * Scenario 4: build a custom role in two projects and give it to a member, in one wizard (n on Roles). The plan
 * is one PUT per project with the same descriptor, then the member's assignment: the type's viewer role_id with
 * application_roles naming the role. Afterwards the Roles screen lists it in both projects, the member's details
 * show it, and the sandbox (read back through its API and each project's Elasticsearch) holds exactly that.
 */
import { expect, it } from 'vitest';
import { createEsClient } from '../../src/api/es-client.js';
import { Secret } from '../../src/util/secret.js';
import { projectIdOnScreen, reviewRequests, scrollPlanTo, tick, typeAndEnter, waitForList } from '../e2e/app-screen.js';
import { anyOf } from '../support/matchers.js';
import { startScenario, stopScenariosAfterEach } from './app.js';

stopScenariosAfterEach();

const ROLE = 'support-reader';
const PROJECTS = ['search-staging', 'vector-lab'] as const;
/** A member with no project access yet, so the custom role is all they get there (no over-grant). */
const MEMBER = 'amara.garcia@acme-analytics.example';

it(`creates ${ROLE} in ${PROJECTS.join(' and ')} and assigns it to ${MEMBER}`, async () => {
  const { app: session, screen: app } = await startScenario(120, 60);
  await waitForList(app, 'Members');
  await app.press('3');
  const before = await waitForList(app, 'Roles');
  expect(before).not.toContain(ROLE);

  await app.press('n');
  await app.waitForText('Role name');
  await typeAndEnter(app, ROLE);
  await app.waitForText('Description (optional)');
  await app.type('Reads support tickets');
  await app.press('enter');
  await app.waitForText('In which projects?');
  const projectIds: string[] = [];
  for (const project of PROJECTS) {
    await tick(app, project);
    projectIds.push(projectIdOnScreen(app, project));
  }
  await app.press('enter');
  await app.waitForText('Cluster privileges');
  await app.press('enter'); // none
  await app.waitForText('Index privileges: on which indices?');
  await app.type('support-*');
  await app.press('enter');
  await tick(app, 'read');
  await app.press('enter');
  await app.waitForText('Remove: support-*: read');
  await app.press('enter'); // Done, where the cursor rests
  await app.waitForText('Kibana feature privileges');
  await app.press('enter'); // none ticked
  await app.waitForText('Assign it to members now?');
  await tick(app, MEMBER);
  await app.press('enter');

  // The plan: the same descriptor PUT in each project, then the assignment, nothing sent yet.
  const descriptor = {
    indices: [{ names: ['support-*'], privileges: ['read'] }],
    description: 'Reads support tickets',
  };
  const requests = await reviewRequests(app);
  expect(requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'POST']);
  projectIds.forEach((id, i) => {
    expect(requests[i]!.url).toMatch(new RegExp(`/_es/${id}/_security/role/${ROLE}$`));
    expect(requests[i]!.body).toEqual(descriptor);
  });
  const userId = /\/api\/v1\/users\/(\d+)\/role_assignments$/.exec(requests[2]!.url)?.[1];
  expect(userId).toBeDefined();
  const assignment = {
    role_id: 'elasticsearch-viewer',
    all: false,
    project_ids: projectIds,
    application_roles: [ROLE],
  };
  expect(requests[2]!.body).toEqual({
    project: { elasticsearch: [{ ...assignment, organization_id: anyOf(String) }] },
  });

  await app.press('enter');
  await app.waitForText('All 3 steps done.');
  for (const project of PROJECTS) await scrollPlanTo(app, `${ROLE} is listed in ${project}`);
  await app.press('enter');

  // The Roles screen: one row per project.
  const roles = await waitForList(app, 'Roles');
  for (const project of PROJECTS) expect(roles).toMatch(new RegExp(`custom\\s+${ROLE}\\s+${project}\\s`));

  // The member: the assignment, and the effective access it gives.
  await app.press('1');
  await waitForList(app, 'Members');
  await app.press('/');
  await app.type('amara.garcia');
  await app.waitFor((s) => s.includes(`/amara.garcia`) && s.includes('▶ amara.garcia@'), 'the member to be selected');
  await app.press('enter'); // keep the filter
  await app.waitFor((s) => !/keep filter/.test(s), 'the list to take the keyboard back');
  await app.press('enter'); // details
  const details = await app.waitForText(`Member: ${MEMBER}`);
  expect(details).toContain(`application_roles: ${ROLE} (custom)`);
  for (const project of PROJECTS) expect(details).toMatch(new RegExp(`${project} \\(elasticsearch\\)\\s+${ROLE}`));

  // The sandbox: the role exists in both projects with that descriptor, and the member holds the assignment.
  const { cloud, sandbox } = session;
  const projects = await cloud.listProjects('elasticsearch');
  for (const name of PROJECTS) {
    const project = projects.find((p) => p.name === name)!;
    const es = createEsClient({
      projectId: project.id,
      baseUrl: project.endpoints.elasticsearch,
      apiKey: new Secret(sandbox.ownerKey),
      env: {},
    });
    expect(await es.getRole(ROLE)).toMatchObject(descriptor);
  }
  const member = (await cloud.listMembers(sandbox.organizationId)).find((m) => m.email === MEMBER);
  expect(member?.user_id).toBe(userId);
  expect(member?.role_assignments?.project?.elasticsearch).toEqual([expect.objectContaining(assignment)]);
});
