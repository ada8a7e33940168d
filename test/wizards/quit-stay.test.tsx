/** ctrl+c in a wizard asks first; "stay" returns to the same step with every answer kept (the wizard stays mounted). */
import { afterEach, expect, it } from 'vitest';
import { KEY, startWizardApp, type WizardApp } from './harness.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

it('ctrl+c then n: the invite wizard is where it was, answers kept', async () => {
  app = await startWizardApp();
  await app.waitFor('ada.garcia@');
  await app.press('n');
  await app.waitFor('Who should be invited?');
  await app.type('tomas.xu@acme-analytics.example');
  await app.waitFor('tomas.xu@acme-analytics.example is already a member');
  await app.press(KEY.enter);
  await app.waitFor('Organization role');
  expect(app.frame()).toContain('Invite · step 2');

  await app.press(KEY.ctrlC);
  await app.waitFor('A form has unsaved input. Quit anyway and lose it?');
  // The question has the keys: n is "stay", not a letter for the wizard beneath.
  await app.press('n');
  await app.waitUntil((f) => !f.includes('Quit anyway'), 'the quit question to close');
  await app.waitFor('Organization role');
  expect(app.frame()).toContain('Invite · step 2');
  expect(app.frame()).toContain('Who should be invited? tomas.xu@acme-analytics.example');
});
