/**
 * The doctor's project-key findings offer a fix: `enter` on "never expires" or "creator no longer a member" opens
 * the two-layer revocation for that one key (one request to its project, typed confirmation); sending it
 * invalidates the key in its project and the finding goes away. Key sprawl stays a pointer to the key list, since
 * revoking every copy before a replacement exists would break whatever uses them.
 */
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { KEY, type WizardApp } from '../wizards/harness.js';
import { openFix, openSeededDoctor, waitForText } from './sandbox-doctor.js';

let app: WizardApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const KeyList = z.object({
  api_keys: z.array(z.object({ id: z.string(), name: z.string(), invalidated: z.boolean() })),
});
const Projects = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

async function searchProdKeys(running: WizardApp) {
  const { baseUrl, ownerKey } = running.sandbox;
  const headers = { authorization: `ApiKey ${ownerKey}` };
  const projects = Projects.parse(
    await (await fetch(`${baseUrl}/api/v1/serverless/projects/elasticsearch`, { headers })).json(),
  ).items;
  const id = projects.find((p) => p.name === 'search-prod')!.id;
  return KeyList.parse(await (await fetch(`${baseUrl}/_es/${id}/_security/api_key`, { headers })).json()).api_keys;
}

it('"never expires" opens the revocation of that project key; sending it invalidates the key there', async () => {
  app = await openSeededDoctor();
  await openFix(app, 'Project key "logstash-ingest" in search-prod never expires');
  await waitForText(app, 'Revoke 1 API key (1 request)');
  await waitForText(app, '_security/api_key');
  expect(app.text()).toContain('logstash-ingest');
  expect(app.text()).not.toContain('reindex-job');
  // A bulk phrase has spaces ("revoke 1"), which confirmTyped does not read.
  await waitForText(app, 'to confirm (exactly, case-sensitive)');
  const phrase = /Type (.+?) to confirm \(exactly/.exec(app.text())![1]!;
  await app.type(phrase);
  await app.press(KEY.enter);
  await app.waitFor('revoked');
  const keys = await searchProdKeys(app);
  expect(keys.find((k) => k.name === 'logstash-ingest')!.invalidated).toBe(true);
  expect(keys.find((k) => k.name === 'reindex-job')!.invalidated).toBe(false);
  const writes = await app.writes();
  expect(writes.map((w) => `${w.method} ${w.url.replace(/_es\/[0-9a-f]+/, '_es/P')}`)).toEqual([
    'DELETE /_es/P/_security/api_key',
  ]);
});

it('"creator no longer a member" opens the revocation of that key, and esc sends nothing', async () => {
  app = await openSeededDoctor();
  await openFix(app, 'Project key "reindex-job" in search-prod was created by');
  await waitForText(app, 'Revoke 1 API key (1 request)');
  expect(app.text()).toContain('reindex-job');
  await app.press(KEY.escape);
  await app.waitFor('Access doctor');
  expect(await app.writes()).toEqual([]);
});
