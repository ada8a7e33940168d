/**
 * `ec-access access` on the sandbox: every format, the filters, and `--since` over real changes made with the
 * other commands (a role added, altered, removed; a member removed; a key revoked), plus a key that expires
 * between two exports as the sandbox clock moves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessDiff, AccessExport } from '../../src/domain/review/index.js';
import { diffExports, parseAccessExport, reviewExport } from '../../src/domain/review/index.js';
import { loadOrgSnapshot } from '../../src/state/org-snapshot.js';
import { closeConnections } from '../../src/api/http.js';
import { cloudClient, start } from '../sandbox/helpers.js';
import { startHarness, type Harness } from './harness.js';

/** The command's JSON, read as the documented shape it claims to have (the assertions check the parts used). */
function documentOf<T>(text: string): T {
  const value: unknown = JSON.parse(text);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the test asserts the shape it reads
  return value as T;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const exportOf = async (args: string[] = []): Promise<AccessExport> => {
  const r = await h.run(['access', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return parseAccessExport(r.stdout, 'stdout');
};

describe('access: formats', () => {
  it('JSON by default off a terminal, with organization, time and schema; a table on one', async () => {
    const r = await h.run(['access']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parseAccessExport(r.stdout, 'stdout');
    expect(doc.organization.id).toBe(h.sandbox.organizationId);
    expect(Date.parse(doc.generated_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(doc.grants.length).toBeGreaterThan(50);
    // Members, pending invitations, Cloud and project API keys; organization, project and deployment scopes.
    expect(new Set(doc.grants.map((g) => g.principal.kind))).toEqual(
      new Set(['member', 'invitation', 'cloud-key', 'project-key']),
    );
    expect(new Set(doc.grants.map((g) => g.scope.kind))).toEqual(new Set(['organization', 'project', 'deployment']));
    expect(new Set(doc.grants.map((g) => g.via))).toEqual(new Set(['direct', 'all', 'organization', 'owner']));
    // Invitation tokens are secrets: an invitation is known by its email.
    expect(r.stdout).not.toMatch(/"token"/);

    const table = await h.run(['access'], { tty: true });
    expect(table.stdout.split('\n')[0]).toMatch(/^PRINCIPAL\s+IDENTITY\s+SCOPE\s+ROLE\s+STACK ROLES\s+VIA\s+EXPIRES$/);
    expect(table.stdout).toMatch(/all deployments \(deployment\)\s+deployment-admin/);
  });

  it('CSV and Markdown on request, terminal or not', async () => {
    const csv = await h.run(['access', '--format', 'csv'], { tty: true });
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('principal_kind,principal_id,identity,')).toBe(true);
    expect(csv.stdout.split('\r\n').length).toBeGreaterThan(50);
    const md = await h.run(['access', '--format', 'md']);
    expect(md.stdout).toMatch(/^# Access review: Acme Analytics\n/);
    expect(md.stdout).toContain('## Project search-prod (elasticsearch)');
    expect(md.stdout).toContain('## Deployments');
  });

  it('--with-findings adds the doctor findings, tokens redacted', async () => {
    const r = await h.run(['access', '--format', 'json', '--with-findings']);
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: { schema: 'ec-access/doctor@1' } });
    expect(r.stdout).toMatch(/"rule": "over-grant"/);
    expect(r.stdout).not.toMatch(/invitation:[A-Za-z0-9]{32}/);
    const md = await h.run(['access', '--format', 'md', '--with-findings']);
    expect(md.stdout).toContain('## Findings of the access doctor');
  });

  it('refuses an unknown format or type with a usage error', async () => {
    const format = await h.run(['access', '--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of table, json, csv, md');
    const type = await h.run(['access', '--type', 'kibana']);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('--type must be one of elasticsearch, observability, security, deployment');
  });
});

describe('access: filters', () => {
  it('--project by name, --type, --member and --key', async () => {
    const project = await exportOf(['--project', 'search-prod']);
    expect(new Set(project.grants.map((g) => g.scope.name))).toEqual(new Set(['search-prod']));
    expect(project.filters.project).toMatch(/^[0-9a-f]{32}$/);

    const deployments = await exportOf(['--type', 'deployment']);
    expect(deployments.grants.length).toBe(2);
    expect(new Set(deployments.grants.map((g) => g.scope.type))).toEqual(new Set(['deployment']));

    const all = await exportOf();
    const someone = all.grants.find((g) => g.principal.kind === 'member' && g.scope.kind === 'project')!;
    const member = await exportOf(['--member', someone.principal.identity.toUpperCase()]);
    expect(new Set(member.grants.map((g) => g.principal.id))).toEqual(new Set([someone.principal.id]));

    const key = await exportOf(['--key', h.sandbox.ownerKeyId, '--type', 'security']);
    // Two security projects, each reached through ownership (Cloud only) and through security-admin all: true.
    expect(new Set(key.grants.map((g) => `${g.principal.identity} ${g.scope.type}`))).toEqual(
      new Set(['ec-access sandbox (owner) security']),
    );
    expect(key.grants.map((g) => g.via).sort()).toEqual(['all', 'all', 'owner', 'owner']);
  });

  it('an unknown project is a usage error naming the known ones', async () => {
    const r = await h.run(['access', '--project', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no project matches --project "nope"');
  });
});

describe('access --since', () => {
  it('reports grants added, altered and removed, members and keys gone, after real changes', async () => {
    const before = await exportOf();
    const file = join(h.dir, 'q1.json');
    writeFileSync(file, JSON.stringify(before));
    const memberWith = (role: string, project: string) =>
      before.grants.find(
        (g) => g.principal.kind === 'member' && g.role_id === role && g.scope.name === project && g.via === 'direct',
      )!.principal.identity;
    const viewer = memberWith('elasticsearch-viewer', 'search-staging');
    const editor = memberWith('observability-editor', 'obs-prod');
    const admin = memberWith('security-admin', 'soc-main');
    const key = before.principals.find((p) => p.identity === 'Search ingest pipeline')!;

    const run = async (args: string[]) => expect((await h.run(args)).code).toBe(0);
    await run(['roles', 'assign', '--email', viewer, '--project', 'search-staging', '--role', 'developer']);
    await run(['roles', 'assign', '--email', editor, '--project', 'soc-lab', '--role', 'viewer']);
    await run(['roles', 'unassign', '--email', editor, '--project', 'obs-prod', '--role', 'editor', '--yes']);
    await run(['members', 'remove', '--email', admin, '--yes']);
    await run(['keys', 'revoke', '--ids', key.id, '--yes']);

    const r = await h.run(['access', '--since', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const diff = documentOf<AccessDiff>(r.stdout);
    expect(diff.since).toBe(before.generated_at);
    const grant = (g: AccessDiff['added'][number]) => `${g.principal.identity} ${g.scope.name} ${g.role_id}`;
    expect(diff.added.map(grant)).toEqual([`${editor} soc-lab security-viewer`]);
    expect(diff.removed.map(grant)).toEqual([`${editor} obs-prod observability-editor`]);
    expect(
      diff.altered.map((c) => [
        c.principal.identity,
        c.before.map((g) => g.role_id),
        c.after.map((g) => g.role_id).sort(),
      ]),
    ).toEqual([[viewer, ['elasticsearch-viewer'], ['elasticsearch-developer', 'elasticsearch-viewer']]]);
    expect(diff.principals_gone.map((p) => p.principal.identity).sort()).toEqual(
      [admin, 'Search ingest pipeline'].sort(),
    );
    expect(diff.keys_expired).toEqual([]);

    const table = await h.run(['access', '--since', file], { tty: true });
    expect(table.stdout).toContain('1 added, 1 removed, 1 altered, 2 principal(s) gone, 0 key(s) expired');
    const md = await h.run(['access', '--since', file, '--format', 'md']);
    expect(md.stdout).toContain('## Grants altered');
    const csv = await h.run(['access', '--since', file, '--format', 'csv']);
    expect(csv.stdout.split('\r\n').filter((l) => l.startsWith('principal-gone,'))).toHaveLength(2);
  });

  it('refuses another organization, another schema version, and a file that is not an export', async () => {
    const before = await exportOf();
    const other = join(h.dir, 'other-org.json');
    writeFileSync(other, JSON.stringify({ ...before, organization: { id: '999', name: 'Elsewhere' } }));
    const org = await h.run(['access', '--since', other]);
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('refusing to compare: the earlier export is of organization Elsewhere (999)');
    expect(org.stdout).toBe('');

    const v2 = join(h.dir, 'v2.json');
    writeFileSync(v2, JSON.stringify({ ...before, schema: 'ec-access/access@2' }));
    const schema = await h.run(['access', '--since', v2]);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain(
      'has schema ec-access/access@2, and this ec-access compares only ec-access/access@1',
    );

    const members = join(h.dir, 'members.json');
    writeFileSync(members, (await h.run(['members', 'list', '--json'])).stdout);
    expect((await h.run(['access', '--since', members])).stderr).toContain('is not an ec-access access export');
    expect((await h.run(['access', '--since', join(h.dir, 'missing.json')])).stderr).toContain('(no such file)');
    expect(readFileSync(members, 'utf8')).toContain('ec-access/members@1');
  });
});

describe('a key expiring between two reviews, on the sandbox clock', () => {
  it('is reported as expired, not as revoked', async () => {
    const sb = await start();
    try {
      const cloud = cloudClient(sb);
      const clock = async () => {
        const text = await (await fetch(`${sb.controlUrl}/clock`)).text();
        return new Date(/"now":"([^"]+)"/.exec(text)![1]!);
      };
      const snapshot = () =>
        loadOrgSnapshot({
          cloud,
          orgId: sb.organizationId,
          now: clock,
          customRoles: (projects) =>
            Promise.resolve(
              new Map(projects.map((p) => [p.id, { status: 'loaded', names: [], source: 'cloud' } as const])),
            ),
        });
      const before = reviewExport(await snapshot());
      expect(before.principals.some((p) => p.identity === 'Nightly snapshot check')).toBe(true);
      await fetch(`${sb.controlUrl}/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance: '5d' }),
      });
      const diff = diffExports(before, reviewExport(await snapshot()));
      expect(diff.keys_expired.map((k) => k.principal.identity)).toContain('Nightly snapshot check');
      expect(diff.principals_gone.map((p) => p.principal.identity)).not.toContain('Nightly snapshot check');
    } finally {
      await closeConnections();
      await sb.stop();
    }
  });
});
