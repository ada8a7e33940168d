/**
 * Creating a custom role under a name a chosen project already has replaces that role whole (the PUT), for everyone
 * holding it: the wizard shows what changes against the role as it is now and who holds it, and nothing is sent
 * before the typed confirmation, as `roles create` does off a terminal (src/domain/role-replace.ts).
 */
import { afterEach, expect, it } from 'vitest';
import { KEY, openRoleWizard, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const REPLACE_STEP = 'the PUT replaces it whole';

/** Name, no description, `project`, cluster `monitor` only, no index or Kibana privileges, nobody assigned. */
async function toReplaceStep(a: WizardApp, name: string, project: string) {
  await a.press(`${name}\r`, KEY.enter);
  await a.pointAt(project);
  await a.press(KEY.space, KEY.enter);
  await a.pointAt('monitor');
  await a.press(KEY.space, KEY.enter);
  for (const step of ['Index privileges', 'Kibana feature privileges', 'Assign it to members now?']) {
    await a.waitFor(step);
    await a.press(KEY.enter); // none
  }
}

it('replacing marketing-reader shows the diff and its holders, and needs its name typed', async () => {
  app = await openRoleWizard();
  await toReplaceStep(app, 'marketing-reader', 'search-prod');
  await app.waitFor(REPLACE_STEP);
  // The diff needs the role as it is now, which is read on demand.
  await app.waitFor('+ cluster: ["monitor"]');
  const text = app.text();
  expect(text).toContain(
    'replaces the existing role "marketing-reader" in project search-prod, held by 2: Tariq Varga, Marketing ETL',
  );
  expect(text).toContain('- cluster: [] + cluster: ["monitor"]');
  expect(text).toContain('- description: "Read-only access to marketing indices" + description: (none)');
  expect(text).toContain(
    '- indices: [{"names":["marketing-*"],"privileges":["read","view_index_metadata"]}] + indices: []',
  );
  expect(text).not.toContain('transient_metadata');
  expect(text).toContain('held by Tariq Varga');
  expect(text).toContain('held by Marketing ETL');
  expect(text).toContain('Type marketing-reader to confirm');

  // A wrong phrase does not pass, and nothing has been sent.
  await app.type('marketing');
  await app.press(KEY.enter);
  await app.waitFor('Type exactly: marketing-reader');
  expect(await app.writes()).toEqual([]);

  await app.type('-reader');
  await app.press(KEY.enter);
  await app.waitFor('nothing is sent until you press enter');
  expect(await app.writes()).toEqual([]);

  await app.press(KEY.enter);
  await app.waitFor('Done.');
  const writes = await app.writes();
  expect(writes.map((w) => w.method)).toEqual(['PUT']);
  expect(writes[0]?.url).toMatch(/\/_security\/role\/marketing-reader$/);
});

it('a new name asks for no confirmation', async () => {
  app = await openRoleWizard();
  await toReplaceStep(app, 'brand-new-role', 'search-prod');
  await app.waitFor('nothing is sent until you press enter');
  expect(app.text()).not.toContain(REPLACE_STEP);
  expect(app.text()).not.toContain('replaces the existing role');
});
