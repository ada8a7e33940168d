/**
 * Every finding the doctor reports on the seeded sandbox: `enter` opens the wizard or typed confirmation that applies
 * its fix, pre-filled from the record the finding is about, and `esc` comes back to the doctor with nothing sent.
 */
import { afterEach, expect, it } from 'vitest';
import { ProjectList } from '../../src/api/schemas.js';
import { KEY, startWizardApp, type WizardApp } from '../wizards/harness.js';
import { openFix, openSeededDoctor, sandboxGet, SEEDED_COUNTS, waitForText } from './sandbox-doctor.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** In the doctor's order: the row to pick, then what the opened fix must show. */
const FIXES: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'Key "Nightly snapshot check" expires',
    [
      'Replace API key Nightly snapshot check',
      'What is the key for?',
      '▶ Nightly snapshot check',
      'Replaces "Nightly snapshot check" (',
      'The old key keeps working until you revoke it',
    ],
  ],
  [
    'omar.dubois@acme-analytics.example gets developer',
    [
      'Invite people',
      'Who should be invited?',
      '▶ omar.dubois@acme-analytics.example',
      'Replaces the invitation to omar.dubois@acme-analytics.example: it is cancelled and sent again without Developer (elasticsearch) on search-prod.',
      'already has a pending invitation',
    ],
  ],
  [
    'Nico Petrov gets developer',
    [
      'Remove a role assignment from',
      'Developer (elasticsearch)',
      'Type nico.petrov@acme-analytics.example to confirm',
    ],
  ],
  [
    '"marketing-reader" of Marketing ETL',
    [
      'Create custom role marketing-reader',
      'Role name',
      '▶ marketing-reader',
      'Copied from search-prod, where "marketing-reader" exists, so it means the same in search-staging, vector-lab.',
    ],
  ],
  [
    'Platform automation has [admin]',
    [
      'Replace API key Platform automation',
      '▶ Platform automation',
      'except: organization-scoped stack access becomes all-projects-of-a-type entries, so it no longer reaches every future project',
    ],
  ],
  [
    'Key "Legacy uptime monitor" never expires',
    ['Replace API key Legacy uptime monitor', 'Replaces "Legacy uptime monitor" (', '), which never expires.'],
  ],
  [
    'Key "Terraform org management" can call',
    [
      'Replace API key Terraform org management',
      "except: each project role also becomes the key's stack role (keys never inherit it from role_id)",
      'The old key has no project roles to take stack access from: choose the projects and the stack roles the new key needs.',
    ],
  ],
  ['active keys named "Grafana dashboards"', ['Revoke API key Grafana dashboards', 'This key stops working at once']],
  [
    'Invitation to zoe.nakamura@acme-analytics.example expired',
    [
      'Invite people',
      '▶ zoe.nakamura@acme-analytics.example',
      'Invites zoe.nakamura@acme-analytics.example again with the roles of the invitation that expired on',
    ],
  ],
  [
    'Invitation to tariq.zimmermann@acme-analytics.example has been pending',
    [
      'Cancel the invitation to tariq.zimmermann@acme-analytics.example',
      'Type tariq.zimmermann@acme-analytics.example to confirm',
    ],
  ],
  ['Tomas Xu has no role anywhere', ['Edit member roles', 'Which current assignments should go?']],
];

it('every finding on the seeded organization opens its fix pre-filled, and esc sends nothing', async () => {
  app = await openSeededDoctor();
  for (const [row, shows] of FIXES) {
    await openFix(app, row);
    for (const text of shows) await waitForText(app, text);
    await app.press(KEY.escape);
    await app.waitFor(SEEDED_COUNTS);
  }
  // Every finding was visited: the last one is the doctor's last row.
  expect(
    app
      .frame()
      .split('\n')
      .find((l) => l.includes('▶')),
  ).toContain('Tomas Xu has no role anywhere');
  expect(await app.writes()).toEqual([]);
});

it('a custom role that exists in no project: the role wizard starts empty, for the projects named, and says so', async () => {
  app = await startWizardApp();
  await app.waitFor('Members[');
  const { baseUrl, ownerKey, organizationId } = app.sandbox;
  const headers = { authorization: `ApiKey ${ownerKey}`, 'content-type': 'application/json' };
  const projects = (await sandboxGet(app, '/serverless/projects/elasticsearch', ProjectList)).items;
  const staging = projects.find((p) => p.name === 'search-staging')!.id;
  const created = await fetch(`${baseUrl}/api/v1/users/auth/keys`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      description: 'Ghost reader',
      expiration: '30d',
      role_assignments: {
        project: {
          elasticsearch: [
            {
              role_id: 'elasticsearch-viewer',
              organization_id: organizationId,
              all: false,
              project_ids: [staging],
              application_roles: ['ghost-reader'],
            },
          ],
        },
      },
    }),
  });
  expect(created.status).toBe(201);
  await app.press('4', 'r'); // the key list, re-read
  await app.waitFor('Ghost reader');
  await app.press('D');
  await app.waitFor('"ghost-reader" of Ghost reader does not exist in search-staging');
  await openFix(app, '"ghost-reader" of Ghost reader');
  await app.waitFor('Create custom role ghost-reader');
  await waitForText(
    app,
    '"ghost-reader" exists in no project ec-access can read, so there is nothing to copy: this starts from an empty role.',
  );
  expect(app.frame()).toContain('▶ ghost-reader');
  await app.press(KEY.enter);
  await app.waitFor('Description (optional)');
  await app.press(KEY.enter);
  await app.waitFor('In which projects?');
  expect(app.frame()).toMatch(/\[x\] search-staging/);
  expect(app.frame()).not.toMatch(/\[x\] search-prod/);
});
