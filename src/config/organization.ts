/**
 * Which organization to manage. A Cloud user belongs to one organization at a time, so the key normally sees
 * exactly one and it is used without asking; `--org` wins whenever given.
 */
import type { Organization } from '../api/schemas.js';

export type OrganizationChoice =
  | { readonly kind: 'chosen'; readonly organization: Organization }
  /** Several visible and no --org: the caller lets the person pick. */
  | { readonly kind: 'ask'; readonly organizations: readonly Organization[] }
  | { readonly kind: 'none' }
  /** --org names an organization the key cannot see. */
  | { readonly kind: 'not_found'; readonly orgId: string; readonly organizations: readonly Organization[] };

export function chooseOrganization(organizations: readonly Organization[], requestedId?: string): OrganizationChoice {
  if (requestedId !== undefined) {
    const match = organizations.find((o) => o.id === requestedId);
    return match ? { kind: 'chosen', organization: match } : { kind: 'not_found', orgId: requestedId, organizations };
  }
  const [only, ...others] = organizations;
  if (!only) return { kind: 'none' };
  return others.length === 0 ? { kind: 'chosen', organization: only } : { kind: 'ask', organizations };
}
