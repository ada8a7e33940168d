import { describe, expect, it } from 'vitest';
import { accessMatrix, whoHasAccess } from '../../../src/domain/access/index.js';
import type { Principal } from '../../../src/domain/access/index.js';
import { acmeOrg, orgRole, pid, projectRole } from '../../fixtures/org.js';

describe('whoHasAccess', () => {
  const snapshot = acmeOrg()
    .owner('olga')
    .member('alice', projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]))
    .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', 'all'))
    .member('carol', projectRole('observability', 'observability-editor', [pid('obs-prod')]))
    .invitation('dave@example.com', {
      roles: projectRole('elasticsearch', 'elasticsearch-admin', [pid('search-prod')]),
    })
    .invitation('old@example.com', {
      roles: projectRole('elasticsearch', 'elasticsearch-admin', [pid('search-prod')]),
      createdHoursAgo: 100,
    })
    .key('ci', { roles: projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')], ['developer']) })
    .key('cloud', { roles: projectRole('elasticsearch', 'elasticsearch-admin', 'all') })
    .key('gone', { roles: orgRole('organization-admin', ['admin']), expiresInDays: -1 })
    .build();
  const audience = whoHasAccess(snapshot, pid('search-prod'))!;

  it('lists members with their roles and how they get them', () => {
    expect(audience.members.map((m) => [m.principal.label, m.stackRoles, m.via])).toEqual([
      ['olga', ['admin'], ['org-owner']],
      ['alice', ['developer'], ['project']],
      ['bob', ['viewer'], ['all-of-type']],
    ]);
  });

  it('includes open invitations only, and unexpired keys, marking cloud-only keys', () => {
    expect(audience.invitations.map((i) => i.principal.label)).toEqual(['dave@example.com']);
    expect(audience.keys.map((k) => [k.principal.label, k.stackRoles, k.cloudOnly])).toEqual([
      ['ci', ['developer'], false],
      ['cloud', [], true],
    ]);
    expect(audience.keys[1]!.reasons).toEqual(['via elasticsearch-admin on all elasticsearch projects']);
  });

  it('returns undefined for an unknown project', () => {
    expect(whoHasAccess(snapshot, 'nope')).toBeUndefined();
  });
});

describe('accessMatrix', () => {
  it('gives one compact cell per principal and project', () => {
    const snapshot = acmeOrg()
      .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['marketing-reader']))
      .key('cloud', { roles: projectRole('elasticsearch', 'elasticsearch-admin', [pid('search-prod')]) })
      .build();
    const principals: Principal[] = [
      { kind: 'member', member: snapshot.members[0]! },
      { kind: 'key', key: snapshot.keys[0]! },
    ];
    const matrix = accessMatrix(snapshot, principals, snapshot.projects.slice(0, 3));
    expect(matrix.rows.map((r) => r.label)).toEqual(['bob', 'cloud']);
    expect(matrix.columns.map((c) => c.name)).toEqual(['search-prod', 'search-staging', 'obs-prod']);
    expect(matrix.cells[0]).toEqual([
      { kind: 'roles', roles: [{ name: 'marketing-reader', status: 'granted' }], overGrant: false },
      { kind: 'roles', roles: [{ name: 'marketing-reader', status: 'missing' }], overGrant: false },
      { kind: 'none', roles: [], overGrant: false },
    ]);
    expect(matrix.cells[1]!.map((c) => c.kind)).toEqual(['cloud-only', 'none', 'none']);
  });
});
