/**
 * What the access doctor reports. A finding names one problem once, says why it matters in plain words, and carries
 * the fix as data: the TUI opens the matching wizard pre-filled, so the user still sees and confirms every request.
 */
import type { RoleAssignments } from '../../api/schemas.js';
import type { PrincipalRef } from '../access/index.js';
import type { OrgSnapshot } from '../org.js';

export type Severity = 'critical' | 'warning' | 'info';

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'info'];

export type RuleId =
  | 'key-cloud-only'
  | 'missing-custom-role'
  | 'org-scoped-application-roles'
  | 'over-grant'
  | 'key-never-expires'
  | 'key-expiring-soon'
  | 'key-expired'
  | 'duplicate-keys'
  | 'invitation-expired'
  | 'invitation-overdue'
  | 'key-limit'
  | 'member-without-roles'
  | 'single-owner'
  | 'project-key-never-expires'
  | 'project-key-orphaned'
  | 'project-key-sprawl'
  | 'deployment-gone';

export type FixAction =
  | { readonly kind: 'revoke-key'; readonly keyId: string }
  | { readonly kind: 'revoke-keys'; readonly keyIds: readonly string[] }
  /** Replace the key with one like it carrying an expiration, then revoke the old one. */
  | { readonly kind: 'rotate-key'; readonly keyId: string }
  /**
   * Keys cannot be edited, so changing what a key may do means a new key: `addStackAccess` pre-fills application_roles
   * from its role_ids; `projectScoped` turns org-scoped application_roles into per-project-type `all: true` entries.
   */
  | {
      readonly kind: 'create-key-like';
      readonly fromKeyId: string;
      readonly addStackAccess?: boolean;
      readonly projectScoped?: boolean;
    }
  | { readonly kind: 'create-custom-role'; readonly projectIds: readonly string[]; readonly roleName: string }
  /** `remove` is exactly the body of DELETE /users/{id}/role_assignments. */
  | { readonly kind: 'edit-member-roles'; readonly userId: string; readonly remove: RoleAssignments }
  | { readonly kind: 'assign-member-roles'; readonly userId: string }
  /** Invitations cannot be edited: cancel and invite again without the `remove` entries. */
  | {
      readonly kind: 'replace-invitation';
      readonly token: string;
      readonly email: string;
      readonly remove: RoleAssignments;
    }
  | { readonly kind: 'resend-invitation'; readonly email: string }
  | { readonly kind: 'cancel-invitation'; readonly token: string }
  | { readonly kind: 'review-keys' }
  /** A project's own API keys, by project: revoked with the two-layer confirmation (one request per project). */
  | {
      readonly kind: 'revoke-project-keys';
      readonly keys: ReadonlyArray<{ readonly projectId: string; readonly keyId: string }>;
    }
  | { readonly kind: 'invite-owner' };

export interface Finding {
  /** Stable across runs while the problem persists: rule, principal and (when relevant) project or role. */
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly principal?: PrincipalRef;
  readonly projectId?: string;
  readonly title: string;
  readonly why: string;
  readonly fix: FixAction;
}

export interface DoctorOptions {
  /** The key ec-access itself authenticates with: never offered for revocation, and its expiry is critical. */
  readonly selfKeyId?: string;
}

export interface DoctorContext extends DoctorOptions {
  readonly snapshot: OrgSnapshot;
}

export interface Rule {
  readonly id: RuleId;
  /** One line for `ec-access doctor --rules` and the help overlay. */
  readonly summary: string;
  check(context: DoctorContext): Finding[];
}

export function findingId(rule: RuleId, ...parts: readonly (string | undefined)[]): string {
  return [rule, ...parts.filter((p): p is string => p !== undefined)].join(':');
}

export function principalFindingId(rule: RuleId, principal: PrincipalRef, ...parts: readonly string[]): string {
  return findingId(rule, principal.kind, principal.id, ...parts);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
