/** The API key wizard against the real sandbox: scope, expiry, stack access, warnings, reuse, one-time secret. */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, startWizardApp, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function openKeyWizard(): Promise<WizardApp> {
  const a = await startWizardApp({ screen: 'keys' });
  await a.waitFor('Grafana dashboards');
  await a.press('n');
  await a.waitFor('What is the key for?');
  return a;
}

/** Description, a 30d expiry and chosen projects, up to the stack-access question. */
async function toStackAccess(a: WizardApp, description: string, projects: readonly string[]) {
  await a.type(description);
  await a.press(KEY.enter);
  await a.waitFor('Expiration');
  await a.pointAt('30d');
  await a.press(KEY.enter);
  await a.waitFor('Where may the key act?');
  await a.pointAt('Chosen projects');
  await a.press(KEY.enter);
  for (const p of projects) {
    await a.pointAt(p);
    await a.press(KEY.space);
  }
  await a.press(KEY.enter);
  await a.waitFor('Cloud role on those projects');
  await a.pointAt('Developer');
  await a.press(KEY.enter);
  await a.waitFor('Stack access (application_roles)');
}

describe('API key wizard', () => {
  it('creates a project-scoped key with stack access; preview equals what was sent; the secret panel shows it once, masked', async () => {
    app = await openKeyWizard();
    await toStackAccess(app, 'CI pipeline - ES ingest', ['search-prod']);
    await app.pointAt('developer');
    await app.press(KEY.space, KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    expect(app.frame()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\/auth\/keys/);
    const [previewed] = app.previewedBodies();
    expect(previewed).toEqual({
      description: 'CI pipeline - ES ingest',
      expiration: '30d',
      role_assignments: {
        project: {
          elasticsearch: [
            {
              role_id: 'elasticsearch-developer',
              organization_id: app.sandbox.organizationId,
              all: false,
              project_ids: ['069c43a8c3b7cf3c25632b92409d3fb6'],
              application_roles: ['developer'],
            },
          ],
        },
      },
    });
    expect(app.text()).not.toContain('Cloud-only key');
    await app.press(KEY.enter);
    // The wizard gives way to the one-time secret panel, which keeps the verified result in view.
    await app.waitFor('This is the only time');
    expect(app.frame()).toMatch(/The key list now shows "CI pipeline - ES ingest" \(\S+\) with the chosen roles/);
    const writes = await app.writes();
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!.body!)).toEqual(previewed);
    const masked = app.frame();
    expect(masked).toContain('(masked: v reveals it)');
    await app.press('v');
    await app.waitFor('(revealed: v hides it)');
    expect(app.frame()).not.toEqual(masked);
    // enter does not close it: the typed acknowledgement does.
    await app.press(KEY.enter);
    await app.waitFor('Type saved and press enter to close');
    await app.type('saved');
    await app.press(KEY.enter);
    await app.waitFor('cannot be shown again');
    expect(app.frame()).not.toContain('This is the only time');
    expect(app.frame()).toContain('CI pipeline - ES ingest');
  });

  it('labels a key without stack access Cloud-only before creating it', async () => {
    app = await openKeyWizard();
    await toStackAccess(app, 'Cloud automation', ['search-staging']);
    await app.waitFor('Cloud-only key: no stack access');
    await app.press(KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    expect(app.text()).toContain(
      'Cloud-only key: no stack access, so Elasticsearch and Kibana calls with it get 403 Forbidden',
    );
    expect(app.previewedBodies()[0]).not.toHaveProperty('role_assignments.project.elasticsearch.0.application_roles');
  });

  it('warns per project where a chosen custom role does not exist', async () => {
    app = await openKeyWizard();
    await toStackAccess(app, 'Marketing export', ['search-prod', 'search-staging']);
    await app.pointAt('marketing-reader');
    await app.press(KEY.space);
    await app.waitFor(/marketing-reader does not exist in search-staging/);
    expect(app.text()).toContain('the key will silently get no access in search-staging');
    expect(app.text()).not.toContain('does not exist in search-prod');
    await app.press(KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    expect(app.text()).toContain('the key will silently get no access in search-staging');
  });

  it('organization-scoped stack access needs the typed confirmation "all projects"', async () => {
    app = await openKeyWizard();
    await app.type('Org-wide reporting');
    await app.press(KEY.enter);
    await app.pointAt('7d');
    await app.press(KEY.enter);
    await app.pointAt('The whole organization');
    await app.press(KEY.enter);
    await app.waitFor('Organization role');
    await app.pointAt('Organization owner');
    await app.press(KEY.enter);
    await app.waitFor('Stack access (application_roles)');
    await app.pointAt('viewer');
    await app.press(KEY.space, KEY.enter);
    await app.waitFor('Type "all projects"');
    await app.type('all');
    await app.press(KEY.enter);
    await app.waitFor('Type exactly: all projects');
    await app.type(' projects');
    await app.press(KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    expect(app.previewedBodies()[0]).toMatchObject({
      role_assignments: {
        organization: [
          { role_id: 'organization-admin', organization_id: app.sandbox.organizationId, application_roles: ['viewer'] },
        ],
      },
    });
  });

  it('offers to reuse an active key with the same description and enough lifetime, and sends nothing', async () => {
    app = await openKeyWizard();
    await app.type('Read-only reporting');
    await app.waitFor('A key with this description exists');
    await app.press(KEY.enter);
    await toStackAccessAfterDescription(app);
    await app.press(KEY.enter);
    await app.waitFor('An active key already does this');
    await app.pointAt('Reuse "Read-only reporting"');
    await app.press(KEY.enter);
    await app.waitFor('Reusing key "Read-only reporting"');
    expect(await app.writes()).toEqual([]);
  });

  it('"never" needs an explicit acknowledgement, and "no" goes back to the expiration', async () => {
    app = await openKeyWizard();
    await app.type('Forever');
    await app.press(KEY.enter);
    await app.pointAt('Never');
    await app.press(KEY.enter);
    await app.waitFor('works until someone revokes it');
    await app.pointAt('No, choose an expiration');
    await app.press(KEY.enter);
    await app.waitFor('Expiration');
    expect(app.frame()).toMatch(/\(•\) 90d/);
  });
});

async function toStackAccessAfterDescription(a: WizardApp) {
  await a.pointAt('30d');
  await a.press(KEY.enter);
  await a.pointAt('Chosen projects');
  await a.press(KEY.enter);
  await a.pointAt('search-staging');
  await a.press(KEY.space, KEY.enter);
  await a.pointAt('Viewer');
  await a.press(KEY.enter);
  await a.waitFor('Stack access (application_roles)');
}
