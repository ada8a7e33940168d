/**
 * The doctor at scale gives exactly the findings it gave before it was indexed for speed (bench P6). The expected
 * digests and counts below were recorded from the all-pairs implementation (every principal × every project),
 * re-recorded with it when the seed gained deployments (rules over-grant, missing-custom-role, duplicate-keys and
 * project-keys reverted to their all-pairs form for the recording); the digest covers each finding in full (id,
 * order, text, fix), so a rule that
 * skips, adds or reorders anything changes it. The per-rule counts say which rule moved when it does.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ProjectType, RoleAssignments } from '../../../src/api/schemas.js';
import { runDoctor, type Finding } from '../../../src/domain/doctor/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { createRng, HEX, type Rng } from '../../../src/sandbox/rng.js';
import { seededSnapshot } from '../../support/seeded-snapshot.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function digest(findings: readonly Finding[]): string {
  return createHash('sha256').update(JSON.stringify(findings)).digest('hex');
}

function countsByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

const ROLE_SHORT: Record<ProjectType, readonly string[]> = {
  elasticsearch: ['admin', 'developer', 'viewer'],
  observability: ['admin', 'editor', 'viewer'],
  security: ['admin', 'viewer', 't1-analyst'],
};
/** Predefined in some types only, custom in some seeded projects, or nowhere at all. */
const APPLICATION_ROLES = ['dashboard-reader', 'marketing-reader', 'ghost-role', 'developer', 'viewer', 'editor'];
const TYPES: readonly ProjectType[] = ['elasticsearch', 'observability', 'security'];

/**
 * Assignments of every shape the access model knows, drawn at random: organization roles with and without
 * application_roles, `all: true`, explicit project ids (some of another type, some of no project), role_ids of
 * another type. The seed alone plants one or two over-grants and missing roles; these make hundreds.
 */
function randomAssignments(rng: Rng, snapshot: OrgSnapshot): RoleAssignments {
  const orgId = snapshot.organization.id;
  const assignments: RoleAssignments = {};
  const appRoles = () => (rng.next() < 0.5 ? { application_roles: [rng.pick(APPLICATION_ROLES)] } : {});
  if (rng.next() < 0.08) {
    const roleId = rng.pick(['organization-admin', 'billing-admin']);
    assignments.organization = [{ role_id: roleId, organization_id: orgId, ...appRoles() }];
  }
  const project: NonNullable<RoleAssignments['project']> = {};
  for (let n = rng.int(1, 3); n > 0; n--) {
    const type = rng.pick(TYPES);
    const roleType = rng.next() < 0.1 ? rng.pick(TYPES) : type;
    const scope =
      rng.next() < 0.2
        ? { all: true }
        : {
            project_ids: Array.from({ length: rng.int(1, 4) }, () =>
              rng.next() < 0.05 ? rng.chars(32, HEX) : rng.pick(snapshot.projects).id,
            ),
          };
    const entry = { role_id: `${roleType}-${rng.pick(ROLE_SHORT[roleType])}`, organization_id: orgId, ...scope };
    project[type] = [...(project[type] ?? []), { ...entry, ...appRoles() }];
  }
  return { ...assignments, project };
}

/** The seeded organization plus `count` members, open invitations and active keys with random assignments. */
function withRandomPrincipals(snapshot: OrgSnapshot, count: number, seed: number): OrgSnapshot {
  const rng = createRng(seed);
  const later = new Date(NOW.getTime() + 30 * 86_400_000).toISOString();
  const earlier = new Date(NOW.getTime() - 86_400_000).toISOString();
  const organization = snapshot.organization;
  const pad = (i: number) => String(i).padStart(5, '0');
  return {
    ...snapshot,
    members: [
      ...snapshot.members,
      ...Array.from({ length: count }, (_, i) => ({
        organization_id: organization.id,
        user_id: `random-user-${pad(i)}`,
        member_since: earlier,
        email: `random.${pad(i)}@example.com`,
        role_assignments: randomAssignments(rng, snapshot),
      })),
    ],
    invitations: [
      ...snapshot.invitations,
      ...Array.from({ length: Math.ceil(count / 10) }, (_, i) => ({
        token: `random-token-${pad(i)}`,
        email: `invitee.${pad(i)}@example.com`,
        created_at: earlier,
        expires_at: later,
        expired: false,
        organization,
        role_assignments: randomAssignments(rng, snapshot),
      })),
    ],
    keys: [
      ...snapshot.keys,
      ...Array.from({ length: Math.ceil(count / 10) }, (_, i) => ({
        id: `random-key-${pad(i)}`,
        description: `random key ${pad(i)}`,
        creation_date: earlier,
        expiration_date: later,
        organization_id: organization.id,
        role_assignments: randomAssignments(rng, snapshot),
      })),
    ],
  };
}

interface Recorded {
  readonly digest: string;
  readonly counts: Record<string, number>;
}

describe('the doctor at scale gives the findings recorded from the all-pairs implementation', () => {
  it('on the seeded medium organization (1,000 members, 90 projects)', () => {
    const { snapshot, ownerKeyId } = seededSnapshot({ scale: 'medium', now: NOW });
    const findings = runDoctor(snapshot, { selfKeyId: ownerKeyId });
    const expected: Recorded = {
      digest: '743931010c9aaabc8eeb2afd67981666c74c31325948603b1e87acb18c863bb6',
      counts: {
        'key-expiring-soon': 1,
        'over-grant': 2,
        'missing-custom-role': 1,
        'org-scoped-application-roles': 1,
        'key-never-expires': 1,
        'project-key-orphaned': 1,
        'project-key-never-expires': 1,
        'key-cloud-only': 39,
        'duplicate-keys': 1,
        'key-expired': 1,
        'invitation-expired': 12,
        'invitation-overdue': 1,
        'member-without-roles': 22,
        'project-key-sprawl': 1,
      },
    };
    expect(countsByRule(findings)).toEqual(expected.counts);
    expect(digest(findings)).toBe(expected.digest);
  });

  it('on the seeded large organization (10,000 members, 300 projects, 500 keys), some custom roles unreadable', () => {
    const { snapshot, ownerKeyId } = seededSnapshot({
      scale: 'large',
      now: NOW,
      rolesUnavailable: (i) => i % 10 === 9,
    });
    const findings = runDoctor(snapshot, { selfKeyId: ownerKeyId });
    const expected: Recorded = {
      digest: '8c63b871bbd95e90e6959afe26a42c0548a49b3f0803aa5e13cbb05bd6bacffa',
      counts: {
        'key-limit': 1,
        'key-expiring-soon': 7,
        'over-grant': 2,
        'missing-custom-role': 1,
        'org-scoped-application-roles': 1,
        'key-never-expires': 1,
        'project-key-orphaned': 1,
        'project-key-never-expires': 1,
        'key-cloud-only': 205,
        'duplicate-keys': 1,
        'key-expired': 1,
        'invitation-expired': 38,
        'invitation-overdue': 1,
        'member-without-roles': 198,
        'project-key-sprawl': 1,
      },
    };
    expect(countsByRule(findings)).toEqual(expected.counts);
    expect(digest(findings)).toBe(expected.digest);
  });

  it('on the medium organization with 2,000 members, 200 invitations and 200 keys of random assignments', () => {
    const seeded = seededSnapshot({ scale: 'medium', now: NOW, rolesUnavailable: (i) => i % 7 === 3 });
    const snapshot = withRandomPrincipals(seeded.snapshot, 2000, 22);
    const findings = runDoctor(snapshot, { selfKeyId: seeded.ownerKeyId });
    const expected: Recorded = {
      digest: 'f24f06ce26793b6b9e9da504e1ff6b7d16a22bcc0370f7ad70a09c498d571461',
      counts: {
        'duplicate-keys': 1,
        'invitation-expired': 12,
        'invitation-overdue': 1,
        'key-cloud-only': 87,
        'key-expired': 1,
        'key-expiring-soon': 1,
        'key-never-expires': 1,
        'member-without-roles': 22,
        'missing-custom-role': 956,
        'org-scoped-application-roles': 87,
        'over-grant': 134,
        'project-key-never-expires': 1,
        'project-key-orphaned': 1,
        'project-key-sprawl': 1,
      },
    };
    expect(countsByRule(findings)).toEqual(expected.counts);
    expect(digest(findings)).toBe(expected.digest);
  });
});
