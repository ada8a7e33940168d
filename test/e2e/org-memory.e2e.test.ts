/**
 * The interactive UI started with an organization remembered for its key that the key no longer reaches: it
 * switches to the organization discovery finds, says so, shows that organization's members, and corrects the memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { openOrgMemory } from '../../src/config/org-memory.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { Secret } from '../../src/util/secret.js';
import { parseAs } from '../support/json.js';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

const RequestLog = z.object({ requests: z.array(z.object({ method: z.string(), url: z.string() })) });

let dir: string | undefined;
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await closeAll();
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('switches from a stale remembered organization to the one the key reaches', { timeout: 60_000 }, async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'ec-access-org-memory-'));
  const stateHome = join(dir, 'state');
  const memory = openOrgMemory({ XDG_STATE_HOME: stateHome }, new Secret(sandbox.ownerKey), sandbox.baseUrl);
  memory.remember({ id: 'org-gone', name: 'Gone' });

  const app = await launch({
    args: ['members'],
    cols: 200,
    env: { EC_BASE_URL: sandbox.baseUrl, EC_API_KEY: sandbox.ownerKey, EC_HTTP2: 'h2c', XDG_STATE_HOME: stateHome },
  });
  await app.waitForText(`now reaches organization`);
  expect(app.screen()).toContain(`(${sandbox.organizationId}), not Gone (org-gone)`);
  await waitForList(app, 'Members');
  expect(app.screen()).not.toMatch(/Loading members failed/);
  expect(memory.recall()?.id).toBe(sandbox.organizationId);
  const response = await fetch(`${sandbox.controlUrl}/requests`);
  const { requests } = parseAs(RequestLog, await response.json(), 'sandbox request log');
  // The remembered organization's members were asked for at once (not after discovery), then the right one's.
  const members = requests.filter((r) => r.url.endsWith('/members')).map((r) => r.url);
  expect(members).toEqual([
    '/api/v1/organizations/org-gone/members',
    `/api/v1/organizations/${sandbox.organizationId}/members`,
  ]);
  // Nothing was written anywhere while the organization was being corrected.
  expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
});
