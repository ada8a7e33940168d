/**
 * `ec-access doctor --json` on the default sandbox (no EC_API_KEY: the embedded, seeded organization) reports each
 * problem src/sandbox/seed.ts plants exactly once: a missing or a duplicated finding fails the multiset comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { DoctorDoc, ProjectsDoc } from '../support/cli-docs.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

/** rule · who · where (the finding's project, or the projects a create-custom-role fix names), one string per finding. */
async function findingsOf(env: NodeJS.ProcessEnv): Promise<string[]> {
  const { projects } = (await h.run(['projects', 'list'], { env })).doc(ProjectsDoc);
  const name = (id: string) => projects.find((p) => p.id === id)?.name ?? id;
  const result = await h.run(['doctor', '--json'], { env });
  expect(result.code).toBe(0);
  return result.doc(DoctorDoc).findings.map((f) => {
    const where = f.projectId ? [f.projectId] : (f.fix.projectIds ?? []);
    return [
      f.rule,
      f.principal ? `${f.principal.kind} ${f.principal.label}` : '-',
      where.map(name).join(',') || '-',
    ].join(' · ');
  });
}

describe('the doctor on the seeded sandbox', () => {
  it('reports every planted problem once, and nothing else', async () => {
    const found = await findingsOf({});
    // What the seed plants, in the words of its comments.
    const planted = [
      'key-expiring-soon · key Nightly snapshot check · -', // "expires within 7 days"
      'key-never-expires · key Legacy uptime monitor · -', // "never expires"
      'key-cloud-only · key Terraform org management · -', // "Cloud API only"
      'org-scoped-application-roles · key Platform automation · -', // "org-scoped stack access"
      'missing-custom-role · key Marketing ETL · search-staging,vector-lab', // "role missing in 2 of 3 projects"
      'duplicate-keys · key Grafana dashboards · -', // "duplicate pair": one finding for the pair
      'over-grant · member Nico Petrov · search-prod', // "a custom role and a predefined role on the same project"
      'over-grant · invitation omar.dubois@acme-analytics.example · search-prod', // "over-grant on an invitation"
      'member-without-roles · member Tomas Xu · -', // "a member with no role at all"
      'invitation-expired · invitation zoe.nakamura@acme-analytics.example · -', // "expired a week ago"
      'invitation-overdue · invitation tariq.zimmermann@acme-analytics.example · -', // "pending past the default 72 hours"
      // src/sandbox/seed-project-keys.ts: the per-project key layer.
      'project-key-never-expires · project-key logstash-ingest (search-prod) · search-prod', // "never expires"
      'project-key-orphaned · project-key reindex-job (search-prod) · search-prod', // "creator no longer a member"
      'project-key-sprawl · project-key metrics-shipper · -', // "exists in three projects"
    ];
    expect([...found].sort()).toEqual([...planted].sort());
  });

  it('leaves out what the API never shows or the small seed does not hold', async () => {
    const rules = new Set((await findingsOf({})).map((f) => f.split(' · ')[0]));
    // "Q2 migration" expired 9 days ago: expired keys drop off the key list (cloud-api.md §5), so nothing can see it.
    expect(rules.has('key-expired')).toBe(false);
    // Two owners (the sandbox's user and the Terraform key's holder), and 12 keys, far from the 500-key limit.
    expect(rules.has('single-owner')).toBe(false);
    expect(rules.has('key-limit')).toBe(false);
  });

  it('at large scale, the organization at exactly 500 active keys is reported once, as critical', async () => {
    const large = await startSandbox({ scale: 'large' });
    try {
      const result = await h.run(['doctor', '--json'], {
        env: { EC_BASE_URL: large.baseUrl, EC_API_KEY: large.ownerKey },
      });
      const limit = result.doc(DoctorDoc).findings.filter((f) => f.rule === 'key-limit');
      expect(limit.map((f) => [f.severity, f.fix.kind])).toEqual([['critical', 'review-keys']]);
    } finally {
      await large.stop();
    }
  });
});
