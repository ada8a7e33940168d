/** Editing a member's roles against the real sandbox: before/after diff, then DELETE and POST exactly as previewed. */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openMemberRolesWizard, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('edit member roles', () => {
  it('replaces a project role: the diff is shown and DELETE then POST carry the previewed bodies', async () => {
    app = await openMemberRolesWizard('bea.petrov');
    await app.pointAt('Viewer (elasticsearch) on search-staging');
    await app.press(KEY.space, KEY.enter);
    await app.waitFor('Add an organization role?');
    await app.press(KEY.enter);
    await app.waitFor('Hosted deployment roles to add');
    await app.press(KEY.enter); // No deployment roles
    await app.waitFor('Project roles to add');
    await app.pointAt('Add a project role');
    await app.press(KEY.enter, KEY.enter); // Elasticsearch
    await app.pointAt('search-staging');
    await app.press(KEY.space, KEY.enter);
    await app.pointAt('Developer');
    await app.press(KEY.enter);
    await app.pointAt('Done with project roles');
    await app.press(KEY.enter);
    await app.waitFor('nothing is sent until you press enter');
    expect(app.text()).toContain('- Viewer (elasticsearch) on search-staging');
    expect(app.text()).toContain('+ Developer (elasticsearch) on search-staging');
    // The plan names the member as the admin knows them, not by the numeric id in the path.
    expect(app.text()).toMatch(/remove role assignments from bea\.petrov@/);
    expect(app.text()).toMatch(/add role assignments to bea\.petrov@/);
    expect(app.text()).not.toContain('role assignments to 1135936543');
    const previewed = app.previewedBodies();
    expect(previewed).toHaveLength(2);
    await app.press(KEY.enter);
    await app.waitFor('exactly the planned assignments');
    const writes = await app.writes();
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual([
      'DELETE /api/v1/users/1135936543/role_assignments',
      'POST /api/v1/users/1135936543/role_assignments',
    ]);
    expect(writes.map((w): unknown => JSON.parse(w.body!))).toEqual(previewed);
  });
});
