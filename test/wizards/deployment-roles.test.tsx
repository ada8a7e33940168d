/**
 * Deployment roles on chosen deployments, through each wizard against the real sandbox (which refuses deployment
 * ids that do not exist): the picker lists deployments by name, the review names the ids, and the sandbox receives
 * exactly the previewed body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openMemberRolesWizard, startWizardApp, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** The sandbox's deployment id for `name`. */
async function deploymentId(a: WizardApp, name: string): Promise<string> {
  const found = (await a.cloud.listDeployments()).find((d) => d.name === name);
  if (!found) throw new Error(`no deployment ${name}`);
  return found.id;
}

/** From the deployment-roles menu: `role` on the deployments named `names`, then back at the menu, done. */
async function addDeploymentRole(a: WizardApp, role: string, names: readonly string[]): Promise<void> {
  await a.pointAt('Add a deployment role');
  await a.press(KEY.enter);
  await a.waitFor('Which deployment role?');
  await a.pointAt(role);
  await a.press(KEY.enter);
  await a.waitFor('On which deployments?');
  expect(a.text()).toContain('All deployments every deployment, including ones created later');
  await a.pointAt('Chosen deployments');
  await a.press(KEY.enter);
  await a.waitFor('Which deployments?');
  for (const name of names) {
    await a.pointAt(name);
    await a.press(KEY.space);
  }
  await a.press(KEY.enter);
  await a.pointAt('Done with deployment roles');
  await a.press(KEY.enter);
}

describe('deployment roles on chosen deployments', () => {
  it('invite: the invitation carries deployment_ids of the chosen deployments', async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('dep.person@example.com');
    await app.press(KEY.enter);
    await app.waitFor('Invitation expiry');
    await app.press(KEY.enter);
    await app.waitFor('Organization role');
    await app.press(KEY.enter); // None
    await app.waitFor('Hosted deployment roles');
    await addDeploymentRole(app, 'Deployment editor', ['logging-cluster', 'legacy-siem']);
    await app.waitFor('Serverless project roles');
    await app.press(KEY.enter); // No project roles
    await app.waitFor('nothing is sent until you press enter');
    const logging = await deploymentId(app, 'logging-cluster');
    const siem = await deploymentId(app, 'legacy-siem');
    expect(app.text()).toContain(`deployment_ids in the request: logging-cluster (${logging}), legacy-siem (${siem})`);
    const expected = {
      emails: ['dep.person@example.com'],
      role_assignments: {
        deployment: [
          {
            role_id: 'deployment-editor',
            organization_id: app.sandbox.organizationId,
            all: false,
            deployment_ids: [logging, siem],
          },
        ],
      },
    };
    expect(app.previewedBodies()).toEqual([expected]);
    await app.press(KEY.enter);
    await app.waitFor('dep.person@example.com is listed as invited');
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual([
      `POST /api/v1/organizations/${app.sandbox.organizationId}/invitations`,
    ]);
    expect(writes.map((w): unknown => JSON.parse(w.body!))).toEqual([expected]);
  });

  it('member roles: a POST adds the deployment role on the chosen deployment, shown by name in the diff', async () => {
    app = await openMemberRolesWizard('bea.petrov');
    await app.press(KEY.enter); // nothing removed
    await app.waitFor('Add an organization role?');
    await app.press(KEY.enter); // No
    await app.waitFor('Hosted deployment roles to add');
    await addDeploymentRole(app, 'Deployment viewer', ['ecommerce-search']);
    await app.waitFor('Project roles to add');
    await app.press(KEY.enter); // No project roles
    await app.waitFor('nothing is sent until you press enter');
    const shop = await deploymentId(app, 'ecommerce-search');
    expect(app.text()).toContain(`+ Deployment viewer on ecommerce-search (${shop})`);
    const expected = {
      deployment: [
        {
          role_id: 'deployment-viewer',
          organization_id: app.sandbox.organizationId,
          all: false,
          deployment_ids: [shop],
        },
      ],
    };
    expect(app.previewedBodies()).toEqual([expected]);
    await app.press(KEY.enter);
    await app.waitFor('exactly the planned assignments');
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual(['POST /api/v1/users/1135936543/role_assignments']);
    expect(writes.map((w): unknown => JSON.parse(w.body!))).toEqual([expected]);
  });

  it('API key: a deployments-only key with a deployment role on the chosen deployment', async () => {
    app = await startWizardApp({ screen: 'keys' });
    await app.waitFor('Grafana dashboards');
    await app.press('n');
    await app.waitFor('What is the key for?');
    await app.type('Deploy bot');
    await app.press(KEY.enter);
    await app.waitFor('Expiration');
    await app.pointAt('30d');
    await app.press(KEY.enter);
    await app.waitFor('Where may the key act?');
    await app.pointAt('Hosted deployments only');
    await app.press(KEY.enter);
    await app.waitFor('Hosted deployment access');
    await addDeploymentRole(app, 'Deployment admin', ['logging-cluster']);
    await app.waitFor('nothing is sent until you press enter');
    const logging = await deploymentId(app, 'logging-cluster');
    expect(app.text()).toContain(`deployment_ids in the request: logging-cluster (${logging})`);
    const expected = {
      description: 'Deploy bot',
      expiration: '30d',
      role_assignments: {
        deployment: [
          {
            role_id: 'deployment-admin',
            organization_id: app.sandbox.organizationId,
            all: false,
            deployment_ids: [logging],
          },
        ],
      },
    };
    expect(app.previewedBodies()).toEqual([expected]);
    await app.press(KEY.enter);
    await app.waitFor("This is the only time this key's value is shown");
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual(['POST /api/v1/users/auth/keys']);
    expect(writes.map((w): unknown => JSON.parse(w.body!))).toEqual([expected]);
  });
});
