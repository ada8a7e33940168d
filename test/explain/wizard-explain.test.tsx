/** In a wizard, each step shows its why-line, and `i` opens and closes the longer explanation. */
import { afterEach, expect, it } from 'vitest';
import { KEY, openMemberRolesWizard, openRoleWizard, startWizardApp, type WizardApp } from '../wizards/harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

it('the key wizard explains its expiry step on i, and i again hides it', async () => {
  app = await startWizardApp({ screen: 'keys' });
  await app.waitFor(/Keys\[\d+/);
  await app.press('n');
  await app.waitFor('What is the key for?');
  await app.type('ci pipeline');
  await app.press(KEY.enter);
  await app.waitFor('Expiration');
  expect(app.frame()).toMatch(/Why \(i more\): Give every key an expiry/);
  expect(app.frame()).not.toMatch(/A key without expiration works until someone revokes it/);
  await app.press('i');
  await app.waitFor('A key without expiration works until someone revokes it');
  expect(app.frame()).toMatch(/Why \(i less\)/);
  await app.press('i');
  await app.waitFor(/Why \(i more\)/);
  expect(app.frame()).not.toMatch(/A key without expiration works until someone revokes it/);
});

it('in a text step i is typed, not a toggle', async () => {
  app = await startWizardApp({ screen: 'keys' });
  await app.waitFor(/Keys\[\d+/);
  await app.press('n');
  await app.waitFor('What is the key for?');
  await app.type('xi-pipeline');
  expect(app.frame()).toContain('xi-pipeline');
  expect(app.frame()).toMatch(/Why: Give every key an expiry/);
  expect(app.frame()).not.toMatch(/A key without expiration works until someone revokes it/);
});

it('the custom role wizard explains each step from the catalogue, and i opens the longer text', async () => {
  app = await openRoleWizard();
  expect(app.frame()).toMatch(/Why: Start with a letter or digit/);
  await app.type('mkt-reader');
  await app.press(KEY.enter);
  await app.waitFor('Description (optional)');
  expect(app.frame()).toMatch(/Why: Prefer a predefined role/);
  await app.press(KEY.enter);
  await app.waitFor('In which projects?');
  expect(app.frame()).toMatch(/Why \(i more\): A custom role must be created in every project/);
  await app.press('i');
  await app.waitFor('creates the role in one project only');
  await app.press('i');
  await app.waitFor(/Why \(i more\)/);
});

it('the member roles wizard explains its steps, including the shared project-role steps', async () => {
  app = await openMemberRolesWizard('bea.petrov');
  expect(app.frame()).toMatch(/Why \(i more\): There is no "replace"/);
  await app.press(KEY.enter);
  await app.waitFor('Add an organization role?');
  expect(app.frame()).toMatch(/Why \(i more\): organization-admin \(owner\)/);
  await app.press(KEY.enter);
  await app.waitFor('Hosted deployment roles to add');
  expect(app.frame()).toMatch(/Why \(i more\): Deployment roles are for hosted/);
  await app.press(KEY.enter);
  await app.waitFor('Project roles to add');
  await app.pointAt('Add a project role');
  await app.press(KEY.enter);
  await app.waitFor('Which kind of project?');
  expect(app.frame()).toMatch(/Why \(i more\): On the wire, project roles are prefixed/);
  await app.press(KEY.enter);
  await app.waitFor('On which projects?');
  expect(app.frame()).toMatch(/Why \(i more\): A project role names its projects/);
});
