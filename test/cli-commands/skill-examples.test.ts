/**
 * Every `cloud_access.py` example in the access-management skill has an ec-access equivalent with the documented
 * effect. The examples are read from the skill itself (../shared/reference/skill), run in document order against
 * one sandbox (later examples use what earlier ones created), with $ORG_ID / $PROJECT_ID / $USER_ID replaced by
 * real ids as the skill instructs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

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

async function member(email: string) {
  return (await h.run(['members', 'list'])).json().members.find((m: any) => m.email === email);
}

/** The documented effect of each example, checked on the sandbox after it ran. */
async function checkEffect(inv: Invocation, stdout: string, stderr: string) {
  const f = inv.flags;
  switch (inv.command) {
    case 'list-members':
      expect(JSON.parse(stdout).members.length).toBeGreaterThan(0);
      return;
    case 'list-api-keys':
      expect(JSON.parse(stdout).keys.length).toBeGreaterThan(0);
      return;
    case 'create-custom-role': {
      const shown = (await h.run(['roles', 'list', '--project', 'search-staging', '--name', f['role-name']!])).json();
      const body = JSON.parse(f.body!);
      expect(shown.role.indices.map((i: any) => i.names)).toEqual(body.indices.map((i: any) => i.names));
      expect(shown.role.applications).toEqual(body.applications ?? []);
      return;
    }
    case 'invite-user': {
      const invitation = (await h.run(['invitations', 'list']))
        .json()
        .invitations.find((i: any) => i.email === f.emails);
      expect(invitation).toBeDefined();
      if (f.roles) {
        expect(invitation.role_assignments.project.elasticsearch).toEqual([
          { role_id: 'elasticsearch-viewer', organization_id: ids.org, all: false, project_ids: [ids.searchStaging] },
        ]);
      } else {
        expect(invitation.role_assignments).toEqual({});
        // The flow continues "after the invitation is accepted".
        const token = await invitationToken(f.emails!);
        await h.control('POST', `/invitations/${token}/_accept`, {});
        ids.user = (await member(f.emails!)).user_id;
      }
      return;
    }
    case 'assign-custom-role': {
      const m = (await h.run(['members', 'list'])).json().members.find((x: any) => x.user_id === ids.user);
      expect(m.role_assignments.project.elasticsearch).toContainEqual({
        role_id: 'elasticsearch-viewer',
        organization_id: ids.org,
        all: false,
        project_ids: [ids.searchStaging],
        application_roles: [f['custom-role-name']],
      });
      return;
    }
    case 'assign-role': {
      const m = (await h.run(['members', 'list'])).json().members.find((x: any) => x.user_id === ids.user);
      expect(m.role_assignments.project.observability).toContainEqual({
        role_id: 'observability-admin',
        organization_id: ids.org,
        all: false,
        project_ids: [ids.obsProd],
      });
      return;
    }
    case 'create-api-key': {
      const result = JSON.parse(stdout).results[0].result;
      const key = (await h.run(['keys', 'list'])).json().keys.find((k: any) => k.id === result.id);
      expect(key.description).toBe(f.description);
      const days = (Date.parse(key.expiration_date) - Date.parse(key.creation_date)) / 86_400_000;
      expect(Math.round(days)).toBe(Number(f.expiration!.replace('d', '')));
      const entries = [
        ...(key.role_assignments.organization ?? []),
        ...(key.role_assignments.deployment ?? []),
        ...(Object.values(key.role_assignments.project ?? {}).flat() as any[]),
      ];
      expect(entries.every((e: any) => e.organization_id === ids.org)).toBe(true);
      if (f['stack-access'])
        expect(entries.every((e: any) => e.application_roles?.includes(f['stack-access']))).toBe(true);
      expect(key.stack_access).toBe(Boolean(f['stack-access']) || f.roles!.includes('application_roles'));
      // The value is in a 0600 file and nowhere in the output.
      const secret = readFileSync(result.secret_file, 'utf8');
      expect(statSync(result.secret_file).mode & 0o777).toBe(0o600);
      expect(stdout + stderr).not.toContain(secret);
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
  return ((await res.json()) as any).invitations.find((i: any) => i.email === email).token;
}

const available = existsSync(SKILL);
const invocations = available ? skillInvocations(readFileSync(SKILL, 'utf8')) : [];

describe.skipIf(!available)("the skill's examples, as ec-access commands", () => {
  beforeAll(async () => {
    h = await startHarness();
    const projects = (await h.run(['projects', 'list'])).json().projects;
    const byName = (n: string) => projects.find((p: any) => p.name === n).id;
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
    await checkEffect(inv, r.stdout, r.stderr);
  });
});
