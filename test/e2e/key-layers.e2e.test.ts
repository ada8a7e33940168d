/**
 * Both credential layers in a real terminal: a project (Elasticsearch) key planted in search-prod, whose `encoded`
 * value "leaked". The keys screen lists it with its project as LAYER next to Cloud keys; marks span both layers and
 * one typed confirmation revokes them with one request per layer and project. `ec-access keys identify` takes the
 * value at a prompt that echoes nothing and names the key. The value never reaches the screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { closeConnections } from '../../src/api/http.js';
import { ProjectList } from '../../src/api/schemas.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { KeysDoc } from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { waitForList } from './app-screen.js';
import { runCommand } from './commands.js';
import { allFrames, closeAll, launch } from './harness.js';

let dir: string;
let stateFile: string;
/** What the project's `POST /_security/api_key` answers: the only place the value appears. */
const CreatedProjectKey = z.looseObject({ id: z.string(), encoded: z.string(), api_key: z.string() });
let leaked: z.output<typeof CreatedProjectKey>;

/** The organization saved to a state file, with one project key planted through the sandbox's ES API. */
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-layers-'));
  stateFile = join(dir, 'state.json');
  const sandbox = await startSandbox({ stateFile });
  const projects = parseAs(
    ProjectList,
    await (
      await fetch(`${sandbox.baseUrl}/api/v1/serverless/projects/elasticsearch`, {
        headers: { authorization: `ApiKey ${sandbox.ownerKey}` },
      })
    ).json(),
    'elasticsearch projects',
  );
  const prod = projects.items.find((p) => p.name === 'search-prod')!;
  const created = await fetch(`${sandbox.baseUrl}/_es/${prod.id}/_security/api_key`, {
    method: 'POST',
    headers: { authorization: `ApiKey ${sandbox.ownerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'leaked-ci', expiration: '30d', role_descriptors: {} }),
  });
  leaked = parseAs(CreatedProjectKey, await created.json(), 'the created project key');
  await closeConnections();
  await sandbox.stop();
});

afterEach(async () => {
  await closeAll();
  rmSync(dir, { recursive: true, force: true });
});

it('lists, marks and revokes keys of both layers under one confirmation', { timeout: 60_000 }, async () => {
  const app = await launch({ cols: 120, rows: 40, args: ['keys'], cwd: dir, env: { EC_SANDBOX_STATE: stateFile } });
  const list = await waitForList(app, 'Keys');
  expect(list).toMatch(/LAYER\s+DESCRIPTION/);
  await app.waitForText(/search-prod\s+leaked-ci/);

  for (const filter of ['leaked-ci', 'Grafana']) {
    await app.press('/');
    await app.type(filter);
    await app.press('enter');
    await app.press('a');
    await app.press('escape');
    // The whole list again before the next key: an esc read together with the next key would be alt+key.
    await app.waitForText(/leaked-ci[\s\S]*Grafana dashboards/);
  }
  await app.waitForText('3 marked');
  await app.press('d');
  const confirm = await app.waitForText('Type revoke 3 to confirm');
  expect(confirm).toContain('(2 requests)');
  expect(confirm).toMatch(/DELETE \S+\/api\/v1\/users\/auth\/keys/);
  expect(confirm).toMatch(/DELETE \S+\/_es\/[0-9a-f]+\/_security\/api_key/);
  await app.type('revoke 3');
  await app.press('enter');
  const result = await app.waitForText('Result, key by key:');
  expect(result).toMatch(new RegExp(`revoked\\s+search-prod\\s+leaked-ci \\(${leaked.id}\\)`));
  expect(result.match(/revoked\s+Cloud\s+Grafana dashboards/g)).toHaveLength(2);
  await app.press('enter');
  await app.waitForText('Revoked 3 keys of both layers');
  await app.press('q');
  expect(await app.exit()).toBe(0);

  const after = await runCommand(app, ['keys', 'list', '--json']);
  expect(after.code, after.stderr).toBe(0);
  const doc = after.doc(KeysDoc);
  expect(doc.project_keys.map((k) => k.id)).not.toContain(leaked.id);
  expect(doc.keys.map((k) => k.description)).not.toContain('Grafana dashboards');
});

it('identifies a leaked value typed at a prompt that echoes nothing', { timeout: 60_000 }, async () => {
  const app = await launch({
    cols: 100,
    rows: 30,
    args: ['keys', 'identify', '--table'],
    cwd: dir,
    env: { EC_SANDBOX_STATE: stateFile },
  });
  await app.waitForText('Paste the leaked key (not shown)');
  await app.type(leaked.encoded);
  await app.press('enter');
  const screen = await app.waitForText(/revoke:\s+ec-access keys revoke --ids/);
  expect(screen).toContain(leaked.id);
  expect(screen).toMatch(/layer\s+search-prod/);
  expect(screen).toMatch(/name\s+leaked-ci/);
  expect(await app.exit()).toBe(0);
  for (const frame of allFrames()) {
    expect(frame).not.toContain(leaked.encoded);
    expect(frame).not.toContain(leaked.api_key);
  }
  expect(app.rawOutput()).not.toContain(leaked.encoded);
});
