/**
 * The kinds of principal an access review lists, and how each becomes grant rows. A kind is one entry in
 * PRINCIPAL_KIND_ORDER, PRINCIPAL_KINDS and countByKind (the compiler points at each) and one GrantSource that
 * produces its rows; elsewhere only KEY_KINDS (the key filter, key expiry in a diff) names kinds.
 */
import type { OrgSnapshot } from '../org.js';

/** In review order (sections, sorting). */
export const PRINCIPAL_KIND_ORDER = ['member', 'invitation', 'cloud-key', 'project-key'] as const;

export type ReviewPrincipalKind = (typeof PRINCIPAL_KIND_ORDER)[number];

export const PRINCIPAL_KINDS: Readonly<
  Record<ReviewPrincipalKind, { readonly label: string; readonly plural: string }>
> = {
  member: { label: 'member', plural: 'members' },
  invitation: { label: 'invitation', plural: 'pending invitations' },
  'cloud-key': { label: 'Cloud API key', plural: 'Cloud API keys' },
  'project-key': { label: 'project API key', plural: 'project API keys' },
};

/** The kinds that are API keys: what `--key ID` looks for, and what can expire between two reviews. */
export const KEY_KINDS: ReadonlySet<ReviewPrincipalKind> = new Set(['cloud-key', 'project-key']);

/** A count per kind, every kind present (zero included). */
export function countByKind(kinds: Iterable<ReviewPrincipalKind>): Record<ReviewPrincipalKind, number> {
  const counts = { member: 0, invitation: 0, 'cloud-key': 0, 'project-key': 0 } satisfies Record<
    ReviewPrincipalKind,
    number
  >;
  for (const kind of kinds) counts[kind]++;
  return counts;
}

/** Who holds a grant: a stable id (user id, key id; an invitation's email, its token being a secret) and a name. */
export interface GrantPrincipal {
  readonly kind: ReviewPrincipalKind;
  readonly id: string;
  /** What a reviewer knows them by: the email, or the key's description. */
  readonly identity: string;
}

export const principalKey = (p: Pick<GrantPrincipal, 'kind' | 'id'>): string => `${p.kind}\u0000${p.id}`;

export const kindLabel = (kind: ReviewPrincipalKind): string => PRINCIPAL_KINDS[kind].label;

/** Produces the principals of one or more kinds, and their grant rows, from the organization as loaded. */
export type GrantSource<Principal, Grant> = (snapshot: OrgSnapshot) => { principals: Principal[]; grants: Grant[] };
