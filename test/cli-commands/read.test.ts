import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvitationList } from '../../src/api/schemas.js';
import { DoctorDoc, InvitationsDoc, KeysDoc, MembersDoc, ProjectsDoc, RolesDoc } from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

describe('list commands', () => {
  it('members list: JSON by default without a TTY, with the documented shape', async () => {
    const r = await h.run(['members', 'list']);
    expect(r.code).toBe(0);
    const doc = r.doc(MembersDoc);
    expect(doc.schema).toBe('ec-access/members@1');
    expect(doc.organization_id).toBe(h.sandbox.organizationId);
    expect(doc.members.length).toBeGreaterThan(0);
    for (const m of doc.members) {
      expect(Object.keys(m).sort()).toEqual(['email', 'member_since', 'name', 'role_assignments', 'user_id']);
    }
    expect(r.stderr).not.toMatch(/sandbox: simulated/);
  });

  it('members list: a table on a terminal, and --json / --table override', async () => {
    const table = await h.run(['members', 'list'], { tty: true });
    expect(table.stdout.split('\n')[0]).toMatch(/^EMAIL\s+NAME\s+USER ID\s+SINCE\s+ROLES$/);
    expect((await h.run(['members', 'list', '--json'], { tty: true })).json()).toMatchObject({
      schema: 'ec-access/members@1',
    });
    expect((await h.run(['members', 'list', '--table'])).stdout).toMatch(/^EMAIL/);
    const both = await h.run(['members', 'list', '--json', '--table']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/contradict/);
  });

  it('projects list, keys list, invitations list', async () => {
    const projects = (await h.run(['projects', 'list'])).doc(ProjectsDoc);
    expect(projects.schema).toBe('ec-access/projects@1');
    expect(new Set(projects.projects.map((p) => p.type))).toEqual(
      new Set(['elasticsearch', 'observability', 'security']),
    );

    const keys = (await h.run(['keys', 'list'])).doc(KeysDoc);
    expect(keys.schema).toBe('ec-access/keys@1');
    expect(keys.keys.some((k) => k.id === h.sandbox.ownerKeyId)).toBe(true);
    for (const k of keys.keys) expect(['ok', 'expiring-soon', 'expired', 'never']).toContain(k.expiry);

    const invitations = await h.run(['invitations', 'list']);
    expect(invitations.code).toBe(0);
    const doc = invitations.doc(InvitationsDoc);
    expect(doc.schema).toBe('ec-access/invitations@1');
    for (const i of doc.invitations) expect(i.token).toBe('[redacted]');
  });

  it('roles list: predefined and custom roles, filtered by project, and one descriptor by --name', async () => {
    const all = (await h.run(['roles', 'list'])).doc(RolesDoc);
    expect(all.schema).toBe('ec-access/roles@1');
    expect(all.predefined.map((r) => r.role_id)).toContain('elasticsearch-developer');
    const { projects } = (await h.run(['projects', 'list'])).doc(ProjectsDoc);
    const search = projects.find((p) => p.type === 'elasticsearch');
    if (!search) throw new Error('the sandbox has no elasticsearch project');
    const one = (await h.run(['roles', 'list', '--project', search.id])).doc(RolesDoc);
    expect(new Set(one.predefined.map((r) => r.scope))).toEqual(new Set(['elasticsearch']));
    const custom = one.custom[0];
    if (custom) {
      const role = (await h.run(['roles', 'list', '--project', search.id, '--name', custom.name])).json();
      expect(role).toMatchObject({ schema: 'ec-access/role@1' });
      expect(role).toHaveProperty('role.indices');
    }
    const missing = await h.run(['roles', 'list', '--name', 'x']);
    expect(missing.code).toBe(2);
  });

  it('doctor --json prints the doctor document with tokens redacted', async () => {
    const r = await h.run(['doctor', '--json']);
    expect(r.code).toBe(0);
    const doc = r.doc(DoctorDoc);
    expect(doc.schema).toBe('ec-access/doctor@1');
    expect(doc.summary.total).toBe(doc.findings.length);
    const response = await fetch(`${h.sandbox.baseUrl}/api/v1/organizations/${h.sandbox.organizationId}/invitations`, {
      headers: { authorization: `ApiKey ${h.sandbox.ownerKey}` },
    });
    const { invitations } = parseAs(InvitationList, await response.json(), 'sandbox invitations');
    const tokens = invitations.map((i) => i.token);
    for (const token of tokens) expect(r.stdout).not.toContain(token);
  });

  it('without EC_API_KEY runs on a fresh embedded sandbox and says so on stderr', async () => {
    const r = await h.run(['projects', 'list'], { env: {} });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/sandbox: simulated organization/);
    expect(r.doc(ProjectsDoc).projects.length).toBeGreaterThan(0);
  });

  it('with EC_SANDBOX_STATE the embedded sandbox is kept in that file, so one command sees what another did', async () => {
    const env = { EC_SANDBOX_STATE: 'org.json' };
    const invited = await h.run(['members', 'invite', '--emails', 'kept@example.com'], { env });
    expect(invited.code).toBe(0);
    expect(invited.stderr).toContain(`kept in ${join(h.dir, 'org.json')} (EC_SANDBOX_STATE)`);
    const listed = await h.run(['invitations', 'list'], { env });
    expect(listed.doc(InvitationsDoc).invitations.map((i) => i.email)).toContain('kept@example.com');
    // Without it, a fresh organization that never heard of the invitation.
    const fresh = await h.run(['invitations', 'list'], { env: {} });
    expect(fresh.doc(InvitationsDoc).invitations.map((i) => i.email)).not.toContain('kept@example.com');
  });
});
