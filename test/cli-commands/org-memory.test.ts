/**
 * The organization remembered per key (src/config/org-memory.ts) as the scriptable commands use it: one
 * `GET /organizations` per command, sent beside the lists once the organization is remembered, and a remembered
 * organization the key no longer reaches corrected without showing or writing anything for it.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openOrgMemory, ORG_MEMORY_FILE } from '../../src/config/org-memory.js';
import { Secret } from '../../src/util/secret.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const memoryFile = () => join(h.dir, 'state', 'ec-access', ORG_MEMORY_FILE);
const memory = () =>
  openOrgMemory({ XDG_STATE_HOME: join(h.dir, 'state') }, new Secret(h.sandbox.ownerKey), h.sandbox.baseUrl);

async function organizationLookups(): Promise<number> {
  return (await h.requests()).filter((r) => r.method === 'GET' && r.url === '/api/v1/organizations').length;
}

beforeEach(async () => {
  rmSync(memoryFile(), { force: true });
  await h.control('DELETE', '/faults');
  await h.clearRequests();
});

describe('the organization remembered per key', () => {
  it('is discovered once by the first command and confirmed once by the next, in a private file without the key', async () => {
    const first = await h.run(['members', 'list', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(await organizationLookups()).toBe(1);

    const text = readFileSync(memoryFile(), 'utf8');
    expect(text).toContain(h.sandbox.organizationId);
    expect(text).not.toContain(h.sandbox.ownerKey);
    expect(text).not.toContain(h.sandbox.ownerKey.slice(-16));
    expect(statSync(memoryFile()).mode & 0o777).toBe(0o600);

    await h.clearRequests();
    const second = await h.run(['members', 'list', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(await organizationLookups()).toBe(1);
  });

  it('lets the lists go out without waiting for the confirmation, and shows nothing it refuses', async () => {
    expect((await h.run(['members', 'list', '--json'])).code).toBe(0);
    await h.clearRequests();
    // A refused confirmation: had the members list waited for it, it would never have been asked for.
    await h.control('POST', '/faults', { kind: 'status', method: 'GET', path: '/api/v1/organizations', status: 401 });
    const r = await h.run(['members', 'list', '--json']);
    const urls = (await h.requests()).map((q) => q.url);
    expect(urls).toContain(`/api/v1/organizations/${h.sandbox.organizationId}/members`);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/HTTP 401/);
    // A refused key has nothing worth remembering.
    expect(memory().recall()).toBeUndefined();
  });

  it('is used by snapshot commands without asking for the organization a second time', async () => {
    const cold = await h.run(['doctor', '--json']);
    expect(cold.code, cold.stderr).toBeLessThan(2);
    expect(await organizationLookups()).toBe(1);
    await h.clearRequests();
    const warm = await h.run(['doctor', '--json']);
    expect(warm.code, warm.stderr).toBe(cold.code);
    expect(await organizationLookups()).toBe(1);
  });

  it('is corrected when the key now reaches another organization; nothing is shown for or sent to the old one', async () => {
    memory().remember({ id: 'org-gone', name: 'Gone' });
    const read = await h.run(['members', 'list', '--json']);
    expect(read.code).not.toBe(0);
    expect(read.stdout).toBe('');
    expect(read.stderr).toContain(`now reaches organization ${h.sandbox.organizationId}`);
    expect(read.stderr).toMatch(/run the command again/);
    expect(memory().recall()?.id).toBe(h.sandbox.organizationId);
    const again = await h.run(['members', 'list', '--json']);
    expect(again.code, again.stderr).toBe(0);

    memory().remember({ id: 'org-gone', name: 'Gone' });
    await h.clearRequests();
    const write = await h.run([
      'members',
      'invite',
      '--emails',
      'new@example.com',
      '--project',
      'search-prod',
      '--role',
      'viewer',
    ]);
    expect(write.code).not.toBe(0);
    expect(write.stderr).toMatch(/not sent|now reaches/);
    expect(await h.writes()).toEqual([]);
    expect(memory().recall()?.id).toBe(h.sandbox.organizationId);
  });

  it('is neither read nor written with --org, nor in the embedded sandbox', async () => {
    const given = await h.run(['members', 'list', '--json', '--org', h.sandbox.organizationId]);
    expect(given.code, given.stderr).toBe(0);
    expect(await organizationLookups()).toBe(0);
    const sandboxed = await h.run(['keys', 'list', '--json'], { env: {} });
    expect(sandboxed.code, sandboxed.stderr).toBe(0);
    expect(existsSync(memoryFile())).toBe(false);
  });
});
