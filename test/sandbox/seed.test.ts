import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnections } from '../../src/api/http.js';
import { SandboxStateError, startSandbox } from '../../src/sandbox/index.js';
import { seedOrganization } from '../../src/sandbox/seed.js';
import { isKeyActive } from '../../src/sandbox/wire.js';
import { cloudErrorCode } from './answers.js';
import { call, cloudClient, NOW, start } from './helpers.js';

afterAll(closeConnections);

/** What a client can see, minus what the seed never fixes (secrets and their hashes). */
const visible = (seed: number) => {
  const { credentials: _c, keys, projectKeys, ...rest } = seedOrganization({ seed, scale: 'small', now: NOW });
  return {
    ...rest,
    keys: keys.map(({ secret_sha256: _h, ...k }) => k),
    projectKeys: Object.values(projectKeys).map((list) => list.map(({ secret_sha256: _h, ...k }) => k)),
  };
};

describe('seeding', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(visible(3)).toEqual(visible(3));
    expect(visible(3).organization.id).not.toBe(visible(4).organization.id);
  });

  it('plants every case the access views and the doctor look for', () => {
    const data = seedOrganization({ seed: 1, scale: 'small', now: NOW });
    const owners = data.members.filter((m) =>
      m.role_assignments.organization?.some((o) => o.role_id === 'organization-admin'),
    );
    expect(owners.map((o) => o.user_id)).toContain(
      data.keys.find((k) => k.id === data.credentials.ownerKeyId)!.user_id,
    );
    expect(data.members.length).toBeGreaterThanOrEqual(20);
    expect(data.members.some((m) => Object.keys(m.role_assignments).length === 0)).toBe(true);
    expect(data.members.some((m) => m.role_assignments.organization?.some((o) => o.role_id === 'billing-admin'))).toBe(
      true,
    );
    const overGrant = data.members.find((m) => {
      const es = m.role_assignments.project?.elasticsearch ?? [];
      return es.some((e) => e.application_roles?.length) && es.some((e) => !e.application_roles?.length);
    });
    expect(overGrant).toBeDefined();
    expect(data.invitations.filter((i) => Date.parse(i.expires_at) <= NOW.getTime())).toHaveLength(1);
    const byDescription = (d: string) => data.keys.filter((k) => k.description === d);
    expect(byDescription('Grafana dashboards')).toHaveLength(2);
    expect(byDescription('Legacy uptime monitor')[0]!.expiration_date).toBeUndefined();
    expect(data.keys.some((k) => !isKeyActive(k, NOW))).toBe(true);
    expect(
      data.keys.some((k) => isKeyActive(k, NOW) && Date.parse(k.expiration_date!) - NOW.getTime() < 7 * 86_400_000),
    ).toBe(true);
    const types = data.projects.map((p) => p.type);
    expect(types.filter((t) => t === 'elasticsearch')).toHaveLength(3);
    expect(data.projects.find((p) => p.name === 'search-prod')).toBeDefined();
    expect(Object.values(data.customRoles).flatMap((r) => Object.keys(r))).toEqual(
      expect.arrayContaining(['marketing-reader', 'dashboard-reader', 'soc-readonly']),
    );
  });

  it('grows to 10,000 members, 300 projects and exactly 500 active keys at large scale', () => {
    const data = seedOrganization({ seed: 1, scale: 'large', now: NOW });
    expect(data.members).toHaveLength(10_000);
    expect(data.projects).toHaveLength(300);
    expect(data.keys.filter((k) => isKeyActive(k, NOW))).toHaveLength(500);
    expect(new Set(data.members.map((m) => m.user_id)).size).toBe(10_000);
  });

  it('grows to 1,000 members, 90 projects and 100 active keys at medium scale, keeping the small organization', () => {
    const small = seedOrganization({ seed: 1, scale: 'small', now: NOW });
    const data = seedOrganization({ seed: 1, scale: 'medium', now: NOW });
    expect(data.members).toHaveLength(1_000);
    expect(data.projects).toHaveLength(90);
    expect(data.keys.filter((k) => isKeyActive(k, NOW))).toHaveLength(100);
    expect(data.members.slice(0, small.members.length)).toEqual(small.members);
  });

  it('serves the large members list', async () => {
    const sb = await start({ scale: 'large' });
    try {
      expect(await cloudClient(sb).listMembers(sb.organizationId)).toHaveLength(10_000);
      const refused = await call(sb, 'POST', '/api/v1/users/auth/keys', { body: { description: 'over the limit' } });
      expect(cloudErrorCode(refused)).toBe('api_keys.limit_exceeded');
    } finally {
      await sb.stop();
    }
  });
});

describe('--state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ec-access-sandbox-'));

  it('saves every change (mode 0600) and loads it back with the same keys', async () => {
    const file = join(dir, 'state.json');
    const first = await startSandbox({ stateFile: file, seed: 5 });
    await cloudClient(first).createInvitations(first.organizationId, { emails: ['kept@example.com'] });
    await first.stop();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('"key":');

    const second = await startSandbox({ stateFile: file, seed: 99 });
    try {
      expect(second.ownerKey).toBe(first.ownerKey);
      expect(second.organizationId).toBe(first.organizationId);
      expect((await cloudClient(second).listInvitations(second.organizationId)).map((i) => i.email)).toContain(
        'kept@example.com',
      );
    } finally {
      await second.stop();
    }
  });

  it.each([
    ['not JSON', '{"format": '],
    ['the wrong shape', JSON.stringify({ format: 'ec-access-sandbox-state', version: 1, seed: 1 })],
  ])('refuses a state file that is %s, and leaves it untouched', async (_what, content) => {
    const file = join(dir, `corrupt-${content.length}.json`);
    writeFileSync(file, content);
    await expect(startSandbox({ stateFile: file })).rejects.toBeInstanceOf(SandboxStateError);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});
