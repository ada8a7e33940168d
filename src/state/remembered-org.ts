/**
 * The interactive session's side of the organization memory: the organization remembered for the key to start on,
 * the gate that holds back what names it until discovery confirms it, and what to do with each discovery (the store
 * reports them): remember what was found, correct or forget a stale entry, and open the gate.
 */
import { isApiError } from '../api/errors.js';
import type { OrgMemory, RememberedOrganization } from '../config/org-memory.js';
import { createOrgGate, type OrgGate } from './org-gate.js';
import { describeError } from './resource.js';
import type { DiscoveryOutcome } from './store.js';

export interface RememberedOrgSession {
  /** Absent when nothing is remembered for this key: discovery runs first, as without a memory. */
  readonly organization?: RememberedOrganization;
  readonly gate?: OrgGate;
  onDiscovery(outcome: DiscoveryOutcome): void;
}

export function confirmRememberedOrg(memory: OrgMemory): RememberedOrgSession {
  const organization = memory.recall();
  const gate = organization ? createOrgGate(organization.id) : undefined;
  return {
    ...(organization && gate ? { organization, gate } : {}),
    onDiscovery(outcome) {
      if ('organization' in outcome) {
        const found = outcome.organization;
        memory.remember(found);
        const was = outcome.replaced;
        gate?.confirm(
          found.id,
          was && {
            id: was.id,
            reason: `this key now reaches organization ${found.name} (${found.id}), not ${was.name} (${was.id})`,
            hint: `ec-access switched to ${found.name} and reloaded its lists; start again from there.`,
          },
        );
        return;
      }
      const { error, assumed } = outcome;
      // A refused key has nothing worth remembering; a network failure says nothing about the key.
      if (!isApiError(error) || error.kind === 'auth' || error.kind === 'forbidden') memory.forget();
      if (assumed)
        gate?.refuse({
          id: assumed.id,
          reason: `organization ${assumed.name} (${assumed.id}) could not be confirmed for this key (${describeError(error).message})`,
          hint: 'Refresh to ask again which organization this key reaches.',
        });
    },
  };
}
