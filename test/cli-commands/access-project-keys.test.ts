/**
 * Project (Elasticsearch) API keys in the access review: `ec-access access` lists each live one as a principal with
 * one grant on its own project and the privileges its role descriptors allow; `--key` finds one; `--since` reports
 * one revoked inside its project; a project whose keys cannot be read is named, not skipped.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAccessExport, type AccessExport } from '../../src/domain/review/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

async function review(args: readonly string[] = []): Promise<AccessExport> {
  const r = await h.run(['access', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return parseAccessExport(r.stdout, 'stdout');
}

const projectKeyGrants = (doc: AccessExport) => doc.grants.filter((g) => g.principal.kind === 'project-key');
const grantOf = (doc: AccessExport, name: string, project: string) =>
  projectKeyGrants(doc).find((g) => g.principal.identity === name && g.scope.name === project);

const KeysList = z.object({
  project_keys: z.array(z.object({ id: z.string(), name: z.string().nullable(), project_name: z.string() })),
});

describe('access: project API keys', () => {
  it('lists each live project key once, on its own project only, with what its descriptors allow', async () => {
    const doc = await review();
    const rows = projectKeyGrants(doc);
    expect(rows.map((g) => `${g.scope.name}/${g.principal.identity}`).sort()).toEqual([
      'obs-dev/metrics-shipper',
      'obs-prod/metrics-shipper',
      'search-prod/logstash-ingest',
      'search-prod/metrics-shipper',
      'search-prod/ops-break-glass',
      'search-prod/reindex-job',
    ]);
    // The invalidated key no longer grants anything, so it is not in the review.
    expect(rows.map((g) => g.principal.identity)).not.toContain('old-ingest (rotated)');
    expect(new Set(rows.map((g) => g.principal.id)).size).toBe(rows.length);
    expect(doc.summary.principals['project-key']).toBe(rows.length);
    expect(doc.principals.filter((p) => p.kind === 'project-key')).toHaveLength(rows.length);

    const logstash = grantOf(doc, 'logstash-ingest', 'search-prod')!;
    expect(logstash).toMatchObject({
      scope: { kind: 'project', type: 'elasticsearch' },
      role_id: 'role_descriptors',
      via: 'direct',
      expires_at: null,
      application_roles: [],
    });
    expect(logstash.privileges).toEqual(['cluster: monitor', 'logs-*: create_doc,create_index']);
    expect(logstash.role).toBe('project API key: cluster: monitor; logs-*: create_doc,create_index');
    expect(grantOf(doc, 'ops-break-glass', 'search-prod')!.role).toBe('project API key: superuser-like');
  });

  it('--key finds a project key by id, and only its grant', async () => {
    const all = await review();
    const target = grantOf(all, 'reindex-job', 'search-prod')!;
    const doc = await review(['--key', target.principal.id]);
    expect(doc.grants).toEqual([target]);
    expect(doc.principals.map((p) => [p.kind, p.id])).toEqual([['project-key', target.principal.id]]);
    expect(doc.filters.key).toBe(target.principal.id);
  });

  it('the table and Markdown show a project key in its project with its privileges', async () => {
    const table = await h.run(['access', '--project', 'search-prod'], { tty: true });
    expect(table.stdout).toMatch(
      /project API key\s+logstash-ingest\s+search-prod \(elasticsearch\)\s+project API key: cluster: monitor/,
    );
    const md = await h.run(['access', '--format', 'md']);
    expect(md.stdout).toMatch(/Project API keys \| \d+ \|/);
    const section = md.stdout.split(/^## /m).find((part) => part.startsWith('Project search-prod '));
    expect(section).toContain('| project API key | ops-break-glass | project API key: superuser-like | superuser |');
    expect(md.stdout.split(/^## /m).find((part) => part.startsWith('Project search-staging '))).not.toContain(
      'project API key',
    );
  });

  it('--since reports a project key invalidated inside its project as gone', async () => {
    const before = await review();
    const file = join(h.dir, 'q1.json');
    writeFileSync(file, JSON.stringify(before));
    const listed = (await h.run(['keys', 'list'])).doc(KeysList).project_keys;
    const shipper = listed.find((k) => k.name === 'metrics-shipper' && k.project_name === 'obs-prod')!;
    expect((await h.run(['keys', 'revoke', '--ids', shipper.id, '--yes'])).code).toBe(0);

    const r = await h.run(['access', '--since', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const Diff = z.object({
      principals_gone: z.array(
        z.object({ principal: z.object({ kind: z.string(), id: z.string() }), grants: z.number() }),
      ),
      added: z.array(z.unknown()),
      removed: z.array(z.unknown()),
    });
    const diff = Diff.parse(JSON.parse(r.stdout));
    expect(diff.principals_gone.map((p) => [p.principal.kind, p.principal.id, p.grants])).toEqual([
      ['project-key', shipper.id, 1],
    ]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('names each project whose keys it cannot read, and still prints the rest', async () => {
    const r = await h.run(['access', '--format', 'json'], {
      env: { EC_BASE_URL: h.sandbox.baseUrl, EC_API_KEY: h.sandbox.viewerKey },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/API keys of project search-prod not read \(not in this review\): /);
    const doc = parseAccessExport(r.stdout, 'stdout');
    expect(projectKeyGrants(doc)).toEqual([]);
    expect(doc.grants.length).toBeGreaterThan(0);
  });
});
