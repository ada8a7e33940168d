import { describe, expect, it } from 'vitest';
import { cloudRequests } from '../../src/api/requests.js';
import { createOrgGate, namesOrganization, OrganizationNotConfirmed } from '../../src/state/org-gate.js';

const REFUSAL = { id: 'org-old', reason: 'the key moved', hint: 'run again' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Whether the promise has settled after the queue drained, and how. */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await flush();
  return state;
}

describe('namesOrganization', () => {
  it('finds the id in a path or a body, not elsewhere', () => {
    expect(namesOrganization(cloudRequests.listMembers('org-old'), 'org-old')).toBe(true);
    expect(namesOrganization(cloudRequests.listMembers('org-older'), 'org-old')).toBe(false);
    expect(
      namesOrganization(
        cloudRequests.addRoleAssignments('user-1', {
          organization: [{ role_id: 'organization-admin', organization_id: 'org-old' }],
        }),
        'org-old',
      ),
    ).toBe(true);
    expect(namesOrganization(cloudRequests.listApiKeys(), 'org-old')).toBe(false);
    expect(namesOrganization(cloudRequests.deleteApiKeys(['key-1']), 'org-old')).toBe(false);
  });
});

describe('organization gate', () => {
  it('holds answers naming the pending organization and every write until confirmed', async () => {
    const gate = createOrgGate('org-old');
    const members = gate.beforeAnswer(cloudRequests.listMembers('org-old'));
    const keys = gate.beforeAnswer(cloudRequests.listApiKeys());
    const revoke = gate.beforeWrite(cloudRequests.deleteApiKeys(['key-1']));
    expect(await stateOf(keys)).toBe('resolved');
    expect(await stateOf(members)).toBe('pending');
    expect(await stateOf(revoke)).toBe('pending');
    gate.confirm('org-old');
    expect(await stateOf(members)).toBe('resolved');
    expect(await stateOf(revoke)).toBe('resolved');
  });

  it('refuses what names the replaced organization once the key is found elsewhere', async () => {
    const gate = createOrgGate('org-old');
    const held = gate.beforeAnswer(cloudRequests.listMembers('org-old'));
    const write = gate.beforeWrite(cloudRequests.removeMembers('org-old', ['user-1']));
    gate.confirm('org-new', REFUSAL);
    await expect(held).rejects.toThrow(/list members: answer withheld, because the key moved/);
    await expect(write).rejects.toBeInstanceOf(OrganizationNotConfirmed);
    await expect(gate.beforeWrite(cloudRequests.removeMembers('org-new', ['user-1']))).resolves.toBeUndefined();
    await expect(gate.beforeWrite(cloudRequests.removeMembers('org-old', ['user-1']))).rejects.toThrow(/not sent/);
  });

  it('after a failed confirmation refuses only what names the organization, until a later one confirms it', async () => {
    const gate = createOrgGate('org-old');
    gate.refuse(REFUSAL);
    await expect(gate.beforeAnswer(cloudRequests.listInvitations('org-old'))).rejects.toThrow(/the key moved/);
    await expect(gate.beforeWrite(cloudRequests.deleteApiKeys(['key-1']))).resolves.toBeUndefined();
    gate.confirm('org-old');
    await expect(gate.beforeAnswer(cloudRequests.listInvitations('org-old'))).resolves.toBeUndefined();
  });
});
