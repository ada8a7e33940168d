/** "rotate key …" on the `:` command line opens the same replacement wizard as the doctor's rotate fix. */
import { afterEach, expect, it } from 'vitest';
import { KEY, startWizardApp, type WizardApp } from '../wizards/harness.js';
import { waitForText } from './sandbox-doctor.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function request(a: WizardApp, text: string): Promise<void> {
  await a.press(':');
  await a.waitFor('Request in plain words');
  await a.type(text);
  await a.waitFor(text);
  await a.press(KEY.enter);
}

it("rotate key <description>: pre-filled from that key, keeping its lifetime, and offering the old key's revocation", async () => {
  app = await startWizardApp();
  await app.waitFor('Members[');
  await request(app, 'rotate key nightly snapshot check');
  await app.waitFor('Replace API key Nightly snapshot check');
  await waitForText(app, 'Replaces "Nightly snapshot check" (');
  await waitForText(app, 'The old key keeps working until you revoke it, which is offered once the new key exists.');
  await app.press(KEY.enter);
  await app.waitFor('Expiration');
  // The plan keeps the old key's lifetime, as a custom duration (the seed's is no preset).
  expect(app.frame()).toMatch(/\(•\) Custom…/);
});

it('rotating the key ec-access runs on says to switch EC_API_KEY before revoking it', async () => {
  app = await startWizardApp();
  await app.waitFor('Members[');
  await request(app, 'rotate key ec-access sandbox');
  await app.waitFor('Replace API key ec-access sandbox (owner)');
  await waitForText(
    app,
    'ec-access itself runs on the old key: put the new value in EC_API_KEY (or .env) and restart ec-access before revoking the old key.',
  );
  // Its organization role next to project access fits the wizard exactly: no caveat.
  expect(app.text()).not.toMatch(/not carried over|cannot express|does not fit/);
});
