/**
 * `i` on the keys screen: a leaked value typed into a prompt that shows only its length, identified (a project key
 * by the id in its encoded form; a unified Cloud key by asking the projects' `_authenticate`), then its typed
 * revocation opened. The value never reaches a frame, the audit trail or the debug log (checked by grep).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { KEY } from '../support/ink-driver.js';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app.js';

let app: SandboxApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const Projects = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
const CreatedProjectKey = z.object({ id: z.string(), api_key: z.string(), encoded: z.string() });
const CreatedCloudKey = z.object({ id: z.string(), key: z.string() });
const Listed = z.object({ api_keys: z.array(z.object({ id: z.string(), invalidated: z.boolean() })) });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every frame rendered so far, the audit and debug files written: none may hold any part of `secrets`. */
function expectNowhere(running: SandboxApp, secrets: readonly string[]) {
  const files = filesUnder(running.env.home);
  expect(files.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    for (const frame of running.frames) expect(frame).not.toContain(secret);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
  }
}

async function searchProd(running: SandboxApp) {
  const { baseUrl, ownerKey } = running.sandbox;
  const response = await fetch(`${baseUrl}/api/v1/serverless/projects/elasticsearch`, {
    headers: { authorization: `ApiKey ${ownerKey}` },
  });
  return Projects.parse(await response.json()).items.find((p) => p.name === 'search-prod')!;
}

it('a project key pasted at the prompt: its length shown, never its value, then its revocation, sent', async () => {
  app = await startSandboxApp({ screen: 'keys' });
  const { baseUrl, ownerKey } = app.sandbox;
  const project = await searchProd(app);
  const headers = { authorization: `ApiKey ${ownerKey}`, 'content-type': 'application/json' };
  const leaked = CreatedProjectKey.parse(
    await (
      await fetch(`${baseUrl}/_es/${project.id}/_security/api_key`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'leaked-ci', expiration: '7d', role_descriptors: {} }),
      })
    ).json(),
  );
  await app.press('r');
  await app.waitFor('leaked-ci');

  await app.press('i');
  await app.waitFor('Paste the leaked key (not shown)');
  await app.press(leaked.encoded);
  await app.waitFor(`${leaked.encoded.length} characters`);
  await app.press(KEY.enter);
  await app.waitFor('Revoke 1 API key (1 request)');
  expect(app.frame()).toMatch(/search-prod\s+leaked-ci/);
  expect(app.frame()).toContain(leaked.id);

  await app.type('revoke 1');
  await app.waitFor('unlocked: enter sends it');
  await app.press(KEY.enter);
  await app.waitFor('Result, key by key');
  const listed = await fetch(`${baseUrl}/_es/${project.id}/_security/api_key?id=${leaked.id}`, { headers });
  expect(Listed.parse(await listed.json()).api_keys[0]!.invalidated).toBe(true);
  expectNowhere(app, [leaked.encoded, leaked.api_key]);
});

it('a unified Cloud key is named by the projects it authenticates on, and its Cloud revocation opens', async () => {
  app = await startSandboxApp({ screen: 'keys' });
  const { baseUrl, ownerKey, organizationId } = app.sandbox;
  const project = await searchProd(app);
  const created = CreatedCloudKey.parse(
    await (
      await fetch(`${baseUrl}/api/v1/users/auth/keys`, {
        method: 'POST',
        headers: { authorization: `ApiKey ${ownerKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          description: 'Leaky unified',
          expiration: '1d',
          role_assignments: {
            project: {
              elasticsearch: [
                {
                  role_id: 'elasticsearch-viewer',
                  organization_id: organizationId,
                  all: false,
                  project_ids: [project.id],
                  application_roles: ['viewer'],
                },
              ],
            },
          },
        }),
      })
    ).json(),
  );
  await app.press('r');
  await app.waitFor('Leaky unified');

  await app.press('i');
  await app.waitFor('Paste the leaked key (not shown)');
  await app.press(created.key);
  await app.press(KEY.enter);
  await app.waitFor('Revoke API key Leaky unified');
  await app.press(KEY.escape);
  // Only the key's own creation (above): identifying and opening the revocation sent nothing.
  expect((await app.writes()).map((w) => w.method)).toEqual(['POST']);
  expectNowhere(app, [created.key]);
});

it('a value nobody knows says so, and esc leaves with nothing sent', async () => {
  app = await startSandboxApp({ screen: 'keys' });
  await app.waitFor('Grafana dashboards');
  await app.press('i');
  await app.waitFor('Paste the leaked key (not shown)');
  await app.type('not-a-key-at-all');
  await app.waitFor('16 characters');
  await app.press(KEY.enter);
  await app.waitFor('Not identified:');
  await app.press(KEY.escape);
  await app.waitUntil((f) => !f.includes('Identify a leaked key'), 'the prompt closed');
  expect(await app.writes()).toEqual([]);
  expectNowhere(app, ['not-a-key-at-all']);
});
