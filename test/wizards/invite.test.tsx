/** The invite wizard against the real sandbox: what the preview shows is what the sandbox receives. */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, startWizardApp, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** From the project-roles menu: add the role labelled `role` on search-prod (the first Elasticsearch project). */
async function addFirstProjectRole(a: WizardApp, role: string) {
  await a.waitFor('Serverless project roles');
  await a.press('g', KEY.down, KEY.enter); // Add a project role…
  await a.waitFor('Which kind of project?');
  await a.press(KEY.enter); // Elasticsearch
  await a.waitFor('On which projects?');
  await a.pointAt('search-prod');
  await a.press(KEY.space, KEY.enter);
  await a.waitFor('Which role?');
  await a.pointAt(role);
  await a.press(KEY.enter);
}

describe('invite wizard', () => {
  it('invites new addresses (duplicates removed) and sends exactly the previewed body', async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('new.person@example.com, New.Person@example.com other@example.com');
    await app.waitFor('1 duplicate removed');
    await app.press(KEY.enter);
    await app.waitFor('Invitation expiry');
    await app.type('5d');
    await app.press(KEY.enter);
    await app.waitFor('Organization role');
    await app.press(KEY.enter); // None
    await app.waitFor('Hosted deployment role');
    await app.press(KEY.enter); // None
    await addFirstProjectRole(app, 'Developer');
    await app.waitFor('Serverless project roles');
    await app.press('g', KEY.enter); // Done
    await app.waitFor('nothing is sent until you press enter');
    const frame = app.frame();
    expect(frame).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/organizations\/\d+\/invitations/);
    const [previewed] = app.previewedBodies();
    expect(previewed).toMatchObject({ emails: ['new.person@example.com', 'other@example.com'], expires_in: '5d' });
    expect(await app.writes()).toEqual([]);
    await app.press(KEY.enter);
    await app.waitFor('other@example.com is listed as invited');
    const writes = await app.writes();
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!.body!)).toEqual(previewed);
  });

  it('switches an existing member to a role update (POST role_assignments) instead of inviting', async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('tomas.xu@acme-analytics.example');
    await app.waitFor('tomas.xu@acme-analytics.example is already a member: their roles will be updated');
    await app.press(KEY.enter);
    await app.waitFor('Organization role'); // no expiry question: nobody is invited
    await app.press(KEY.enter, KEY.enter);
    await addFirstProjectRole(app, 'Developer');
    await app.press('g', KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    expect(app.frame()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\/3070813066\/role_assignments/);
    expect(app.frame()).not.toContain('/invitations');
    const previewed = app.previewedBodies();
    await app.press(KEY.enter);
    await app.waitFor('tomas.xu@acme-analytics.example now holds the chosen roles');
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual(['POST /api/v1/users/3070813066/role_assignments']);
    expect(writes.map((w): unknown => JSON.parse(w.body!))).toEqual(previewed);
  });

  it('offers to cancel and resend a pending invitation, and sends DELETE then POST', async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('amara.castillo@acme-analytics.example');
    await app.waitFor('amara.castillo@acme-analytics.example already has a pending invitation');
    await app.press(KEY.enter);
    await app.waitFor('What should happen to them?');
    await app.press(KEY.enter); // Cancel and resend
    await app.waitFor('Invitation expiry');
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter); // default expiry, no org/deployment/project roles
    await app.waitFor('nothing is sent until you press enter');
    expect(app.frame()).toMatch(/1\. . pending\s+cancel 1 invitation/);
    expect(app.frame()).toMatch(/2\. . pending\s+invite amara\.castillo/);
    const previewed = app.previewedBodies();
    await app.press(KEY.enter);
    await app.waitFor('amara.castillo@acme-analytics.example is listed as invited');
    const writes = await app.writes();
    expect(writes.map((w) => w.method)).toEqual(['DELETE', 'POST']);
    expect(writes[0]!.url).toMatch(/^\/api\/v1\/organizations\/\d+\/invitations\/.+/);
    expect([JSON.parse(writes[1]!.body!)]).toEqual(previewed);
  });

  it('refuses a predefined role next to a custom role on the same project, explaining the over-grant', async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('overgrant@example.com');
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await addFirstProjectRole(app, 'Developer');
    await addFirstProjectRole(app, 'marketing-reader');
    await app.press('g', KEY.enter);
    await app.waitFor('Refused.');
    expect(app.text()).toContain(
      "roles combine on sign-in, so the predefined role would override the custom role's restrictions",
    );
    await app.press(KEY.enter);
    await app.waitFor('Refused.');
    expect(await app.writes()).toEqual([]);
  });

  it('custom role: invites without project roles, accepts in the sandbox, then assigns viewer + application_roles', async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('analyst@example.com');
    await app.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await addFirstProjectRole(app, 'marketing-reader');
    await app.press('g', KEY.enter);
    await app.waitFor('Custom roles follow the onboarding flow');
    const [invitation] = app.previewedBodies();
    expect(invitation).toEqual({ emails: ['analyst@example.com'] });
    await app.press(KEY.enter);
    await app.waitFor('c continue');
    await app.press('c');
    await app.waitFor('Waiting for the invitation to be accepted');
    await app.press('a');
    await app.waitFor('Nothing has been sent yet');
    const [assignment] = app.previewedBodies();
    expect(assignment).toEqual({
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-viewer',
            organization_id: app.sandbox.organizationId,
            all: false,
            project_ids: ['069c43a8c3b7cf3c25632b92409d3fb6'],
            application_roles: ['marketing-reader'],
          },
        ],
      },
    });
    await app.press(KEY.enter);
    await app.waitFor('Done.');
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url.replace(/\d{6,}/g, 'N')}`)).toEqual([
      'POST /api/v1/organizations/N/invitations',
      'POST /api/v1/users/N/role_assignments',
    ]);
    expect(JSON.parse(writes[0]!.body!)).toEqual(invitation);
    expect(JSON.parse(writes[1]!.body!)).toEqual(assignment);
  });

  it('esc steps back with every answer kept', async () => {
    app = await startWizardApp();
    await app.waitFor('ada.garcia@');
    await app.press('n');
    await app.waitFor('Who should be invited?');
    await app.type('kept@example.com');
    await app.press(KEY.enter);
    await app.waitFor('Invitation expiry');
    await app.type('2d');
    await app.press(KEY.enter, KEY.escape);
    await app.waitFor(/Invitation expiry[\s\S]*2d/);
    await app.press(KEY.escape);
    await app.waitFor('kept@example.com');
    expect(app.frame()).toContain('Who should be invited?');
  });
});
