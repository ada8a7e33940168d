/**
 * Every `cloud_access.py` example in the access-management skill has an ec-access equivalent with the documented
 * effect. The examples are read from the skill itself (../shared/reference/skill), run in document order against
 * one sandbox (later examples use what earlier ones created), with $ORG_ID / $PROJECT_ID / $USER_ID replaced by
 * real ids as the skill instructs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvitationList, PROJECT_TYPES, RoleDescriptor } from '../../src/api/schemas.js';
import {
  CreatedKeyResult,
  InvitationsDoc,
  KeysDoc,
  MembersDoc,
  ProjectsDoc,
  RoleDoc,
  WriteDoc,
} from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { startHarness, type Harness, type RunResult } from './harness.js';

const SKILL = join(import.meta.dirname, '../../../shared/reference/skill/access-management-SKILL.md');

interface Invocation {
  readonly command: string;
  readonly flags: Readonly<Record<string, string>>;
}

/** The script invocations in the skill's ```bash blocks, continuation lines joined, quotes removed. */
function skillInvocations(markdown: string): Invocation[] {
  const blocks = [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\\\n\s*/g, ''));
  return blocks.flatMap((block) =>
    block
      .split('\n')
      .filter((l) => l.includes('cloud_access.py'))
      .map((line) => {
        const words = [...line.split('cloud_access.py')[1]!.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map(
          (m) => m[1] ?? m[2] ?? m[3]!,
        );
        const [command = '', ...rest] = words;
        const flags: Record<string, string> = {};
        for (let i = 0; i < rest.length; i++) {
          const name = rest[i]!.replace(/^--/, '');
          const value = rest[i + 1];
          if (value !== undefined && !value.startsWith('--')) {
            flags[name] = value;
            i++;
          } else flags[name] = 'true';
        }
        return { command, flags };
      }),
  );
}

let h: Harness;
let ids: { org: string; searchStaging: string; obsProd: string; user?: string };

/** The skill says to replace these placeholders with the real ids. */
const fill = (text: string) =>
  text
    .replaceAll('$ORG_ID', ids.org)
    .replaceAll('$USER_ID', ids.user ?? '$USER_ID')
    .replaceAll('$PROJECT_ID', text.includes('"observability"') ? ids.obsProd : ids.searchStaging);

/** skill command → ec-access argv. Custom roles go to search-staging (the skill's ELASTICSEARCH_URL). */
const EQUIVALENT: Record<string, (f: Record<string, string>) => string[]> = {
  'list-members': () => ['members', 'list'],
  'list-api-keys': () => ['keys', 'list'],
  'invite-user': (f) => ['members', 'invite', '--emails', f.emails!, ...(f.roles ? ['--roles', fill(f.roles)] : [])],
  'create-custom-role': (f) => [
    'roles',
    'create',
    '--project',
    'search-staging',
    '--name',
    f['role-name']!,
    '--body',
    f.body!,
  ],
  'assign-custom-role': (f) => [
    'roles',
    'assign-custom',
    '--user-id',
    fill(f['user-id']!),
    '--project',
    fill(f['project-id']!),
    '--role-name',
    f['custom-role-name']!,
  ],
  'assign-role': (f) => ['roles', 'assign', '--user-id', fill(f['user-id']!), '--roles', fill(f.roles!)],
  'create-api-key': (f) => [
    'keys',
    'create',
    '--description',
    f.description!,
    '--expiration',
    f.expiration!,
    '--roles',
    fill(f.roles!),
    ...(f['stack-access'] ? ['--stack-access', f['stack-access']] : []),
    // Org-wide stack access is an explicit choice in ec-access (the skill asks agents to confirm it).
    ...(f['stack-access'] && f.roles!.includes('"organization"') ? ['--scope', 'org'] : []),
  ],
};

/** The value a test goes on with; its absence fails the test here rather than as a TypeError later. */
function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} not found`);
  return value;
}

async function member(email: string) {
  return found(
    (await h.run(['members', 'list'])).doc(MembersDoc).members.find((m) => m.email === email),
    email,
  );
}

const memberById = async (userId: string | undefined) =>
  (await h.run(['members', 'list'])).doc(MembersDoc).members.find((x) => x.user_id === userId);

/** The documented effect of each example, checked on the sandbox after it ran. */
async function checkEffect(inv: Invocation, run: RunResult) {
  const f = inv.flags;
  switch (inv.command) {
    case 'list-members':
      expect(run.doc(MembersDoc).members.length).toBeGreaterThan(0);
      return;
    case 'list-api-keys':
      expect(run.doc(KeysDoc).keys.length).toBeGreaterThan(0);
      return;
    case 'create-custom-role': {
      const shown = (await h.run(['roles', 'list', '--project', 'search-staging', '--name', f['role-name']!])).doc(
        RoleDoc,
      );
      const body = parseAs(RoleDescriptor, JSON.parse(f.body!), 'the example role body');
      expect(shown.role.indices.map((i) => i.names)).toEqual(body.indices?.map((i) => i.names));
      expect(shown.role.applications).toEqual(body.applications ?? []);
      return;
    }
    case 'invite-user': {
      const invitation = (await h.run(['invitations', 'list']))
        .doc(InvitationsDoc)
        .invitations.find((i) => i.email === f.emails);
      expect(invitation).toBeDefined();
      if (f.roles) {
        expect(invitation?.role_assignments.project?.elasticsearch).toEqual([
          { role_id: 'elasticsearch-viewer', organization_id: ids.org, all: false, project_ids: [ids.searchStaging] },
        ]);
      } else {
        expect(invitation?.role_assignments).toEqual({});
        // The flow continues "after the invitation is accepted".
        const token = await invitationToken(f.emails!);
        await h.control('POST', `/invitations/${token}/_accept`, {});
        ids.user = (await member(f.emails!)).user_id;
      }
      return;
    }
    case 'assign-custom-role': {
      const m = await memberById(ids.user);
      expect(m?.role_assignments.project?.elasticsearch).toContainEqual({
        role_id: 'elasticsearch-viewer',
        organization_id: ids.org,
        all: false,
        project_ids: [ids.searchStaging],
        application_roles: [f['custom-role-name']],
      });
      return;
    }
    case 'assign-role': {
      const m = await memberById(ids.user);
      expect(m?.role_assignments.project?.observability).toContainEqual({
        role_id: 'observability-admin',
        organization_id: ids.org,
        all: false,
        project_ids: [ids.obsProd],
      });
      return;
    }
    case 'create-api-key': {
      const result = parseAs(CreatedKeyResult, run.doc(WriteDoc).results[0]?.result, 'the created key');
      const key = found(
        (await h.run(['keys', 'list'])).doc(KeysDoc).keys.find((k) => k.id === result.id),
        `key ${result.id}`,
      );
      expect(key.description).toBe(f.description);
      const days = (Date.parse(key.expiration_date ?? '') - Date.parse(key.creation_date)) / 86_400_000;
      expect(Math.round(days)).toBe(Number(f.expiration!.replace('d', '')));
      const entries = [
        ...(key.role_assignments.organization ?? []),
        ...(key.role_assignments.deployment ?? []),
        ...PROJECT_TYPES.flatMap((type) => key.role_assignments.project?.[type] ?? []),
      ];
      expect(entries.every((e) => e.organization_id === ids.org)).toBe(true);
      const stackAccess = f['stack-access'];
      if (stackAccess) expect(entries.every((e) => e.application_roles?.includes(stackAccess))).toBe(true);
      expect(key.stack_access).toBe(Boolean(f['stack-access']) || f.roles!.includes('application_roles'));
      // The value is in a 0600 file and nowhere in the output.
      const secret = readFileSync(result.secret_file, 'utf8');
      expect(statSync(result.secret_file).mode & 0o777).toBe(0o600);
      expect(run.stdout + run.stderr).not.toContain(secret);
      return;
    }
    default:
      throw new Error(`no effect check for ${inv.command}`);
  }
}

async function invitationToken(email: string): Promise<string> {
  const res = await fetch(`${h.sandbox.baseUrl}/api/v1/organizations/${ids.org}/invitations`, {
    headers: { authorization: `ApiKey ${h.sandbox.ownerKey}` },
  });
  const { invitations } = parseAs(InvitationList, await res.json(), 'invitations');
  return found(
    invitations.find((i) => i.email === email),
    `the invitation of ${email}`,
  ).token;
}

const available = existsSync(SKILL);
const invocations = available ? skillInvocations(readFileSync(SKILL, 'utf8')) : [];

describe.skipIf(!available)("the skill's examples, as ec-access commands", () => {
  beforeAll(async () => {
    h = await startHarness();
    const { projects } = (await h.run(['projects', 'list'])).doc(ProjectsDoc);
    const byName = (n: string) => found(projects.find((p) => p.name === n)?.id, `project ${n}`);
    ids = { org: h.sandbox.organizationId, searchStaging: byName('search-staging'), obsProd: byName('obs-prod') };
  });
  afterAll(async () => {
    await h.stop();
  });

  it('finds the examples', () => {
    expect(invocations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(invocations.map((i) => i.command))).toEqual(new Set(Object.keys(EQUIVALENT)));
  });

  it.each(
    invocations.map(
      (inv, i) =>
        [
          `${i + 1}. ${inv.command} ${inv.flags.description ?? inv.flags['role-name'] ?? inv.flags.emails ?? ''}`,
          inv,
        ] as const,
    ),
  )('%s', async (_name, inv) => {
    const argv = EQUIVALENT[inv.command]!(inv.flags);
    const r = await h.run(argv);
    expect(r.code, `ec-access ${argv.join(' ')}\n${r.stderr}`).toBe(0);
    await checkEffect(inv, r);
  });
});
