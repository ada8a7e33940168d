import { describe, expect, it } from 'vitest';
import { stringContaining } from '../support/matchers.js';
import { confirmationPhrase, extraWarnings, isConfirmed, roleReferences } from '../../src/domain/confirm.js';
import { inertText } from '../../src/util/inert-text.js';
import { acmeOrg, kid, orgRole, orgWith, pid, projectRole, roles, uid } from '../fixtures/org.js';

const snapshotWithKeys = () =>
  orgWith().key('ci deploy').key('etl').key('etl', { id: 'key-etl-2' }).key('   ').key('tab\there').build();

describe('confirmationPhrase', () => {
  const org = orgWith().member('alice').member('ghost', undefined, { email: '' }).invitation('new@example.com').build();
  const [alice, ghost] = org.members;

  it('asks for the member email, or the user id when there is none', () => {
    expect(confirmationPhrase({ kind: 'remove-member', member: alice! })).toBe('alice@example.com');
    expect(confirmationPhrase({ kind: 'remove-member', member: { ...ghost!, email: undefined } })).toBe(uid('ghost'));
    expect(confirmationPhrase({ kind: 'remove-member', member: ghost! })).toBe(uid('ghost'));
    expect(confirmationPhrase({ kind: 'remove-assignment', member: alice! })).toBe('alice@example.com');
  });

  it('asks for the invitation email and the role name', () => {
    expect(confirmationPhrase({ kind: 'cancel-invitation', invitation: org.invitations[0]! })).toBe('new@example.com');
    expect(confirmationPhrase({ kind: 'delete-role', roleName: 'marketing-reader' })).toBe('marketing-reader');
  });

  it('asks for a key description only when it names that key alone and can be typed', () => {
    const { keys } = snapshotWithKeys();
    const phrase = (id: string) =>
      confirmationPhrase({ kind: 'revoke-key', key: keys.find((k) => k.id === id)!, listedKeys: keys });
    expect(phrase(kid('ci deploy'))).toBe('ci deploy');
    expect(phrase(kid('etl'))).toBe(kid('etl'));
    expect(phrase('key-etl-2')).toBe('key-etl-2');
    expect(phrase(kid('   '))).toBe(kid('   '));
    expect(phrase(kid('tab\there'))).toBe(kid('tab\there'));
  });

  it('asks for a typeable form when the shown text is not the real value (hostile server text)', () => {
    // As the API client hands them over: display fields cleaned where they entered (src/api/schemas.ts).
    const hostile = { ...alice!, email: inertText('evil\x1b]52;c;aGk=\x07@example.com') };
    expect(hostile.email).toBe('evil\\x1b]52;c;aGk=\\x07@example.com');
    expect(confirmationPhrase({ kind: 'remove-member', member: hostile })).toBe(alice!.user_id);
    expect(confirmationPhrase({ kind: 'remove-assignment', member: hostile })).toBe(alice!.user_id);
    // A raw value (a role name is an identifier and stays exact) is not typeable either.
    expect(confirmationPhrase({ kind: 'delete-role', roleName: 'reader\u202e' })).toBe('delete 1');
    const invitation = { ...org.invitations[0]!, email: inertText('\u202eevil@example.com') };
    expect(confirmationPhrase({ kind: 'cancel-invitation', invitation })).toBe('cancel 1');
    const { keys } = snapshotWithKeys();
    const key = { ...keys[0]!, description: inertText('deploy\x9b2J') };
    expect(confirmationPhrase({ kind: 'revoke-key', key, listedKeys: [key] })).toBe(key.id);
  });

  it('asks for the verb and count for several items', () => {
    expect(confirmationPhrase({ kind: 'bulk', verb: 'revoke', count: 3 })).toBe('revoke 3');
    expect(confirmationPhrase({ kind: 'bulk', verb: 'remove', count: 2 })).toBe('remove 2');
    expect(confirmationPhrase({ kind: 'bulk', verb: 'cancel', count: 4 })).toBe('cancel 4');
    expect(confirmationPhrase({ kind: 'bulk', verb: 'delete', count: 5 })).toBe('delete 5');
  });
});

describe('isConfirmed', () => {
  it('stays locked until the phrase is typed exactly', () => {
    for (const typed of [
      '',
      'alice',
      'Alice@example.com',
      'alice@example.co',
      'alice@example.com.',
      'alice @example.com',
    ]) {
      expect(isConfirmed('alice@example.com', typed)).toBe(false);
    }
    expect(isConfirmed('revoke 3', 'revoke 2')).toBe(false);
    expect(isConfirmed('revoke 3', 'Revoke 3')).toBe(false);
  });

  it('unlocks on the exact phrase, forgiving surrounding whitespace and normalization form', () => {
    expect(isConfirmed('alice@example.com', 'alice@example.com')).toBe(true);
    expect(isConfirmed('revoke 3', '  revoke 3 \n')).toBe(true);
    expect(isConfirmed('caf\u00e9-reader', 'cafe\u0301-reader')).toBe(true);
  });

  it('never unlocks on an empty phrase', () => {
    expect(isConfirmed('', '')).toBe(false);
    expect(isConfirmed('  ', '  ')).toBe(false);
  });
});

describe('extraWarnings', () => {
  it('warns when the last owner would go, by removal or by losing the owner role', () => {
    const single = orgWith().owner('olga').member('bob').build();
    const codes = (warnings: Array<{ code: string }>) => warnings.map((w) => w.code);
    expect(codes(extraWarnings({ kind: 'remove-members', userIds: [uid('olga')] }, single))).toEqual(['last-owner']);
    expect(extraWarnings({ kind: 'remove-members', userIds: [uid('olga')] }, single)[0]!.message).toMatch(
      /the organization would have no owner/i,
    );
    expect(extraWarnings({ kind: 'remove-members', userIds: [uid('bob')] }, single)).toEqual([]);
    expect(
      codes(
        extraWarnings(
          { kind: 'remove-assignment', userId: uid('olga'), remove: orgRole('organization-admin') },
          single,
        ),
      ),
    ).toEqual(['last-owner']);

    const two = orgWith().owner('olga').owner('otto').build();
    expect(extraWarnings({ kind: 'remove-members', userIds: [uid('olga')] }, two)).toEqual([]);
    expect(codes(extraWarnings({ kind: 'remove-members', userIds: [uid('olga'), uid('otto')] }, two))).toEqual([
      'last-owner',
    ]);
    expect(
      extraWarnings({ kind: 'remove-assignment', userId: uid('olga'), remove: orgRole('organization-admin') }, two),
    ).toEqual([]);
  });

  it('does not claim "no owner" when no owner is visible at all', () => {
    const scoped = orgWith().member('bob').build();
    expect(extraWarnings({ kind: 'remove-members', userIds: [uid('bob')] }, scoped)).toEqual([]);
  });

  it('warns when revoking the key ec-access is using', () => {
    const org = orgWith().owner('olga').key('ec-access').key('ci').build();
    const [warning] = extraWarnings({ kind: 'revoke-keys', keyIds: [kid('ci'), kid('ec-access')] }, org, {
      selfKeyId: kid('ec-access'),
    });
    expect(warning).toEqual({
      code: 'self-key',
      message: stringContaining('ec-access will lose access immediately'),
    });
    expect(extraWarnings({ kind: 'revoke-keys', keyIds: [kid('ci')] }, org, { selfKeyId: kid('ec-access') })).toEqual(
      [],
    );
    expect(extraWarnings({ kind: 'revoke-keys', keyIds: [kid('ci')] }, org)).toEqual([]);
  });

  it('warns when removing the member whose key ec-access is using', () => {
    const built = orgWith().owner('olga').owner('otto').key('ec-access').build();
    const org = { ...built, keys: built.keys.map((k) => ({ ...k, user_id: uid('otto') })) };
    const warnings = extraWarnings({ kind: 'remove-members', userIds: [uid('otto')] }, org, {
      selfKeyId: kid('ec-access'),
    });
    expect(warnings.map((w) => w.code)).toEqual(['self-key-holder']);
  });

  it('has nothing extra to say about cancelling invitations', () => {
    const org = orgWith().owner('olga').invitation('x@example.com').build();
    expect(extraWarnings({ kind: 'cancel-invitations', tokens: ['inv-x@example.com'] }, org)).toEqual([]);
  });
});

describe('roleReferences', () => {
  const reader = 'marketing-reader';
  const org = acmeOrg()
    .owner('olga')
    // By project id, with nothing else there: loses all stack access.
    .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], [reader]))
    // all:true for the type, plus a predefined role elsewhere that still covers the project.
    .member(
      'carol',
      roles(
        projectRole('elasticsearch', 'elasticsearch-viewer', 'all', [reader]),
        projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]),
      ),
    )
    // Org-scoped application_roles reach every project.
    .key('etl', { roles: orgRole('organization-admin', [reader]) })
    // Names the role for another project only.
    .key('staging-only', {
      roles: projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-staging')], [reader]),
    })
    // An expired key grants nothing any more.
    .key('old', { roles: projectRole('elasticsearch', 'elasticsearch-viewer', 'all', [reader]), expiresInDays: -1 })
    .invitation('dan@example.com', { roles: projectRole('elasticsearch', 'elasticsearch-viewer', 'all', [reader]) })
    .build();

  it('lists every holder whose assignments name the role for that project, and what they lose', () => {
    const refs = roleReferences(org, pid('search-prod'), reader);
    expect(refs.map((r) => [r.principal.kind, r.principal.id, r.reaches.map((x) => x.via), r.loses])).toEqual([
      ['member', uid('bob'), ['project'], 'loses all stack access to search-prod'],
      ['member', uid('carol'), ['all-of-type'], 'loses "marketing-reader" in search-prod, keeps developer'],
      ['invitation', 'inv-dan@example.com', ['all-of-type'], 'loses all stack access to search-prod'],
      ['key', kid('etl'), ['organization'], 'loses all stack access to search-prod'],
    ]);
  });

  it('is empty for an unknown project or an unused role', () => {
    expect(roleReferences(org, 'nope', reader)).toEqual([]);
    expect(roleReferences(org, pid('search-prod'), 'unused')).toEqual([]);
  });

  it('turns references into a warning before a delete', () => {
    const [warning] = extraWarnings({ kind: 'delete-role', projectId: pid('search-prod'), roleName: reader }, org);
    expect(warning).toEqual({
      code: 'role-in-use',
      message:
        '4 holders are assigned "marketing-reader" in this project; 3 would be left with no stack role there. ' +
        'Their assignments keep naming it, and grant nothing through it, until changed.',
    });
    // The org-scoped key names it in every project, observability included.
    expect(
      extraWarnings({ kind: 'delete-role', projectId: pid('obs-prod'), roleName: reader }, org)[0]!.message,
    ).toMatch(/^1 holder is assigned "marketing-reader" in this project; 1 would be left/);
    expect(extraWarnings({ kind: 'delete-role', projectId: pid('obs-prod'), roleName: 'unused' }, org)).toEqual([]);
  });
});
