/**
 * Each kind of fix the doctor offers on the seeded sandbox, carried all the way: enter on the finding, through the
 * pre-filled wizard or typed confirmation, requests sent to the sandbox, and back in the doctor the finding is gone
 * (and no other appeared: the counts are exact).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InvitationList, MemberList, ProjectList } from '../../src/api/schemas.js';
import { KEY, startWizardApp, type WizardApp } from '../wizards/harness.js';
import {
  confirmTyped,
  expectDoctorWithout,
  openFix,
  openSeededDoctor,
  sandboxGet,
  sandboxKeys,
  SEEDED_COUNTS,
  waitForText,
} from './sandbox-doctor.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Enter on each step of a pre-filled wizard (its answer kept), checking each step's title; then, by default, the review. */
async function acceptSteps(a: WizardApp, titles: readonly string[], review = true): Promise<void> {
  for (const title of titles) {
    await waitForText(a, title);
    await a.press(KEY.enter);
  }
  if (review) await a.waitFor('nothing is sent until you press enter');
}

/**
 * After the new key is sent: the wizard gives way to its value (typed acknowledgement to close), then the old key's
 * typed revocation. The old and the new key share a description, so the phrase is the old key's id: it cannot
 * revoke the new one.
 */
async function saveValueThenRevoke(a: WizardApp, oldId: string): Promise<void> {
  await a.waitFor("This is the only time this key's value is shown");
  await a.press(KEY.enter);
  await a.waitFor('Type saved and press enter to close');
  await a.type('saved');
  await a.press(KEY.enter);
  await a.waitFor('Revoke API key');
  expect(await confirmTyped(a)).toBe(oldId);
  await a.press(KEY.enter);
}

async function keyId(a: WizardApp, description: string): Promise<string> {
  const found = (await sandboxKeys(a)).filter((k) => k.description === description);
  expect(found).toHaveLength(1);
  return found[0]!.id;
}

describe('key fixes: a new key like the old one, its value kept, then the old one revoked', () => {
  it('rotate-key: a never-expiring key is replaced by the same access for 90 days', async () => {
    app = await openSeededDoctor();
    const oldId = await keyId(app, 'Legacy uptime monitor');
    await openFix(app, 'Key "Legacy uptime monitor" never expires');
    await acceptSteps(app, [
      'What is the key for?',
      'Expiration',
      'Where may the key act?',
      'Which project types?',
      'Cloud role on those projects',
      'Stack access (application_roles)',
    ]);
    const org = app.sandbox.organizationId;
    const previewed = {
      description: 'Legacy uptime monitor',
      expiration: '90d',
      role_assignments: {
        project: {
          observability: [
            { role_id: 'observability-viewer', organization_id: org, all: true, application_roles: ['viewer'] },
          ],
        },
      },
    };
    expect(app.previewedBodies()).toEqual([previewed]);
    await app.press(KEY.enter);
    await saveValueThenRevoke(app, oldId);
    await expectDoctorWithout(app, 'Key "Legacy uptime monitor" never expires', '0 critical · 7 warning · 6 info');
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual([
      'POST /api/v1/users/auth/keys',
      'DELETE /api/v1/users/auth/keys',
    ]);
    expect(JSON.parse(writes[0]!.body!)).toEqual(previewed);
    expect(JSON.parse(writes[1]!.body!)).toEqual({ keys: [oldId] });
    const left = (await sandboxKeys(app)).filter((k) => k.description === 'Legacy uptime monitor');
    expect(left.map((k) => k.id)).not.toContain(oldId);
    expect(left).toHaveLength(1);
  });

  it('create-key-like (projectScoped): org-scoped [admin] becomes all-projects-of-each-type admin; the owner role is kept', async () => {
    app = await openSeededDoctor();
    const oldId = await keyId(app, 'Platform automation');
    await openFix(app, 'Platform automation has [admin]');
    await acceptSteps(app, [
      'What is the key for?',
      'Expiration',
      'Where may the key act?',
      'Which project types?',
      'Cloud role on those projects',
      'The old key also has an organization role. Keep it on the new key?',
      'Stack access (application_roles)',
    ]);
    const org = app.sandbox.organizationId;
    const admin = (type: string) => [
      { role_id: `${type}-admin`, organization_id: org, all: true, application_roles: ['admin'] },
    ];
    const [previewed] = app.previewedBodies();
    expect(previewed).toMatchObject({
      description: 'Platform automation',
      role_assignments: {
        organization: [{ role_id: 'organization-admin', organization_id: org }],
        project: {
          elasticsearch: admin('elasticsearch'),
          observability: admin('observability'),
          security: admin('security'),
        },
      },
    });
    await app.press(KEY.enter);
    await saveValueThenRevoke(app, oldId);
    await expectDoctorWithout(app, 'Platform automation has [admin]', '0 critical · 7 warning · 6 info');
    expect((await app.writes()).map((w) => w.method)).toEqual(['POST', 'DELETE']);
  });

  it('create-key-like (addStackAccess): the Cloud-only key gets stack access on the projects chosen', async () => {
    app = await openSeededDoctor();
    const oldId = await keyId(app, 'Terraform org management');
    await openFix(app, 'Key "Terraform org management" can call');
    await acceptSteps(app, ['What is the key for?', 'Expiration', 'Where may the key act?'], false);
    await waitForText(app, 'Which projects?');
    await app.pointAt('search-prod');
    await app.press(KEY.space, KEY.enter);
    await waitForText(app, 'Cloud role on those projects');
    await app.pointAt('Viewer');
    await app.press(KEY.enter);
    await waitForText(app, 'Keep it on the new key?');
    await app.press(KEY.enter); // keep the organization owner role, as the old key has it
    await waitForText(app, 'Stack access (application_roles)');
    await app.pointAt('viewer');
    await app.press(KEY.space, KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    // What the pre-fill could not carry over is said above the plan as well.
    await waitForText(app, 'The old key has no project roles to take stack access from');
    const org = app.sandbox.organizationId;
    const searchProd = (await sandboxGet(app, '/serverless/projects/elasticsearch', ProjectList)).items.find(
      (p) => p.name === 'search-prod',
    )!.id;
    expect(app.previewedBodies()[0]).toMatchObject({
      description: 'Terraform org management',
      role_assignments: {
        organization: [{ role_id: 'organization-admin', organization_id: org }],
        project: {
          elasticsearch: [
            {
              role_id: 'elasticsearch-viewer',
              organization_id: org,
              all: false,
              project_ids: [searchProd],
              application_roles: ['viewer'],
            },
          ],
        },
      },
    });
    await app.press(KEY.enter);
    await saveValueThenRevoke(app, oldId);
    await expectDoctorWithout(app, 'Key "Terraform org management" can call', '0 critical · 8 warning · 5 info');
  });

  it('revoke-keys: the older of the duplicate pair goes, the newer one stays', async () => {
    app = await openSeededDoctor();
    const pair = (await sandboxKeys(app)).filter((k) => k.description === 'Grafana dashboards');
    const older = [...pair].sort((a, b) => Date.parse(a.creation_date) - Date.parse(b.creation_date))[0]!;
    await openFix(app, 'active keys named "Grafana dashboards"');
    await app.waitFor('Revoke API key Grafana dashboards');
    expect(await confirmTyped(app)).toBe(older.id);
    await app.press(KEY.enter);
    await expectDoctorWithout(app, 'active keys named "Grafana dashboards"', '0 critical · 8 warning · 5 info');
    expect((await sandboxKeys(app)).filter((k) => k.description === 'Grafana dashboards')).toHaveLength(1);
  });
});

describe('role and people fixes', () => {
  it('create-custom-role: marketing-reader is copied from search-prod into the two projects that lack it', async () => {
    app = await openSeededDoctor();
    await openFix(app, '"marketing-reader" of Marketing ETL');
    await waitForText(app, 'Copied from search-prod');
    await acceptSteps(app, [
      'Role name',
      'Description (optional)',
      'In which projects?',
      'Cluster privileges',
      'Index privileges',
      'Kibana feature privileges',
      'Assign it to members now?',
    ]);
    const copy = {
      description: 'Read-only access to marketing indices',
      indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }],
    };
    expect(app.previewedBodies()).toEqual([copy, copy]);
    await app.press(KEY.enter);
    await app.waitFor('marketing-reader is listed in vector-lab');
    await app.press(KEY.enter);
    await expectDoctorWithout(app, '"marketing-reader" of Marketing ETL', '0 critical · 7 warning · 6 info');
    const writes = await app.writes();
    expect(writes.map((w) => w.method)).toEqual(['PUT', 'PUT']);
    for (const w of writes) expect(JSON.parse(w.body!)).toEqual(copy);
  });

  it('edit-member-roles: the predefined role on top of the custom one is removed', async () => {
    app = await openSeededDoctor();
    await openFix(app, 'Nico Petrov gets developer');
    await app.waitFor('Remove a role assignment from');
    await confirmTyped(app);
    await app.press(KEY.enter);
    await expectDoctorWithout(app, 'Nico Petrov gets developer', '0 critical · 7 warning · 6 info');
  });

  it('replace-invitation: cancelled and sent again without the predefined role (the custom role follows acceptance)', async () => {
    app = await openSeededDoctor();
    const email = 'omar.dubois@acme-analytics.example';
    await openFix(app, `${email} gets developer`);
    await acceptSteps(app, [
      'Who should be invited?',
      'Some addresses already have a pending invitation',
      'Invitation expiry',
      'Organization role',
      'Hosted deployment role',
      'Serverless project roles',
    ]);
    expect(app.frame()).toMatch(/DELETE http:\/\/127\.0\.0\.1:\d+\/api\/v1\/organizations\/\d+\/invitations\//);
    expect(app.previewedBodies()).toEqual([{ emails: [email] }]);
    await app.press(KEY.enter);
    await waitForText(app, `${email} is listed as invited`);
    await app.press(KEY.enter);
    await expectDoctorWithout(app, `${email} gets developer`, '0 critical · 7 warning · 6 info');
    expect((await app.writes()).map((w) => w.method)).toEqual(['DELETE', 'POST']);
  });

  it('resend-invitation: the expired invitation is sent again with its roles', async () => {
    app = await openSeededDoctor();
    const email = 'zoe.nakamura@acme-analytics.example';
    await openFix(app, `Invitation to ${email} expired`);
    await acceptSteps(app, [
      'Who should be invited?',
      'Invitation expiry',
      'Organization role',
      'Hosted deployment role',
      'Serverless project roles',
    ]);
    const org = app.sandbox.organizationId;
    expect(app.previewedBodies()).toEqual([
      {
        emails: [email],
        role_assignments: { project: { security: [{ role_id: 'security-viewer', organization_id: org, all: true }] } },
      },
    ]);
    await app.press(KEY.enter);
    await waitForText(app, `${email} is listed as invited`);
    await app.press(KEY.enter);
    await expectDoctorWithout(app, `Invitation to ${email} expired`, '0 critical · 8 warning · 5 info');
  });

  it('cancel-invitation: the invitation pending past its default life is cancelled', async () => {
    app = await openSeededDoctor();
    await openFix(app, 'Invitation to tariq.zimmermann@acme-analytics.example has been pending');
    expect(await confirmTyped(app)).toBe('tariq.zimmermann@acme-analytics.example');
    await app.press(KEY.enter);
    await expectDoctorWithout(
      app,
      'Invitation to tariq.zimmermann@acme-analytics.example has been pending',
      '0 critical · 8 warning · 5 info',
    );
  });

  it('assign-member-roles: the member without roles gets one', async () => {
    app = await openSeededDoctor();
    await openFix(app, 'Tomas Xu has no role anywhere');
    await acceptSteps(
      app,
      ['Which current assignments should go?', 'Add an organization role?', 'Hosted deployment roles to add'],
      false,
    );
    await app.pointAt('Add a project role');
    await app.press(KEY.enter);
    await waitForText(app, 'Which kind of project?');
    await app.press(KEY.enter); // Elasticsearch
    await waitForText(app, 'On which projects?');
    await app.pointAt('search-prod');
    await app.press(KEY.space, KEY.enter);
    await waitForText(app, 'Which role?');
    await app.pointAt('Viewer');
    await app.press(KEY.enter);
    await app.pointAt('Done with project roles');
    await app.press(KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    await app.press(KEY.enter);
    await waitForText(app, 'The re-read member shows exactly the planned assignments');
    await app.press(KEY.enter);
    await expectDoctorWithout(app, 'Tomas Xu has no role anywhere', '0 critical · 8 warning · 5 info');
  });

  it('invite-owner: with the second owner gone, a new owner is invited; once accepted the finding is gone', async () => {
    app = await startWizardApp();
    await app.waitFor('Members[');
    const { organizationId: org, baseUrl, ownerKey, controlUrl } = app.sandbox;
    const auth = { authorization: `ApiKey ${ownerKey}` };
    const { members } = await sandboxGet(app, `/organizations/${org}/members`, MemberList);
    const self = (await sandboxKeys(app)).find((k) => k.id === app!.sandbox.ownerKeyId)!.user_id;
    const second = members.find(
      (m) => m.user_id !== self && m.role_assignments?.organization?.some((o) => o.role_id === 'organization-admin'),
    )!;
    expect(
      (
        await fetch(`${baseUrl}/api/v1/organizations/${org}/members/${second.user_id}`, {
          method: 'DELETE',
          headers: auth,
        })
      ).status,
    ).toBe(200);
    // The list shows emails whole; a long name may be cut.
    await app.waitFor(second.email!);
    await app.press('r');
    await app.waitUntil((f) => !f.includes(second.email!), `${second.email!} gone after the refresh`);
    await app.press('D');
    await app.waitFor('0 critical · 9 warning · 6 info');
    await openFix(app, 'is the only organization owner');
    await waitForText(app, 'Who should be invited?');
    await app.type('new.owner@example.com');
    await acceptSteps(app, [
      'Who should be invited?',
      'Invitation expiry',
      'Organization role',
      'Hosted deployment role',
      'Serverless project roles',
    ]);
    expect(app.previewedBodies()).toEqual([
      {
        emails: ['new.owner@example.com'],
        role_assignments: { organization: [{ role_id: 'organization-admin', organization_id: org }] },
      },
    ]);
    await app.press(KEY.enter);
    await waitForText(app, 'new.owner@example.com is listed as invited');
    await app.press(KEY.enter);
    // An invitation is not an owner yet: the finding stays until it is accepted.
    await app.waitFor('0 critical · 9 warning · 6 info');
    const invitation = (await sandboxGet(app, `/organizations/${org}/invitations`, InvitationList)).invitations.find(
      (i) => i.email === 'new.owner@example.com',
    )!;
    expect(
      (await fetch(`${controlUrl}/invitations/${invitation.token}/_accept`, { method: 'POST', body: '{}' })).status,
    ).toBe(200);
    await app.press(KEY.escape);
    await app.press('r');
    await app.press('D');
    await expectDoctorWithout(app, 'is the only organization owner', SEEDED_COUNTS);
  });
});
