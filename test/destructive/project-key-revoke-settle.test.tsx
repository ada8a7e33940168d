/**
 * The keys screen's revoke of a project key when the invalidation's answer is lost (a 503 after the change): the
 * result list shows the outcome the re-read settled (revoked), and when the re-read fails too, "unknown" with
 * "could not be confirmed", never "failed" or "nothing changed". The revoke is opened by identifying the key.
 */
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
const Created = z.object({ id: z.string(), encoded: z.string() });
const Listed = z.object({ api_keys: z.array(z.object({ id: z.string(), invalidated: z.boolean() })) });

/** A fresh key in search-prod, loaded on the keys screen, with its revocation opened and confirmed. */
async function revokeWithFaults(running: SandboxApp, faults: (projectId: string, keyId: string) => unknown[]) {
  const { baseUrl, ownerKey } = running.sandbox;
  const headers = { authorization: `ApiKey ${ownerKey}`, 'content-type': 'application/json' };
  const projects = await fetch(`${baseUrl}/api/v1/serverless/projects/elasticsearch`, { headers });
  const project = Projects.parse(await projects.json()).items.find((p) => p.name === 'search-prod')!;
  const created = await fetch(`${baseUrl}/_es/${project.id}/_security/api_key`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'flaky-ci', expiration: '7d', role_descriptors: {} }),
  });
  const key = Created.parse(await created.json());
  await running.press('r');
  await running.waitFor('flaky-ci');
  await running.press('i');
  await running.waitFor('Paste the leaked key (not shown)');
  await running.press(key.encoded);
  await running.press(KEY.enter);
  await running.waitFor('Revoke 1 API key (1 request)');
  for (const fault of faults(project.id, key.id)) await running.fault(fault);
  await running.type('revoke 1');
  await running.waitFor('unlocked: enter sends it');
  await running.press(KEY.enter);
  await running.waitFor('Result, key by key');
  const truth = async () => {
    await fetch(`${running.sandbox.controlUrl}/faults`, { method: 'DELETE' });
    const listed = await fetch(`${baseUrl}/_es/${project.id}/_security/api_key?id=${key.id}`, { headers });
    return Listed.parse(await listed.json()).api_keys[0]!.invalidated;
  };
  return { truth };
}

const lostAnswer = (projectId: string) => ({
  kind: 'status',
  status: 503,
  when: 'after',
  method: 'DELETE',
  path: `/_es/${projectId}/_security/api_key`,
  times: 3,
});

it('a 503 after the change is settled by re-reading the key: revoked', async () => {
  app = await startSandboxApp({ screen: 'keys', columns: 200 });
  const { truth } = await revokeWithFaults(app, (projectId) => [lostAnswer(projectId)]);
  expect(app.frame()).toMatch(/revoked\s+search-prod\s+flaky-ci/);
  expect(app.frame()).toContain('re-read shows the key invalidated');
  expect(app.frame()).not.toMatch(/unknown\s+search-prod/);
  expect(await truth()).toBe(true);
});

it('the re-read failing too leaves it unknown, saying it could not be confirmed', async () => {
  app = await startSandboxApp({ screen: 'keys', columns: 200 });
  const { truth } = await revokeWithFaults(app, (projectId, keyId) => [
    lostAnswer(projectId),
    {
      kind: 'status',
      status: 500,
      method: 'GET',
      path: `/_es/${projectId}/_security/api_key`,
      query: { id: keyId },
      times: 5,
    },
  ]);
  expect(app.frame()).toMatch(/unknown\s+search-prod\s+flaky-ci/);
  expect(app.frame()).toContain('could not be confirmed');
  expect(app.frame()).not.toContain('nothing changed');
  expect(await truth()).toBe(true);
});
