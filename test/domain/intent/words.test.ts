import { describe, expect, it } from 'vitest';
import { toRoleAssignments } from '../../../src/domain/intent/index.js';
import { durationDays, parseDuration } from '../../../src/domain/intent/duration.js';
import { keysMatching } from '../../../src/domain/intent/resolve.js';
import { tokenize } from '../../../src/domain/intent/tokenize.js';
import { orgWith, pid } from '../../fixtures/org.js';

describe('tokenize', () => {
  it('keeps quoted phrases and emails whole, drops commas, trailing punctuation and possessives', () => {
    expect(tokenize(`give bob's "CI pipeline" a@b.co, x.`).map((t) => [t.text, t.quoted])).toEqual([
      ['give', false],
      ['bob', false],
      ['CI pipeline', true],
      ['a@b.co', false],
      ['x', false],
    ]);
  });
});

describe('parseDuration', () => {
  const at0 = (s: string) => parseDuration(tokenize(s), 0);
  it.each([
    ['30d', '30d', 1],
    ['12h', '12h', 1],
    ['2w', '14d', 1],
    ['1y', '365d', 1],
    ['30 days', '30d', 2],
    ['a week', '7d', 2],
    ['two weeks', '14d', 2],
    ['3 months', '90d', 2],
    ['an hour', '1h', 2],
  ])('%s → %s', (text, value, length) => {
    expect(at0(text)).toMatchObject({ value, length });
  });
  it('rejects what is not a duration', () => {
    for (const text of ['a key', '30', 'days', '5m', 'ci-ingest']) expect(at0(text)).toBeUndefined();
  });
  it('counts days for limit checks', () => {
    expect(durationDays('365d')).toBe(365);
    expect(durationDays('25h')).toBe(2);
  });
});

describe('keysMatching', () => {
  const { keys } = orgWith().key('ci-old-1').key('CI-OLD-2').key('deploy').build();
  it('matches a substring case-insensitively, a * pattern as a whole, or an id', () => {
    expect(keysMatching(keys, 'ci-old').map((k) => k.description)).toEqual(['ci-old-1', 'CI-OLD-2']);
    expect(keysMatching(keys, 'ci*1').map((k) => k.description)).toEqual(['ci-old-1']);
    expect(keysMatching(keys, 'key-deploy').map((k) => k.description)).toEqual(['deploy']);
    expect(keysMatching(keys, 'ci.old')).toEqual([]);
  });
});

describe('toRoleAssignments', () => {
  it('builds the wire body from grants, with organization_id on every entry', () => {
    expect(
      toRoleAssignments(
        'org-1',
        [
          {
            target: { kind: 'all-of-type', type: 'elasticsearch' },
            roleId: 'elasticsearch-developer',
            applicationRoles: ['developer'],
          },
          {
            target: { kind: 'projects', type: 'elasticsearch', projectIds: [pid('a')] },
            roleId: 'elasticsearch-viewer',
          },
        ],
        ['billing-admin'],
      ),
    ).toEqual({
      organization: [{ role_id: 'billing-admin', organization_id: 'org-1' }],
      project: {
        elasticsearch: [
          { role_id: 'elasticsearch-developer', organization_id: 'org-1', all: true, application_roles: ['developer'] },
          { role_id: 'elasticsearch-viewer', organization_id: 'org-1', all: false, project_ids: [pid('a')] },
        ],
      },
    });
  });
});
