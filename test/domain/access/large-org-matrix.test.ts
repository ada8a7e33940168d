/**
 * The access matrix at scale gives exactly the cells it gave before it was indexed for speed (bench P6). The expected
 * digests and counts below were recorded from the all-pairs implementation (projectAccess for every principal ×
 * every project) at the commit that added this file; the digest covers rows, columns and every cell in full, so a
 * cell that changes kind, role, status, order or over-grant changes it. The counts say what moved when it does.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  accessMatrix,
  activePrincipals,
  activeProjectKeys,
  projectKeyMatrix,
  type AccessMatrix,
} from '../../../src/domain/access/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { withRandomPrincipals } from '../../support/random-principals.js';
import { seededSnapshot } from '../../support/seeded-snapshot.js';

const NOW = new Date('2026-06-01T12:00:00Z');

interface Recorded {
  readonly digest: string;
  readonly counts: Record<string, number>;
}

/** Row by row, so 3 million cells are never one string. */
function record(matrix: AccessMatrix): Recorded {
  const hash = createHash('sha256').update(JSON.stringify(matrix.rows)).update(JSON.stringify(matrix.columns));
  const counts: Record<string, number> = { rows: matrix.rows.length, columns: matrix.columns.length };
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const row of matrix.cells) {
    hash.update(JSON.stringify(row));
    for (const cell of row) {
      count(cell.kind);
      if (cell.overGrant) count('overGrant');
      for (const role of cell.roles) count(`role-${role.status}`);
    }
  }
  return { digest: hash.digest('hex'), counts };
}

function matricesOf(snapshot: OrgSnapshot) {
  return {
    principals: record(accessMatrix(snapshot, activePrincipals(snapshot), snapshot.projects)),
    projectKeys: record(projectKeyMatrix(activeProjectKeys(snapshot), snapshot.projects)),
  };
}

describe('the access matrix at scale gives the cells recorded from the all-pairs implementation', () => {
  it('on the seeded medium organization (1,000 members, 90 projects)', () => {
    const { snapshot } = seededSnapshot({ scale: 'medium', now: NOW });
    expect(matricesOf(snapshot)).toEqual({
      principals: {
        digest: '88855f7d0e97e0469e71f264eed0bc07db0fe28edf34c37b94b43d961825fc34',
        counts: {
          rows: 1114,
          columns: 90,
          none: 87126,
          'cloud-only': 361,
          roles: 12773,
          overGrant: 2,
          'role-granted': 13126,
          'role-missing': 29,
        },
      },
      projectKeys: {
        digest: 'fa6b9a3f3ff545f0a7f22db8e1d7f5e8f515804925028b5daa9150eb9006a7f1',
        counts: { rows: 6, columns: 90, none: 534, roles: 6, 'role-granted': 6 },
      },
    });
  });

  it('on the seeded large organization (10,000 members, 300 projects, 500 keys), some custom roles unreadable', () => {
    const { snapshot } = seededSnapshot({ scale: 'large', now: NOW, rolesUnavailable: (i) => i % 10 === 9 });
    expect(matricesOf(snapshot)).toEqual({
      principals: {
        digest: '226e4168113f812d6bcecb014da549f3fcc4d1dca9ca8760f3e27cca3e2a7c8a',
        counts: {
          rows: 10528,
          columns: 300,
          none: 2807251,
          'cloud-only': 3842,
          roles: 347307,
          overGrant: 2,
          'role-granted': 355639,
          'role-missing': 89,
          'role-unknown': 10,
        },
      },
      projectKeys: {
        digest: '72da68919591079f384cad14fe6acff78a3544a10f7cb34a9498d1d38d50c701',
        counts: { rows: 6, columns: 300, none: 1794, roles: 6, 'role-granted': 6 },
      },
    });
  });

  it('on the medium organization with 2,000 members, 200 invitations and 200 keys of random assignments', () => {
    const seeded = seededSnapshot({ scale: 'medium', now: NOW, rolesUnavailable: (i) => i % 7 === 3 });
    expect(matricesOf(withRandomPrincipals(seeded.snapshot, 2000, 22, NOW))).toEqual({
      principals: {
        digest: 'b41aa70363bc0bddc3345a74d1636a9120cc212dce74be4d35c366486b388fd1',
        counts: {
          rows: 3514,
          columns: 90,
          none: 262345,
          'cloud-only': 2429,
          roles: 51486,
          overGrant: 134,
          'role-granted': 39491,
          'role-missing': 12698,
          'role-unknown': 2233,
        },
      },
      projectKeys: {
        digest: 'fa6b9a3f3ff545f0a7f22db8e1d7f5e8f515804925028b5daa9150eb9006a7f1',
        counts: { rows: 6, columns: 90, none: 534, roles: 6, 'role-granted': 6 },
      },
    });
  });
});
