/**
 * The doctor at scale gives exactly the findings it gave before it was indexed for speed (bench P6). The expected
 * digests and counts below were recorded from the all-pairs implementation (every principal × every project), on
 * the seed with deployments and with the project-key rules as they are since their fix became the key's
 * revocation; the digest covers each finding in full (id, order, text, fix), so a rule that skips, adds or reorders
 * anything changes it. The per-rule counts say which rule moved when it does.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDoctor, type Finding } from '../../../src/domain/doctor/index.js';
import { withRandomPrincipals } from '../../support/random-principals.js';
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
    const snapshot = withRandomPrincipals(seeded.snapshot, 2000, 22, NOW);
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
