/** Replacing a custom role, as data: the diff both the CLI and the TUI show, and the typed phrase. */
import { describe, expect, it } from 'vitest';
import { confirmationPhrase } from '../../src/domain/confirm.js';
import { roleDiff } from '../../src/domain/role-replace.js';

describe('roleDiff', () => {
  it('lists each changed field as now (-) and after (+), and leaves unchanged ones out', () => {
    const now = { cluster: ['monitor'], indices: [{ names: ['logs-*'], privileges: ['read'] }], applications: [] };
    const next = { cluster: ['monitor'], indices: [{ names: ['logs-*'], privileges: ['read', 'write'] }] };
    expect(roleDiff(now, next)).toEqual([
      '- indices: [{"names":["logs-*"],"privileges":["read"]}]',
      '+ indices: [{"names":["logs-*"],"privileges":["read","write"]}]',
    ]);
  });

  it('counts a field the body leaves out as its empty form, and a missing description as (none)', () => {
    expect(roleDiff({ cluster: ['monitor'], description: 'Old' }, {})).toEqual([
      '- cluster: ["monitor"]',
      '+ cluster: []',
      '- description: "Old"',
      '+ description: (none)',
    ]);
  });

  it('ignores transient_metadata, which Elasticsearch keeps itself', () => {
    expect(roleDiff({ cluster: [], transient_metadata: { enabled: true } }, { cluster: [] })).toEqual([]);
  });
});

describe('the replace phrase', () => {
  it('is the role name when it can be typed, else the action and the count', () => {
    expect(confirmationPhrase({ kind: 'replace-role', roleName: 'marketing-reader', count: 1 })).toBe(
      'marketing-reader',
    );
    expect(confirmationPhrase({ kind: 'replace-role', roleName: 'evil\u202ename', count: 2 })).toBe('replace 2');
  });
});
