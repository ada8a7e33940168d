import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DryRunDoc, InvitationsDoc, KeysDoc, MembersDoc, RevokeDoc, WriteDoc } from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const OWNER = 'organization-admin';

async function plainMembers() {
  const { members } = (await h.run(['members', 'list'])).doc(MembersDoc);
  return members.filter((m) => !(m.role_assignments.organization ?? []).some((a) => a.role_id === OWNER));
}

/** A member the test needs, with the email the commands and prompts name it by. */
function withEmail(m: { user_id: string; email: string | null } | undefined) {
  if (!m) throw new Error('the sandbox has too few plain members');
  if (m.email === null) throw new Error(`member ${m.user_id} has no email`);
  return { user_id: m.user_id, email: m.email };
}

const plainMember = async () => withEmail((await plainMembers())[0]);

/** What `keys create` reports for the key it made (src/cli/commands/keys-create.ts). */
const CreatedKey = z.looseObject({ id: z.string() });

describe('members remove', () => {
  it('needs --yes without a terminal, and sends nothing when it is missing', async () => {
    const m = await plainMember();
    await h.clearRequests();
    const r = await h.run(['members', 'remove', '--email', m.email]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --yes/);
    expect(await h.writes()).toEqual([]);
  });

  it('--dry-run prints the exact request and sends no write', async () => {
    const m = await plainMember();
    await h.clearRequests();
    const r = await h.run(['members', 'remove', '--user-id', m.user_id, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      schema: 'ec-access/dry-run@1',
      operation: 'members remove',
      requests: [
        {
          method: 'DELETE',
          url: `${h.sandbox.baseUrl}/api/v1/organizations/${h.sandbox.organizationId}/members/${m.user_id}`,
          summary: 'remove 1 member',
        },
      ],
      warnings: [],
    });
    expect(await h.writes()).toEqual([]);
  });

  it('removes with --yes', async () => {
    const m = await plainMember();
    const r = await h.run(['members', 'remove', '--email', m.email, '--yes']);
    expect(r.code).toBe(0);
    expect(r.doc(WriteDoc).summary).toEqual({ succeeded: 1, failed: 0, unknown: 0 });
    expect((await plainMembers()).map((x) => x.user_id)).not.toContain(m.user_id);
  });

  it('exit 3 when one of several removals fails, with the failed one named', async () => {
    const members = await plainMembers();
    const [a, b] = [withEmail(members[0]), withEmail(members[1])];
    await h.control('POST', '/faults', {
      kind: 'status',
      method: 'DELETE',
      path: `/api/v1/organizations/*/members/${b.user_id}`,
      status: 403,
      body: { errors: [{ code: 'root.unauthorized', message: 'not allowed' }] },
    });
    const r = await h.run(['members', 'remove', '--user-id', `${a.user_id},${b.user_id}`, '--yes']);
    expect(r.code).toBe(3);
    const doc = r.doc(WriteDoc);
    expect(doc.summary).toEqual({ succeeded: 1, failed: 1, unknown: 0 });
    expect(doc.results.map((x) => [x.target, x.ok])).toEqual([
      [a.email, true],
      [b.email, false],
    ]);
    expect(doc.results[1]?.error?.status).toBe(403);
  });

  it('at a terminal asks for the email; a wrong answer sends nothing, the right one removes', async () => {
    const m = await plainMember();
    await h.clearRequests();
    const wrong = await h.run(['members', 'remove', '--email', m.email], { tty: true, input: 'yes\n' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`Type "${m.email}" to confirm`);
    expect(await h.writes()).toEqual([]);
    const right = await h.run(['members', 'remove', '--email', m.email], { tty: true, input: `${m.email}\n` });
    expect(right.code).toBe(0);
    expect((await h.writes()).length).toBe(1);
  });

  it('unknown members are a usage error', async () => {
    const r = await h.run(['members', 'remove', '--email', 'nobody@example.com', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no member with email nobody@example.com/);
    // Checked before connecting: not even a sandbox is started.
    const missing = await h.run(['members', 'remove', '--yes'], { env: {} });
    expect(missing.stderr).toMatch(/one of --user-id or --email is required/);
    expect(missing.stderr).not.toMatch(/sandbox/);
  });
});

describe('invitations cancel', () => {
  it('cancels by email with --yes; tokens never appear', async () => {
    const [invitation] = (await h.run(['invitations', 'list'])).doc(InvitationsDoc).invitations;
    if (!invitation) throw new Error('the sandbox has no pending invitation');
    const { email } = invitation;
    const r = await h.run(['invitations', 'cancel', '--email', email, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/invitations\/(?!\[redacted\])[^"/]+"/);
    expect((await h.run(['invitations', 'list'])).doc(InvitationsDoc).invitations.map((i) => i.email)).not.toContain(
      email,
    );
  });
});

describe('keys revoke', () => {
  it('revokes in one request and reports per key; exit 3 when the server keeps one', async () => {
    const created: string[] = [];
    for (const d of ['tmp-a', 'tmp-b']) {
      const r = await h.run(['keys', 'create', '--description', d, '--expiration', '1d', '--scope', 'org']);
      created.push(parseAs(CreatedKey, r.doc(WriteDoc).results[0]?.result, 'created key').id);
    }
    await h.control('POST', '/faults', { kind: 'key-delete', ids: [created[1]] });
    const r = await h.run(['keys', 'revoke', '--filter', 'tmp-*', '--yes']);
    expect(r.code).toBe(3);
    const doc = r.doc(RevokeDoc);
    expect(doc.schema).toBe('ec-access/revoke@1');
    expect(doc.still_active).toEqual([created[1]]);
    expect(doc.results.map((x) => x.status)).toEqual(['revoked', 'failed']);
    expect((await h.writes()).filter((w) => w.method === 'DELETE')).toHaveLength(1);
  });

  it('asks for "revoke N" at a terminal for several keys', async () => {
    const { keys } = (await h.run(['keys', 'list'])).doc(KeysDoc);
    const ids = keys
      .filter((k) => k.id !== h.sandbox.ownerKeyId)
      .slice(0, 2)
      .map((k) => k.id);
    const r = await h.run(['keys', 'revoke', '--ids', ids.join(',')], { tty: true, input: 'revoke 2\n' });
    expect(r.stderr).toContain('Type "revoke 2" to confirm');
    expect(r.code).toBe(0);
  });

  it('unknown ids and empty filters are usage errors', async () => {
    expect((await h.run(['keys', 'revoke', '--ids', 'nope', '--yes'])).code).toBe(2);
    expect((await h.run(['keys', 'revoke', '--filter', 'zzz-no-such', '--yes'])).code).toBe(2);
    expect((await h.run(['keys', 'revoke', '--yes'])).code).toBe(2);
  });
});

describe('roles create over an existing role', () => {
  const BODY = '{"cluster":[],"indices":[{"names":["other-*"],"privileges":["read"]}]}';
  const args = ['roles', 'create', '--project', 'search-prod', '--name', 'marketing-reader', '--body', BODY];

  it('is destructive: without a terminal it needs --yes and sends nothing', async () => {
    await h.clearRequests();
    const r = await h.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --yes/);
    expect(await h.writes()).toEqual([]);
  });

  it('--dry-run says it replaces the role and who holds it', async () => {
    await h.clearRequests();
    const r = await h.run([...args, '--dry-run']);
    expect(r.code).toBe(0);
    const [warning] = r.doc(DryRunDoc).warnings;
    expect(warning).toMatch(/^replaces the existing role "marketing-reader" in project search-prod, held by \d+: /);
    expect(await h.writes()).toEqual([]);
  });

  it('at a terminal shows the diff and the holders, and asks for the name typed', async () => {
    await h.clearRequests();
    const wrong = await h.run(args, { tty: true, input: 'marketing\n' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/replace custom role "marketing-reader" in project search-prod/);
    expect(wrong.stderr).toMatch(/- indices: \[.*marketing-\*/);
    expect(wrong.stderr).toMatch(/\+ indices: \[.*other-\*/);
    expect(wrong.stderr).toMatch(/held by \S+/);
    expect(wrong.stderr).toMatch(/Type "marketing-reader" to confirm/);
    expect(await h.writes()).toEqual([]);

    const right = await h.run(args, { tty: true, input: 'marketing-reader\n' });
    expect(right.code).toBe(0);
    expect((await h.writes()).length).toBe(1);
  });

  it('a new role is created without asking', async () => {
    const r = await h.run(['roles', 'create', '--project', 'search-prod', '--name', 'fresh-role', '--body', BODY]);
    expect(r.code).toBe(0);
  });
});
