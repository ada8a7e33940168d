import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreatedKeyResult,
  DryRunDoc,
  InvitationsDoc,
  InvitedResult,
  MembersDoc,
  ProjectsDoc,
  WriteDoc,
} from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

/** The value a test goes on with; its absence fails the test here rather than as a TypeError later. */
function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} not found`);
  return value;
}

async function projectId(name: string): Promise<string> {
  const { projects } = (await h.run(['projects', 'list'])).doc(ProjectsDoc);
  return found(
    projects.find((p) => p.name === name),
    `project ${name}`,
  ).id;
}

interface SomeMember {
  readonly user_id: string;
  readonly email: string;
}

/** A member with neither organization nor observability roles, named by id and email. */
async function someMember(): Promise<SomeMember> {
  const { members } = (await h.run(['members', 'list'])).doc(MembersDoc);
  const m = found(
    members.find((m) => !(m.role_assignments.organization ?? []).length && !m.role_assignments.project?.observability),
    'a member without organization or observability roles',
  );
  if (m.email === null) throw new Error(`member ${m.user_id} has no email`);
  return { user_id: m.user_id, email: m.email };
}

async function memberById(userId: string) {
  const { members } = (await h.run(['members', 'list'])).doc(MembersDoc);
  return found(
    members.find((x) => x.user_id === userId),
    `member ${userId}`,
  );
}

describe('--dry-run on every write', () => {
  const ROLE = '{"cluster":[],"indices":[{"names":["marketing-*"],"privileges":["read"]}]}';
  const cases: Array<[string, (m: SomeMember) => string[], string, RegExp]> = [
    [
      'members invite',
      () => ['members', 'invite', '--emails', 'new@example.com', '--project', 'search-prod', '--role', 'viewer'],
      'POST',
      /\/organizations\/[^/]+\/invitations$/,
    ],
    ['members remove', (m) => ['members', 'remove', '--user-id', m.user_id], 'DELETE', /\/members\/\d+$/],
    [
      'roles assign',
      (m) => ['roles', 'assign', '--user-id', m.user_id, '--project', 'obs-prod', '--role', 'admin'],
      'POST',
      /\/users\/\d+\/role_assignments$/,
    ],
    [
      'roles unassign',
      (m) => ['roles', 'unassign', '--email', m.email, '--project', 'obs-prod', '--role', 'admin'],
      'DELETE',
      /\/users\/\d+\/role_assignments$/,
    ],
    [
      'roles assign-custom',
      (m) => [
        'roles',
        'assign-custom',
        '--user-id',
        m.user_id,
        '--project',
        'search-prod',
        '--role-name',
        'marketing-reader',
      ],
      'POST',
      /\/role_assignments$/,
    ],
    [
      'roles unassign-custom',
      (m) => [
        'roles',
        'unassign-custom',
        '--user-id',
        m.user_id,
        '--project',
        'search-prod',
        '--role-name',
        'marketing-reader',
      ],
      'DELETE',
      /\/role_assignments$/,
    ],
    [
      'roles create',
      () => ['roles', 'create', '--project', 'search-prod', '--name', 'new-role', '--body', ROLE],
      'PUT',
      /\/_es\/[0-9a-f]{32}\/_security\/role\/new-role$/,
    ],
    [
      'roles delete',
      () => ['roles', 'delete', '--project', 'search-prod', '--name', 'marketing-reader'],
      'DELETE',
      /\/_security\/role\/marketing-reader$/,
    ],
    [
      'keys create',
      () => [
        'keys',
        'create',
        '--description',
        'ci',
        '--expiration',
        '7d',
        '--scope',
        'all:elasticsearch',
        '--stack-access',
        'developer',
      ],
      'POST',
      /\/users\/auth\/keys$/,
    ],
    ['keys revoke', () => ['keys', 'revoke', '--filter', 'Grafana*'], 'DELETE', /\/users\/auth\/keys$/],
    [
      'invitations cancel',
      () => ['invitations', 'cancel', '--email', '__first__'],
      'DELETE',
      /\/invitations\/\[redacted\]$/,
    ],
  ];

  it.each(cases)('%s', async (_name, argv, method, url) => {
    const m = await someMember();
    const invitation = (await h.run(['invitations', 'list'])).doc(InvitationsDoc).invitations[0];
    await h.clearRequests();
    const args = argv(m).map((a) => (a === '__first__' ? found(invitation, 'an invitation').email : a));
    const r = await h.run([...args, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.doc(DryRunDoc);
    expect(doc.schema).toBe('ec-access/dry-run@1');
    expect(doc.requests.length).toBeGreaterThan(0);
    for (const req of doc.requests) {
      expect(req.method).toBe(method);
      expect(req.url.startsWith(h.sandbox.baseUrl)).toBe(true);
      expect(req.url).toMatch(url);
    }
    expect(await h.writes()).toEqual([]);
  });
});

describe('members invite', () => {
  it('--project/--role expands the short role to the wire id; one request per email; tokens redacted', async () => {
    const search = await projectId('search-prod');
    const r = await h.run([
      'members',
      'invite',
      '--emails',
      'a@example.com,b@example.com',
      '--project',
      'search-prod',
      '--role',
      'developer',
      '--expires-in',
      '3d',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.doc(WriteDoc);
    expect(doc.results.map((x) => x.target)).toEqual(['a@example.com', 'b@example.com']);
    const sent = (await h.writes()).map((w): unknown => JSON.parse(w.body!));
    expect(sent).toEqual(
      ['a@example.com', 'b@example.com'].map((email) => ({
        emails: [email],
        expires_in: '3d',
        role_assignments: {
          project: {
            elasticsearch: [
              {
                role_id: 'elasticsearch-developer',
                organization_id: h.sandbox.organizationId,
                all: false,
                project_ids: [search],
              },
            ],
          },
        },
      })),
    );
    const invited = parseAs(InvitedResult, doc.results[0]?.result, 'the first invitation');
    expect(invited.invitations[0]?.token).toBe('[redacted]');
  });

  it('placeholders, bad roles and bad emails are usage errors naming the flag; nothing is sent', async () => {
    await h.clearRequests();
    const placeholder = await h.run([
      'members',
      'invite',
      '--emails',
      'x@example.com',
      '--roles',
      '{"project":{"elasticsearch":[{"role_id":"viewer","organization_id":"$ORG_ID","all":true}]}}',
    ]);
    expect(placeholder.code).toBe(2);
    expect(placeholder.stderr).toContain('--roles project.elasticsearch[0].organization_id');
    expect(placeholder.stderr).toContain(h.sandbox.organizationId);
    const role = await h.run([
      'members',
      'invite',
      '--emails',
      'x@example.com',
      '--project',
      'obs-prod',
      '--role',
      'developer',
    ]);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--project\/--role/);
    const email = await h.run(['members', 'invite', '--emails', 'x@example.com,not-an-email']);
    expect(email.code).toBe(2);
    expect(email.stderr).toMatch(/--emails.*not an email address/);
    expect(await h.writes()).toEqual([]);
  });

  it('ambiguous and unknown projects list the candidates', async () => {
    const ambiguous = await h.run([
      'members',
      'invite',
      '--emails',
      'x@example.com',
      '--project',
      'search',
      '--role',
      'viewer',
    ]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/matches 2 projects/);
    expect(ambiguous.stderr).toMatch(/search-prod [\s\S]*search-staging/);
    const unknown = await h.run([
      'members',
      'invite',
      '--emails',
      'x@example.com',
      '--project',
      'nope',
      '--role',
      'viewer',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no project matches --project "nope"; known projects/);
  });

  it('exit 3 when one of several invitations is refused', async () => {
    await h.control('POST', '/faults', {
      kind: 'status',
      method: 'POST',
      path: '/api/v1/organizations/*/invitations',
      status: 400,
      body: { errors: [{ code: 'organization.invitation_invalid_email', message: 'bad address' }] },
    });
    const r = await h.run(['members', 'invite', '--emails', 'one@example.com,two@example.com']);
    expect(r.code).toBe(3);
    const { results } = r.doc(WriteDoc);
    expect(results.map((x) => x.ok)).toEqual([false, true]);
    expect(results[0]?.error?.code).toBe('organization.invitation_invalid_email');
  });
});

describe('roles', () => {
  it('assign then unassign with the short form', async () => {
    const m = await someMember();
    const obs = await projectId('obs-prod');
    expect(
      (await h.run(['roles', 'assign', '--email', m.email, '--project', 'obs-prod', '--role', 'admin'])).code,
    ).toBe(0);
    const entry = {
      role_id: 'observability-admin',
      organization_id: h.sandbox.organizationId,
      all: false,
      project_ids: [obs],
    };
    const after = await memberById(m.user_id);
    expect(after.role_assignments.project?.observability).toContainEqual(entry);
    const removed = await h.run([
      'roles',
      'unassign',
      '--email',
      m.email,
      '--project',
      'obs-prod',
      '--role',
      'admin',
      '--yes',
    ]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.doc(WriteDoc).warnings).toEqual([]);
    const again = await h.run([
      'roles',
      'unassign',
      '--email',
      m.email,
      '--project',
      'obs-prod',
      '--role',
      'admin',
      '--dry-run',
    ]);
    expect(again.doc(DryRunDoc).warnings.join(' ')).toMatch(/holds no assignment exactly like observability-admin/);
    const final = await memberById(m.user_id);
    expect(final.role_assignments.project?.observability ?? []).not.toContainEqual(entry);
  });

  it('assign-custom warns when the project lacks the role; unassign-custom asks for the email at a terminal', async () => {
    const m = await someMember();
    const r = await h.run([
      'roles',
      'assign-custom',
      '--user-id',
      m.user_id,
      '--project',
      'search-staging',
      '--role-name',
      'not-there-yet',
    ]);
    expect(r.code).toBe(0);
    expect(r.doc(WriteDoc).warnings.join(' ')).toMatch(/has no custom role "not-there-yet"/);
    const un = await h.run(
      [
        'roles',
        'unassign-custom',
        '--user-id',
        m.user_id,
        '--project',
        'search-staging',
        '--role-name',
        'not-there-yet',
      ],
      { tty: true, input: `${m.email}\n` },
    );
    expect(un.code, un.stderr).toBe(0);
    expect(un.stderr).toContain(`Type "${m.email}"`);
  });

  it('create validates the descriptor against Serverless and names --body; delete warns about holders', async () => {
    const bad = await h.run([
      'roles',
      'create',
      '--project',
      'search-prod',
      '--name',
      'x',
      '--body',
      '{"cluster":["manage_ilm"]}',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--body cluster\[0\]/);
    const reserved = await h.run(['roles', 'create', '--project', 'search-prod', '--name', 'viewer', '--body', '{}']);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toMatch(/--name: .*predefined role/);
    const file = join(h.dir, 'role.json');
    writeFileSync(file, '{"cluster":[],"indices":[{"names":["logs-*"],"privileges":["read"]}]}');
    const created = await h.run([
      'roles',
      'create',
      '--project',
      'search-prod',
      '--name',
      'logs-reader',
      '--body-file',
      file,
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.doc(WriteDoc).results[0]?.result).toEqual({ role: { created: true } });

    const del = await h.run(['roles', 'delete', '--project', 'search-prod', '--name', 'marketing-reader', '--dry-run']);
    expect(del.doc(DryRunDoc).warnings.join(' ')).toMatch(/assigned "marketing-reader"/);
    expect(
      (await h.run(['roles', 'delete', '--project', 'search-prod', '--name', 'marketing-reader', '--yes'])).doc(
        WriteDoc,
      ).results[0]?.result,
    ).toEqual({ found: true });
    expect(
      (await h.run(['roles', 'delete', '--project', 'search-prod', '--name', 'marketing-reader', '--yes'])).code,
    ).toBe(2);
  });
});

describe('keys create: the secret', () => {
  const create = (...extra: string[]) =>
    h.run([
      'keys',
      'create',
      '--description',
      'CI pipeline - ES ingest',
      '--expiration',
      '30d',
      '--scope',
      'all:elasticsearch',
      '--stack-access',
      'developer',
      ...extra,
    ]);

  it('goes to a 0600 file in the state directory, never to stdout or stderr', async () => {
    const r = await create();
    expect(r.code, r.stderr).toBe(0);
    const result = parseAs(CreatedKeyResult, r.doc(WriteDoc).results[0]?.result, 'the created key');
    expect(result.secret_file).toBe(join(h.dir, 'state', 'ec-access', 'secrets', `${result.id}.key`));
    const secret = readFileSync(result.secret_file, 'utf8');
    expect(secret.length).toBeGreaterThan(16);
    expect(statSync(result.secret_file).mode & 0o777).toBe(0o600);
    expect(r.stdout).not.toContain(secret);
    expect(r.stderr).not.toContain(secret);
    expect(result).not.toHaveProperty('secret');
    // The sandbox request log and the audit trail do not have it either.
    expect(JSON.stringify(await h.requests())).not.toContain(secret);
    const audit = readFileSync(join(h.dir, 'state', 'ec-access', 'audit.jsonl'), 'utf8');
    expect(audit).not.toContain(secret);
    expect(
      audit
        .trim()
        .split('\n')
        .map((line): unknown => JSON.parse(line)),
    ).toContainEqual(
      expect.objectContaining({
        type: 'write',
        method: 'POST',
        path: '/users/auth/keys',
        outcome: 'done',
        summary: 'create API key "CI pipeline - ES ingest"',
      }),
    );
  });

  it('--secret-file refuses an existing file before creating anything; --reveal prints the value', async () => {
    const taken = join(h.dir, 'taken.key');
    writeFileSync(taken, 'do not touch');
    await h.clearRequests();
    const refused = await create('--secret-file', taken);
    expect(refused.code).toBe(2);
    expect(readFileSync(taken, 'utf8')).toBe('do not touch');
    expect(await h.writes()).toEqual([]);

    const path = join(h.dir, 'ci.key');
    const revealed = await create('--secret-file', path, '--reveal', '--table');
    expect(revealed.code).toBe(0);
    expect(existsSync(path)).toBe(true);
    expect(revealed.stdout).toContain(`value saved to ${path}`);
    expect(revealed.stdout).toContain(`value: ${readFileSync(path, 'utf8')}`);
  });

  it('keys without application_roles are flagged Cloud-only; --scope and --roles exclude each other', async () => {
    const cloudOnly = await h.run([
      'keys',
      'create',
      '--description',
      'cloud',
      '--expiration',
      '1d',
      '--scope',
      'all:security',
    ]);
    expect(cloudOnly.doc(WriteDoc).warnings.join(' ')).toMatch(/403/);
    const both = await h.run([
      'keys',
      'create',
      '--description',
      'x',
      '--expiration',
      '1d',
      '--scope',
      'all:security',
      '--roles',
      '{}',
    ]);
    expect(both.code).toBe(2);
    const neither = await h.run(['keys', 'create', '--description', 'x', '--expiration', '1d']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/one of --roles or --scope/);
  });
});
