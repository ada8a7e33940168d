/**
 * One row per rule: a minimal organization that triggers it (with what the finding must say) and one that does not.
 */
import { describe, expect, it } from 'vitest';
import { RULES, runDoctor } from '../../../src/domain/doctor/index.js';
import type { Finding, RuleId } from '../../../src/domain/doctor/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { acmeOrg, kid, orgRole, orgWith, pid, projectRole, roles, uid } from '../../fixtures/org.js';

interface RuleCase {
  readonly rule: RuleId;
  readonly triggers: OrgSnapshot;
  readonly expected: readonly Partial<Finding>[];
  readonly clean: OrgSnapshot;
  readonly selfKeyId?: string;
}

const owners = () => orgWith().project('search-prod').owner('olga').owner('otto');

/** Project keys (the per-project layer) added to a snapshot; `expiresInDays: null` never expires. */
function withProjectKeys(
  base: OrgSnapshot,
  keys: ReadonlyArray<{ id: string; name: string; creator: string; project?: string; expiresInDays?: number | null }>,
): OrgSnapshot {
  const now = base.now.getTime();
  return {
    ...base,
    projectKeys: base.projects.map((project) => ({
      project,
      state: {
        status: 'loaded' as const,
        keys: keys
          .filter((k) => (k.project ?? base.projects[0]!.name) === project.name)
          .map((k) => ({
            id: k.id,
            name: k.name,
            creation: now - 86_400_000,
            ...(k.expiresInDays === null ? {} : { expiration: now + (k.expiresInDays ?? 30) * 86_400_000 }),
            invalidated: false,
            username: k.creator,
            realm: 'cloud-saml-kibana',
          })),
      },
    })),
  };
}
const twoProjects = () =>
  orgWith().project('search-prod').project('obs-prod', 'observability').owner('olga').owner('otto');
const withStack = projectRole('elasticsearch', 'elasticsearch-developer', 'all', ['developer']);

const CASES: readonly RuleCase[] = [
  {
    rule: 'project-key-never-expires',
    triggers: withProjectKeys(owners().build(), [
      { id: 'pk1', name: 'logstash', creator: uid('olga'), expiresInDays: null },
    ]),
    expected: [
      {
        id: `project-key-never-expires:${pid('search-prod')}:pk1`,
        severity: 'warning',
        principal: { kind: 'project-key', id: 'pk1', label: 'logstash (search-prod)' },
        projectId: pid('search-prod'),
      },
    ],
    clean: withProjectKeys(owners().build(), [{ id: 'pk1', name: 'logstash', creator: uid('olga') }]),
  },
  {
    rule: 'project-key-orphaned',
    triggers: withProjectKeys(owners().build(), [{ id: 'pk1', name: 'reindex', creator: 'gone-user' }]),
    expected: [{ id: `project-key-orphaned:${pid('search-prod')}:pk1`, severity: 'warning' }],
    clean: withProjectKeys(owners().build(), [{ id: 'pk1', name: 'reindex', creator: uid('otto') }]),
  },
  {
    rule: 'project-key-sprawl',
    triggers: withProjectKeys(twoProjects().build(), [
      { id: 'pk1', name: 'shipper', creator: uid('olga') },
      { id: 'pk2', name: 'shipper', creator: uid('olga'), project: 'obs-prod' },
    ]),
    expected: [{ severity: 'info', title: '"shipper": 2 project keys (search-prod, obs-prod)' }],
    clean: withProjectKeys(twoProjects().build(), [
      { id: 'pk1', name: 'shipper', creator: uid('olga') },
      { id: 'pk2', name: 'shipper', creator: uid('otto'), project: 'obs-prod' },
    ]),
  },
  {
    rule: 'key-cloud-only',
    triggers: owners()
      .key('billing-bot', { roles: orgRole('organization-admin') })
      .build(),
    expected: [
      {
        id: 'key-cloud-only:key:key-billing-bot',
        severity: 'info',
        fix: { kind: 'create-key-like', fromKeyId: kid('billing-bot'), addStackAccess: true },
      },
    ],
    clean: owners().key('ci', { roles: withStack }).build(),
  },
  {
    rule: 'missing-custom-role',
    triggers: acmeOrg()
      .key('etl', { roles: projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['marketing-reader']) })
      .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['marketing-reader']))
      .build(),
    expected: [
      {
        id: 'missing-custom-role:member:user-bob:marketing-reader',
        severity: 'warning',
        fix: { kind: 'create-custom-role', projectIds: [pid('search-staging')], roleName: 'marketing-reader' },
      },
      {
        id: 'missing-custom-role:key:key-etl:marketing-reader',
        fix: { kind: 'create-custom-role', projectIds: [pid('search-staging')], roleName: 'marketing-reader' },
      },
    ],
    clean: acmeOrg()
      .key('etl', {
        roles: projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']),
      })
      .build(),
  },
  {
    rule: 'org-scoped-application-roles',
    triggers: owners()
      .key('platform', { roles: orgRole('organization-admin', ['admin']) })
      .build(),
    expected: [
      {
        id: 'org-scoped-application-roles:key:key-platform',
        severity: 'warning',
        fix: { kind: 'create-key-like', fromKeyId: kid('platform'), projectScoped: true },
      },
    ],
    clean: owners()
      .key('platform', { roles: roles(orgRole('organization-admin'), withStack) })
      .build(),
  },
  {
    rule: 'over-grant',
    triggers: acmeOrg()
      .member(
        'bob',
        roles(
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']),
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')]),
        ),
      )
      .build(),
    expected: [
      {
        id: `over-grant:member:user-bob:${pid('search-prod')}`,
        severity: 'warning',
        projectId: pid('search-prod'),
        fix: {
          kind: 'edit-member-roles',
          userId: uid('bob'),
          remove: projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')]),
        },
      },
    ],
    clean: acmeOrg()
      .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']))
      .build(),
  },
  {
    rule: 'key-never-expires',
    triggers: owners().key('forever', { roles: withStack, expiresInDays: null }).build(),
    expected: [
      {
        id: 'key-never-expires:key:key-forever',
        severity: 'warning',
        fix: { kind: 'rotate-key', keyId: kid('forever') },
      },
    ],
    clean: owners().key('ci', { roles: withStack, expiresInDays: 90 }).build(),
  },
  {
    rule: 'key-expiring-soon',
    triggers: owners()
      .key('ci', { roles: withStack, expiresInDays: 3 })
      .key('tool', { roles: withStack, expiresInDays: 1 })
      .build(),
    selfKeyId: kid('tool'),
    expected: [
      { id: 'key-expiring-soon:key:key-ci', severity: 'warning', title: 'Key "ci" expires in 3 days' },
      { id: 'key-expiring-soon:key:key-tool', severity: 'critical', title: 'Key "tool" expires in 1 day' },
    ],
    clean: owners().key('ci', { roles: withStack, expiresInDays: 8 }).build(),
  },
  {
    rule: 'key-expired',
    triggers: owners().key('old', { roles: withStack, expiresInDays: -2 }).build(),
    expected: [{ id: 'key-expired:key:key-old', severity: 'info', fix: { kind: 'revoke-key', keyId: kid('old') } }],
    clean: owners().key('ci', { roles: withStack }).build(),
  },
  {
    rule: 'duplicate-keys',
    triggers: owners()
      .key('ci', { id: 'k1', roles: withStack, createdDaysAgo: 30 })
      .key('ci', { id: 'k2', roles: withStack, createdDaysAgo: 1 })
      .key('ci', { id: 'k3', roles: withStack, createdDaysAgo: 10 })
      .build(),
    expected: [
      {
        id: 'duplicate-keys:k1:k2:k3',
        severity: 'info',
        principal: { kind: 'key', id: 'k2', label: 'ci' },
        fix: { kind: 'revoke-keys', keyIds: ['k3', 'k1'] },
      },
    ],
    // Same roles, different purposes: fine.
    clean: owners().key('ci-a', { roles: withStack }).key('ci-b', { roles: withStack }).build(),
  },
  {
    rule: 'invitation-expired',
    triggers: owners().invitation('late@example.com', { createdHoursAgo: 80 }).build(),
    expected: [
      {
        id: 'invitation-expired:invitation:inv-late@example.com',
        severity: 'info',
        fix: { kind: 'resend-invitation', email: 'late@example.com' },
      },
    ],
    clean: owners().invitation('new@example.com', { createdHoursAgo: 2 }).build(),
  },
  {
    rule: 'invitation-overdue',
    triggers: owners().invitation('slow@example.com', { createdHoursAgo: 100, lifeHours: 240 }).build(),
    expected: [
      {
        id: 'invitation-overdue:invitation:inv-slow@example.com',
        severity: 'info',
        fix: { kind: 'cancel-invitation', token: 'inv-slow@example.com' },
      },
    ],
    clean: owners().invitation('late@example.com', { createdHoursAgo: 80 }).build(),
  },
  {
    rule: 'key-limit',
    triggers: owners().manyKeys('bulk', 450, { roles: withStack }).build(),
    expected: [{ id: 'key-limit:org-1', severity: 'warning', title: '450 of 500 active API keys' }],
    clean: owners()
      .manyKeys('bulk', 449, { roles: withStack })
      .manyKeys('dead', 10, { roles: withStack, expiresInDays: -1 })
      .build(),
  },
  {
    rule: 'member-without-roles',
    triggers: owners().member('ghost').build(),
    expected: [
      {
        id: 'member-without-roles:member:user-ghost',
        severity: 'info',
        fix: { kind: 'assign-member-roles', userId: uid('ghost') },
      },
    ],
    clean: owners()
      .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', 'all'))
      .build(),
  },
  {
    rule: 'deployment-gone',
    triggers: {
      ...owners()
        .member('dee', {
          deployment: [
            { role_id: 'deployment-viewer', organization_id: 'org-1', deployment_ids: ['dep-live', 'dep-gone'] },
          ],
        })
        .build(),
      deployments: [{ id: 'dep-live', name: 'live', resources: [] }],
    },
    expected: [
      {
        id: 'deployment-gone:member:user-dee',
        severity: 'info',
        fix: {
          kind: 'edit-member-roles',
          userId: uid('dee'),
          remove: {
            deployment: [{ role_id: 'deployment-viewer', organization_id: 'org-1', deployment_ids: ['dep-gone'] }],
          },
        },
      },
    ],
    clean: {
      ...owners()
        .member('dee', {
          deployment: [{ role_id: 'deployment-viewer', organization_id: 'org-1', deployment_ids: ['dep-live'] }],
        })
        .build(),
      deployments: [{ id: 'dep-live', name: 'live', resources: [] }],
    },
  },
  {
    rule: 'single-owner',
    triggers: orgWith().owner('olga').build(),
    expected: [{ id: 'single-owner:org-1', severity: 'warning', fix: { kind: 'invite-owner' } }],
    clean: owners().build(),
  },
];

describe('doctor rules', () => {
  it('has a case for every rule', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const c of CASES) {
    const rule = RULES.find((r) => r.id === c.rule)!;
    describe(c.rule, () => {
      it('reports the problem once, with its fix', () => {
        const findings = rule.check({ snapshot: c.triggers, ...(c.selfKeyId ? { selfKeyId: c.selfKeyId } : {}) });
        expect(findings).toHaveLength(c.expected.length);
        c.expected.forEach((expected, i) => expect(findings[i]).toMatchObject({ rule: c.rule, ...expected }));
        for (const f of findings) expect(f.why.length).toBeGreaterThan(20);
      });
      it('stays quiet when all is well', () => {
        expect(rule.check({ snapshot: c.clean })).toEqual([]);
      });
    });
  }
});

describe('rule details', () => {
  it('key-limit turns critical at 500 active keys', () => {
    const findings = RULES.find((r) => r.id === 'key-limit')!.check({
      snapshot: owners().manyKeys('bulk', 500, { roles: withStack }).build(),
    });
    expect(findings[0]!.severity).toBe('critical');
  });

  it('missing-custom-role lists every project once per (principal, role)', () => {
    const snapshot = acmeOrg()
      .project('search-dev', 'elasticsearch', { customRoles: [] })
      .key('etl', {
        roles: roles(
          projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['marketing-reader']),
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-dev')], ['marketing-reader']),
        ),
      })
      .build();
    const findings = RULES.find((r) => r.id === 'missing-custom-role')!.check({ snapshot });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toEqual({
      kind: 'create-custom-role',
      projectIds: [pid('search-staging'), pid('search-dev')],
      roleName: 'marketing-reader',
    });
  });

  it('missing-custom-role on a predefined role of another solution suggests narrowing the assignment', () => {
    const snapshot = acmeOrg()
      .key('ingest', { roles: orgRole('organization-admin', ['developer']) })
      .build();
    const [finding] = RULES.find((r) => r.id === 'missing-custom-role')!.check({ snapshot });
    expect(finding!.title).toBe('"developer" of ingest does not exist in obs-prod, sec-prod');
    expect(finding!.fix).toEqual({ kind: 'create-key-like', fromKeyId: kid('ingest'), projectScoped: true });
  });

  it('missing-custom-role ignores projects whose roles are not loaded', () => {
    const snapshot = orgWith()
      .project('p', 'elasticsearch', { customRoles: 'unavailable' })
      .project('q')
      .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['x']))
      .build();
    expect(RULES.find((r) => r.id === 'missing-custom-role')!.check({ snapshot })).toEqual([]);
  });

  it('over-grant through an invitation re-invites without the predefined assignment', () => {
    const snapshot = acmeOrg()
      .invitation('eve@example.com', {
        roles: roles(
          projectRole('elasticsearch', 'elasticsearch-developer', 'all'),
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']),
        ),
      })
      .build();
    const [finding] = RULES.find((r) => r.id === 'over-grant')!.check({ snapshot });
    expect(finding!.fix).toEqual({
      kind: 'replace-invitation',
      token: 'inv-eve@example.com',
      email: 'eve@example.com',
      remove: projectRole('elasticsearch', 'elasticsearch-developer', 'all'),
    });
    expect(finding!.why).toContain('also removes that role on the other elasticsearch projects');
  });

  it('duplicate-keys keeps the key ec-access runs on', () => {
    const snapshot = owners()
      .key('ci', { id: 'k1', roles: withStack, createdDaysAgo: 30 })
      .key('ci', { id: 'k2', roles: withStack, createdDaysAgo: 1 })
      .build();
    const [finding] = RULES.find((r) => r.id === 'duplicate-keys')!.check({ snapshot, selfKeyId: 'k1' });
    expect(finding!.fix).toEqual({ kind: 'revoke-keys', keyIds: ['k2'] });
  });

  it('duplicate-keys compares roles as sets', () => {
    const a = roles(
      projectRole('elasticsearch', 'elasticsearch-viewer', [pid('a'), pid('b')]),
      orgRole('billing-admin'),
    );
    const b = roles(
      orgRole('billing-admin'),
      projectRole('elasticsearch', 'elasticsearch-viewer', [pid('b'), pid('a')]),
    );
    const snapshot = owners().key('ci', { id: 'k1', roles: a }).key('CI ', { id: 'k2', roles: b }).build();
    expect(RULES.find((r) => r.id === 'duplicate-keys')!.check({ snapshot })).toHaveLength(1);
  });
});

describe('runDoctor', () => {
  const snapshot = orgWith()
    .project('search-prod')
    .owner('olga')
    .key('tool', { roles: orgRole('organization-admin'), expiresInDays: 2 })
    .key('forever', { roles: withStack, expiresInDays: null })
    .build();

  it('sorts by severity, then rule, then id, and never repeats an id', () => {
    const findings = runDoctor(snapshot, { selfKeyId: kid('tool') });
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['critical', 'key-expiring-soon'],
      ['warning', 'single-owner'],
      ['warning', 'key-never-expires'],
      ['info', 'key-cloud-only'],
    ]);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('is deterministic', () => {
    expect(runDoctor(snapshot)).toEqual(runDoctor(snapshot));
  });
});
