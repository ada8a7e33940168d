/**
 * The three kinds of holder of role assignments, and the small facts every access question needs about them.
 * Invitations are users-to-be: their assignments apply as soon as the invitee accepts, so they are judged like users.
 */
import type { ApiKey, Invitation, Member, RoleAssignments } from '../../api/schemas.js';
import type { OrgSnapshot } from '../org.js';

export type Principal =
  | { readonly kind: 'member'; readonly member: Member }
  | { readonly kind: 'key'; readonly key: ApiKey }
  | { readonly kind: 'invitation'; readonly invitation: Invitation };

export type PrincipalKind = Principal['kind'];

/**
 * A printable, serialisable handle on a principal: user_id, key id or invitation token, plus a human label.
 * `project-key` is a project's own Elasticsearch API key (access/project-key.ts), which has no role assignments.
 */
export interface PrincipalRef {
  readonly kind: PrincipalKind | 'project-key';
  readonly id: string;
  readonly label: string;
}

export function principalRef(principal: Principal): PrincipalRef {
  switch (principal.kind) {
    case 'member': {
      const { member } = principal;
      return { kind: 'member', id: member.user_id, label: member.name ?? member.email ?? member.user_id };
    }
    case 'key':
      return { kind: 'key', id: principal.key.id, label: principal.key.description };
    case 'invitation':
      return { kind: 'invitation', id: principal.invitation.token, label: principal.invitation.email };
  }
}

export function roleAssignmentsOf(principal: Principal): RoleAssignments {
  switch (principal.kind) {
    case 'member':
      return principal.member.role_assignments ?? {};
    case 'key':
      return principal.key.role_assignments ?? {};
    case 'invitation':
      return principal.invitation.role_assignments ?? {};
  }
}

/** Users (and future users) inherit stack roles from `role_id`; API keys never do. */
export function inheritsStackRoles(kind: PrincipalKind): boolean {
  return kind !== 'key';
}

export function isKeyExpired(key: ApiKey, now: Date): boolean {
  return key.expiration_date !== undefined && Date.parse(key.expiration_date) <= now.getTime();
}

/** Open means it can still be accepted: the server's flag and the clock both agree it has not run out. */
export function isInvitationOpen(invitation: Invitation, now: Date): boolean {
  return !invitation.accepted_at && !invitation.expired && Date.parse(invitation.expires_at) > now.getTime();
}

/** Everyone who holds or will hold access: members, open invitations, keys that have not expired. */
export function activePrincipals(snapshot: OrgSnapshot): Principal[] {
  return [
    ...snapshot.members.map((member): Principal => ({ kind: 'member', member })),
    ...snapshot.invitations
      .filter((invitation) => isInvitationOpen(invitation, snapshot.now))
      .map((invitation): Principal => ({ kind: 'invitation', invitation })),
    ...snapshot.keys.filter((key) => !isKeyExpired(key, snapshot.now)).map((key): Principal => ({ kind: 'key', key })),
  ];
}
