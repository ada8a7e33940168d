/**
 * Typed confirmation for destructive actions, and the extra warnings some of them deserve. Pure.
 *
 * The phrase is something the user reads off the target itself (an email, a key's description, a role name), so
 * typing it proves they looked at *which* thing goes, not just that they pressed enter. Matching is exact and
 * case-sensitive; only surrounding whitespace (a stray space from a paste) and Unicode normalization form
 * (the same "é" typed two ways) are forgiven.
 *
 * A phrase must be typeable as shown. Server text holding control, bidi or zero-width characters is shown with
 * visible escapes (src/util/inert-text.ts), and that form is not what the thing is called, so such a target is
 * confirmed by its id instead, or, lacking one, by the action and count ("cancel 1").
 */
import type { ApiKey, Invitation, Member, RoleAssignments } from '../api/schemas.js';
import { hasHostileText } from '../util/inert-text.js';
import {
  activePrincipals,
  principalRef,
  reachesOf,
  roleAssignmentsOf,
  type PrincipalRef,
  type Reach,
} from './access/index.js';
import { ORGANIZATION_OWNER_ROLE_ID } from './catalog.js';
import type { OrgSnapshot } from './org.js';

export type BulkVerb = 'revoke' | 'remove' | 'cancel' | 'delete';

export type ConfirmTarget =
  | { readonly kind: 'remove-member'; readonly member: Member }
  | { readonly kind: 'cancel-invitation'; readonly invitation: Invitation }
  /** `listedKeys`: the keys on screen, to tell whether the description identifies this key alone. */
  | { readonly kind: 'revoke-key'; readonly key: ApiKey; readonly listedKeys: readonly ApiKey[] }
  | { readonly kind: 'delete-role'; readonly roleName: string }
  /** Writing over an existing custom role in `count` projects (role-replace.ts). */
  | { readonly kind: 'replace-role'; readonly roleName: string; readonly count: number }
  /** The person is what changes (and one removal may cover several entries), so the phrase is theirs. */
  | { readonly kind: 'remove-assignment'; readonly member: Member }
  /** Several items at once: the phrase is the count ("revoke 3"), which a user cannot type without counting. */
  | { readonly kind: 'bulk'; readonly verb: BulkVerb; readonly count: number };

const normalize = (text: string) => text.trim().normalize('NFC');

/** The escapes inertText writes: text holding them is a cleaned display form, not the real value. */
const SHOWN_ESCAPE = /\\x[0-9a-f]{2}|<U\+[0-9A-F]{4}>/;

/** Text a person can read off the screen and type back as it is. */
export function isTypeable(text: string): boolean {
  return normalize(text) !== '' && !/\p{C}/u.test(text) && !hasHostileText(text) && !SHOWN_ESCAPE.test(text);
}

const memberPhrase = (member: Member) => (member.email && isTypeable(member.email) ? member.email : member.user_id);

/**
 * A description can be typed as confirmation only if it names this key alone and can be typed at all: not
 * blank, no control or invisible characters.
 */
function keyPhrase(key: ApiKey, listedKeys: readonly ApiKey[]): string {
  const description = normalize(key.description);
  const typeable = isTypeable(description);
  const unique = listedKeys.every((other) => other.id === key.id || normalize(other.description) !== description);
  return typeable && unique ? description : key.id;
}

export function confirmationPhrase(target: ConfirmTarget): string {
  switch (target.kind) {
    case 'remove-member':
    case 'remove-assignment':
      return memberPhrase(target.member);
    case 'cancel-invitation':
      // The token is a secret and never shown, so an untypeable address falls back to the action and count.
      return isTypeable(target.invitation.email) ? target.invitation.email : 'cancel 1';
    case 'revoke-key':
      return keyPhrase(target.key, target.listedKeys);
    case 'delete-role':
      // A role's name is its id.
      return isTypeable(target.roleName) ? target.roleName : 'delete 1';
    case 'replace-role':
      return isTypeable(target.roleName) ? target.roleName : `replace ${target.count}`;
    case 'bulk':
      return `${target.verb} ${target.count}`;
  }
}

export function isConfirmed(phrase: string, typed: string): boolean {
  const expected = normalize(phrase);
  return expected !== '' && normalize(typed) === expected;
}

// ---------------------------------------------------------------------------------------------------------------
// Extra warnings

export type DestructiveAction =
  | { readonly kind: 'remove-members'; readonly userIds: readonly string[] }
  /** `remove` is the body of DELETE /users/{userId}/role_assignments. */
  | { readonly kind: 'remove-assignment'; readonly userId: string; readonly remove: RoleAssignments }
  | { readonly kind: 'revoke-keys'; readonly keyIds: readonly string[] }
  | { readonly kind: 'delete-role'; readonly projectId: string; readonly roleName: string }
  | { readonly kind: 'cancel-invitations'; readonly tokens: readonly string[] };

export type ExtraWarningCode = 'last-owner' | 'self-key' | 'self-key-holder' | 'role-in-use';

export interface ExtraWarning {
  readonly code: ExtraWarningCode;
  readonly message: string;
}

export interface WarningContext {
  /** The id of the Cloud API key ec-access is running on, when known. */
  readonly selfKeyId?: string;
}

const isOwner = (member: Member) =>
  (member.role_assignments?.organization ?? []).some((a) => a.role_id === ORGANIZATION_OWNER_ROLE_ID);

const removesOwnerRole = (remove: RoleAssignments) =>
  (remove.organization ?? []).some((a) => a.role_id === ORGANIZATION_OWNER_ROLE_ID);

/**
 * Zero owners before the action is left alone: it means the caller's view hides owners' assignments (see the
 * single-owner doctor rule), not that the organization has none.
 */
function lastOwnerWarning(snapshot: OrgSnapshot, losing: ReadonlySet<string>): ExtraWarning[] {
  const owners = snapshot.members.filter(isOwner);
  if (owners.length === 0 || owners.some((m) => !losing.has(m.user_id))) return [];
  return [
    {
      code: 'last-owner',
      message:
        'The organization would have no owner: nobody could invite people, change roles or manage API keys any more.',
    },
  ];
}

/** API keys belong to the user who created them, so removing that user can take the key with them. */
function selfKeyHolderWarning(
  snapshot: OrgSnapshot,
  userIds: ReadonlySet<string>,
  selfKeyId: string | undefined,
): ExtraWarning[] {
  const selfKey = snapshot.keys.find((k) => k.id === selfKeyId);
  if (!selfKey?.user_id || !userIds.has(selfKey.user_id)) return [];
  return [
    {
      code: 'self-key-holder',
      message: `The API key ec-access is using ("${selfKey.description}") belongs to this member; removing them may revoke it and end ec-access's access.`,
    },
  ];
}

export function extraWarnings(
  action: DestructiveAction,
  snapshot: OrgSnapshot,
  context: WarningContext = {},
): ExtraWarning[] {
  switch (action.kind) {
    case 'remove-members': {
      const userIds = new Set(action.userIds);
      return [...lastOwnerWarning(snapshot, userIds), ...selfKeyHolderWarning(snapshot, userIds, context.selfKeyId)];
    }
    case 'remove-assignment':
      return removesOwnerRole(action.remove) ? lastOwnerWarning(snapshot, new Set([action.userId])) : [];
    case 'revoke-keys':
      return context.selfKeyId !== undefined && action.keyIds.includes(context.selfKeyId)
        ? [
            {
              code: 'self-key',
              message: 'This is the API key ec-access is using: ec-access will lose access immediately.',
            },
          ]
        : [];
    case 'delete-role': {
      const references = roleReferences(snapshot, action.projectId, action.roleName);
      if (references.length === 0) return [];
      const stranded = references.filter((r) => r.remainingStackRoles.length === 0).length;
      return [
        {
          code: 'role-in-use',
          message:
            `${references.length} ${references.length === 1 ? 'holder is' : 'holders are'} assigned "${action.roleName}" in this project` +
            (stranded > 0 ? `; ${stranded} would be left with no stack role there` : '') +
            '. Their assignments keep naming it, and grant nothing through it, until changed.',
        },
      ];
    }
    case 'cancel-invitations':
      return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Who uses a custom role

export interface RoleReference {
  readonly principal: PrincipalRef;
  /** The assignments that name the role and cover the project (by id, all:true for its type, or org-scoped). */
  readonly reaches: readonly Reach[];
  /** Stack roles the principal still has in the project once the role is gone; empty: no stack access left. */
  readonly remainingStackRoles: readonly string[];
  /** One line for the confirmation screen. */
  readonly loses: string;
}

/**
 * Members, open invitations and unexpired keys whose `application_roles` name `roleName` in an assignment that
 * covers the project. Deleting the role does not touch those assignments: they go on naming a role that no
 * longer exists, which grants nothing.
 */
export function roleReferences(snapshot: OrgSnapshot, projectId: string, roleName: string): RoleReference[] {
  const project = snapshot.projects.find((p) => p.id === projectId);
  if (!project) return [];
  return activePrincipals(snapshot).flatMap((principal): RoleReference[] => {
    const all = reachesOf(principal.kind, roleAssignmentsOf(principal), project);
    const naming = all.filter((reach) => reach.source === 'application_roles' && reach.stackRoles.includes(roleName));
    if (naming.length === 0) return [];
    const remainingStackRoles = [...new Set(all.flatMap((r) => r.stackRoles))].filter((name) => name !== roleName);
    const loses =
      remainingStackRoles.length === 0
        ? `loses all stack access to ${project.name}`
        : `loses "${roleName}" in ${project.name}, keeps ${remainingStackRoles.join(', ')}`;
    return [{ principal: principalRef(principal), reaches: naming, remainingStackRoles, loses }];
  });
}
