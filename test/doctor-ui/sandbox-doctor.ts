/**
 * The doctor on the real seeded sandbox, in the whole app (test/wizards/harness.tsx): open it, pick a finding,
 * get through a typed confirmation, and wait for the doctor to show the organization after a fix.
 */
import type { z } from 'zod';
import { ApiKeyList, type ApiKey } from '../../src/api/schemas.js';
import { parseAs } from '../support/json.js';
import { KEY, startWizardApp, type WizardApp } from '../wizards/harness.js';

/** The seeded organization's findings (see test/cli-commands/doctor-seed.test.ts for which they are). */
export const SEEDED_COUNTS = '0 critical · 8 warning · 6 info'; // with the seed's project keys: never-expiring and orphaned (warnings), sprawl (info)

/** Start the app on the seeded sandbox and open the doctor once every project's custom roles are in. */
export async function openSeededDoctor(): Promise<WizardApp> {
  const app = await startWizardApp();
  await app.waitFor('Members[');
  await app.press('D');
  await app.waitFor('Access doctor');
  await app.waitFor(SEEDED_COUNTS);
  return app;
}

/** Wait for `text` in the frame read as prose (wrapped sentences joined). */
export async function waitForText(app: WizardApp, text: string, timeoutMs?: number): Promise<void> {
  await app.waitUntil(() => app.text().includes(text), `${text} in the prose`, timeoutMs);
}

/** Point at the doctor row containing `label` (moving down from the current row) and open its fix. */
export async function openFix(app: WizardApp, label: string): Promise<void> {
  await app.pointAt(label);
  await app.press(KEY.enter);
}

/** Type the phrase the confirmation asks for, send, and wait for the verdict from the re-read. */
export async function confirmTyped(app: WizardApp): Promise<string> {
  await waitForText(app, 'to confirm (exactly, case-sensitive)');
  const phrase = /Type (\S+) to confirm \(exactly/.exec(app.frame())?.[1];
  if (!phrase) throw new Error(`no phrase in:\n${app.frame()}`);
  await app.type(phrase);
  await app.press(KEY.enter);
  await app.waitFor('Done: above is what the re-read shows.');
  return phrase;
}

/** Back in the doctor after a fix: `gone` no longer listed, and the counts as given. */
export async function expectDoctorWithout(app: WizardApp, gone: string, counts: string): Promise<void> {
  await app.waitFor('Access doctor');
  await app.waitUntil((f) => !f.includes(gone) && f.includes(counts), `the doctor without ${gone}, with ${counts}`);
}

/** GET `path` (under /api/v1) from the app's sandbox as its owner, the answer checked against `schema`. */
export async function sandboxGet<S extends z.ZodType>(app: WizardApp, path: string, schema: S): Promise<z.output<S>> {
  const response = await fetch(`${app.sandbox.baseUrl}/api/v1${path}`, {
    headers: { authorization: `ApiKey ${app.sandbox.ownerKey}` },
  });
  return parseAs(schema, await response.json(), `GET ${path}`);
}

/** The active keys as the sandbox lists them to the owner. */
export async function sandboxKeys(app: WizardApp): Promise<ApiKey[]> {
  return (await sandboxGet(app, '/users/auth/keys', ApiKeyList)).keys;
}
