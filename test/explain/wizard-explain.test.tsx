/** In a wizard, each step shows its why-line, and `i` opens and closes the longer explanation. */
import { afterEach, expect, it } from 'vitest';
import { KEY, startWizardApp, type WizardApp } from '../wizards/harness.js';

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
