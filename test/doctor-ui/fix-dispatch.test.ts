/** The dispatcher routes every FixAction kind to its own opener; the table has one for each. */
import { describe, expect, it, vi } from 'vitest';
import { dispatchFix } from '../../components/doctor/fix-dispatch.js';
import type { FixKind, FixOpeners } from '../../components/doctor/fix-dispatch.js';
import { FIX_OPENERS } from '../../screens/fix-openers.js';
import type { OpenContext } from '../../components/access/open-context.js';
import type { FixAction } from '../../src/domain/doctor/index.js';
import type { AppActions } from '../../src/ui/contexts.js';
import { orgWith } from '../fixtures/org.js';

const FIXES: readonly FixAction[] = [
  { kind: 'revoke-key', keyId: 'k1' },
  { kind: 'revoke-keys', keyIds: ['k1', 'k2'] },
  { kind: 'rotate-key', keyId: 'k1' },
  { kind: 'create-key-like', fromKeyId: 'k1', addStackAccess: true },
  { kind: 'create-custom-role', projectIds: ['p1'], roleName: 'reader' },
  { kind: 'edit-member-roles', userId: 'u1', remove: { organization: [] } },
  { kind: 'assign-member-roles', userId: 'u1' },
  { kind: 'replace-invitation', token: 't1', email: 'a@b.c', remove: {} },
  { kind: 'resend-invitation', email: 'a@b.c' },
  { kind: 'cancel-invitation', token: 't1' },
  { kind: 'review-keys' },
  { kind: 'revoke-project-keys', keys: [{ projectId: 'p1', keyId: 'pk1' }] },
  { kind: 'invite-owner' },
];

function context() {
  const actions = {
    navigate: vi.fn(),
    refresh: vi.fn(() => Promise.resolve()),
    setFilter: vi.fn(),
    openPanel: vi.fn(),
    closeOverlay: vi.fn(),
    notify: vi.fn(),
    requestQuit: vi.fn(),
    setDirty: vi.fn(),
    ensureCustomRoles: vi.fn(),
    ensureRole: vi.fn(),
  } satisfies AppActions;
  const ctx: OpenContext = { actions, snapshot: orgWith().build() };
  return { actions, ctx };
}

/** Openers that only record which kind's opener got which FixAction. */
function recordingOpeners(calls: [FixKind, FixAction][]): FixOpeners {
  const opener = (kind: FixKind) => (given: FixAction) => void calls.push([kind, given]);
  return {
    'revoke-key': opener('revoke-key'),
    'revoke-keys': opener('revoke-keys'),
    'revoke-project-keys': opener('revoke-project-keys'),
    'rotate-key': opener('rotate-key'),
    'create-key-like': opener('create-key-like'),
    'create-custom-role': opener('create-custom-role'),
    'edit-member-roles': opener('edit-member-roles'),
    'assign-member-roles': opener('assign-member-roles'),
    'replace-invitation': opener('replace-invitation'),
    'resend-invitation': opener('resend-invitation'),
    'cancel-invitation': opener('cancel-invitation'),
    'review-keys': opener('review-keys'),
    'invite-owner': opener('invite-owner'),
  };
}

describe('dispatchFix', () => {
  it('covers every FixAction kind', () => {
    expect(Object.keys(FIX_OPENERS).sort()).toEqual(FIXES.map((f) => f.kind).sort());
  });

  it.each(FIXES)('routes $kind to its opener with the FixAction unchanged', (fix) => {
    const calls: [FixKind, FixAction][] = [];
    const { actions, ctx } = context();
    dispatchFix(fix, ctx, recordingOpeners(calls));
    expect(calls).toEqual([[fix.kind, fix]]);
    expect(actions.notify).not.toHaveBeenCalled();
  });

  it('review-keys leaves the doctor for the key list', () => {
    const { actions, ctx } = context();
    dispatchFix({ kind: 'review-keys' }, ctx, FIX_OPENERS);
    expect(actions.closeOverlay).toHaveBeenCalledOnce();
    expect(actions.navigate).toHaveBeenCalledWith('keys');
  });
});
