import { ORGANIZATION_OWNER_ROLE_ID } from '../catalog.js';
import { principalRef } from '../access/index.js';
import { findingId, type Rule } from './finding.js';

/**
 * Only owners can invite, assign roles and manage keys, so a single owner is a single point of failure. Zero owners is
 * not reported: it only happens when the caller's view is scoped and owners' assignments are hidden from it.
 */
export const singleOwner: Rule = {
  id: 'single-owner',
  summary: 'only one organization owner',
  check: ({ snapshot }) => {
    const owners = snapshot.members.filter((m) =>
      (m.role_assignments?.organization ?? []).some((a) => a.role_id === ORGANIZATION_OWNER_ROLE_ID),
    );
    if (owners.length !== 1) return [];
    const principal = principalRef({ kind: 'member', member: owners[0]! });
    return [
      {
        id: findingId('single-owner', snapshot.organization.id),
        rule: 'single-owner',
        severity: 'warning',
        principal,
        title: `${principal.label} is the only organization owner`,
        why:
          'Only owners can invite people, change roles and manage API keys. If this account is lost or its owner leaves, ' +
          'nobody can administer the organization. Invite a second owner.',
        fix: { kind: 'invite-owner' },
      },
    ];
  },
};
