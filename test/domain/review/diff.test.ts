/** Comparing two exports: added, removed, altered grants, principals gone, keys expired; refusals. */
import { describe, expect, it } from 'vitest';
import {
  accessExport,
  accessReview,
  DiffRefused,
  diffExports,
  filterMismatch,
  parseAccessExport,
  renderDiff,
  type AccessExport,
} from '../../../src/domain/review/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { acmeOrg, NOW, pid, projectRole, uid } from '../../fixtures/org.js';

const DAY = 86_400_000;
const exportAt = (snapshot: OrgSnapshot): AccessExport => accessExport(snapshot, accessReview(snapshot));

const nightly = { roles: projectRole('observability', 'observability-viewer', 'all', ['viewer']), expiresInDays: 4 };

function quarterStart() {
  return acmeOrg()
    .member('alice', projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')]))
    .member('bob', projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]))
    .member('carol', projectRole('security', 'security-viewer', 'all'))
    .key('nightly', nightly)
    .key('revoked later', { roles: projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['viewer']) })
    .build();
}

function quarterEnd() {
  // Ten days later: alice promoted, bob also on staging, carol left, dan joined, a key revoked, the nightly key expired.
  return acmeOrg()
    .at(new Date(NOW.getTime() + 10 * DAY))
    .member('alice', projectRole('elasticsearch', 'elasticsearch-admin', [pid('search-prod')]))
    .member('bob', projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod'), pid('search-staging')]))
    .member('dan', projectRole('observability', 'observability-viewer', [pid('obs-prod')]))
    .build();
}

describe('diffExports', () => {
  const before = exportAt(quarterStart());
  const diff = diffExports(before, exportAt(quarterEnd()));

  it('reports a role change on the same scope as one alteration, with before and after', () => {
    expect(diff.altered).toHaveLength(1);
    const change = diff.altered[0]!;
    expect(change.principal.id).toBe(uid('alice'));
    expect(change.scope.name).toBe('search-prod');
    expect(change.before.map((g) => g.role_id)).toEqual(['elasticsearch-viewer']);
    expect(change.after.map((g) => g.role_id)).toEqual(['elasticsearch-admin']);
  });

  it('reports grants added (new scope, new principal) and removed', () => {
    expect(diff.added.map((g) => `${g.principal.identity} ${g.scope.name}`)).toEqual([
      'bob@example.com search-staging',
      'dan@example.com obs-prod',
    ]);
    const removedOnly = diffExports(
      exportAt(quarterEnd()),
      exportAt(
        acmeOrg()
          .at(new Date(NOW.getTime() + 11 * DAY))
          .member('alice', projectRole('elasticsearch', 'elasticsearch-admin', [pid('search-prod')]))
          .member('bob', projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]))
          .member('dan', projectRole('observability', 'observability-viewer', [pid('obs-prod')]))
          .build(),
      ),
    );
    expect(removedOnly.removed.map((g) => `${g.principal.identity} ${g.scope.name}`)).toEqual([
      'bob@example.com search-staging',
    ]);
    expect(removedOnly.summary).toEqual({ added: 0, removed: 1, altered: 0, principals_gone: 0, keys_expired: 0 });
  });

  it('reports a principal gone once, and a key that ran out as expired rather than gone', () => {
    expect(diff.principals_gone.map((p) => [p.principal.identity, p.grants])).toEqual([
      ['carol@example.com', 1],
      ['revoked later', 2],
    ]);
    expect(diff.keys_expired.map((k) => [k.principal.identity, k.expired_at])).toEqual([
      ['nightly', '2026-03-05T12:00:00.000Z'],
    ]);
    expect(diff.removed).toEqual([]);
  });

  it('reports the grants of a principal who stays but loses every role as removed, not as gone', () => {
    const stripped = acmeOrg()
      .at(new Date(NOW.getTime() + DAY))
      .member('alice', projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')]))
      .member('bob')
      .member('carol', projectRole('security', 'security-viewer', 'all'))
      .key('nightly', nightly)
      .key('revoked later', { roles: projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['viewer']) })
      .build();
    const result = diffExports(before, exportAt(stripped));
    expect(result.removed.map((g) => `${g.principal.identity} ${g.scope.name}`)).toEqual([
      'bob@example.com search-prod',
    ]);
    expect(result.principals_gone).toEqual([]);
    expect(exportAt(stripped).principals.map((p) => p.identity)).toContain('bob@example.com');
  });

  it('sees no change between two exports of the same state, even after a rename', () => {
    const again = diffExports(before, exportAt(quarterStart()));
    expect(again.summary).toEqual({ added: 0, removed: 0, altered: 0, principals_gone: 0, keys_expired: 0 });
    expect(renderDiff(again, 'table')).toMatch(/No changes\.\n$/);
  });

  it('survives a round trip through the JSON file', () => {
    const fromFile = parseAccessExport(JSON.stringify(before), 'q1.json');
    expect(diffExports(fromFile, exportAt(quarterEnd()))).toEqual(diff);
  });
});

describe('refusals and warnings', () => {
  it('refuses another organization, naming both', () => {
    const other = { ...exportAt(quarterStart()), organization: { id: 'org-2', name: 'Other' } };
    expect(() => diffExports(other, exportAt(quarterEnd()))).toThrow(DiffRefused);
    expect(() => diffExports(other, exportAt(quarterEnd()))).toThrow(/Other \(org-2\), not Acme \(org-1\)/);
  });

  it('says when the two exports were filtered differently', () => {
    const filtered = {
      ...exportAt(quarterStart()),
      filters: { project: pid('search-prod'), member: null, key: null, type: null },
    };
    expect(filterMismatch(filtered, exportAt(quarterEnd()))).toMatch(/--project id-search-prod, this one no filter/);
    expect(filterMismatch(exportAt(quarterStart()), exportAt(quarterEnd()))).toBeUndefined();
  });
});

describe('diff formats', () => {
  const diff = diffExports(exportAt(quarterStart()), exportAt(quarterEnd()));

  it('table: a summary line, the grants added and removed, each alteration, gone and expired', () => {
    const text = renderDiff(diff, 'table');
    expect(text.split('\n')[0]).toContain('2 added, 0 removed, 1 altered, 2 principal(s) gone, 1 key(s) expired');
    expect(text).toMatch(/\+\s+member\s+dan@example.com\s+obs-prod \(observability\)/);
    expect(text).toContain('~ member alice@example.com on search-prod (elasticsearch)');
    expect(text).toContain('before: elasticsearch-viewer (direct)');
    expect(text).toContain('after:  elasticsearch-admin (direct)');
    expect(text).toContain('gone: member carol@example.com (1 grant(s))');
    expect(text).toContain('expired: Cloud API key nightly');
  });

  it('JSON, CSV and Markdown carry the same changes', () => {
    expect(JSON.parse(renderDiff(diff, 'json'))).toMatchObject({
      schema: 'ec-access/access-diff@1',
      summary: { altered: 1 },
    });
    const csv = renderDiff(diff, 'csv').trimEnd().split('\r\n');
    expect(csv[0]!.startsWith('change,principal_kind,')).toBe(true);
    expect(csv.map((l) => l.split(',')[0])).toEqual([
      'change',
      'added',
      'added',
      'altered-before',
      'altered-after',
      'principal-gone',
      'principal-gone',
      'key-expired',
    ]);
    const md = renderDiff(diff, 'md');
    for (const heading of ['## Grants added', '## Grants altered', '## Principals gone', '## Keys expired'])
      expect(md).toContain(heading);
    expect(md).not.toContain('## Grants removed');
  });
});
