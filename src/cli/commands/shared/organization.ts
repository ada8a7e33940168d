/**
 * Which organization a command acts on. `--org` wins; the sandbox names its own; otherwise the one remembered for
 * this key (src/config/org-memory.ts) is used at once while `GET /organizations` confirms it beside the command's
 * own requests, and the gate (src/state/org-gate.ts) keeps anything naming it from being shown or sent until then.
 * Only a key with nothing remembered waits for discovery first.
 */
import type { CloudApi } from '../../../api/client.js';
import { isApiError } from '../../../api/errors.js';
import type { Organization } from '../../../api/schemas.js';
import { ConfigError } from '../../../config/config.js';
import type { OrgMemory, RememberedOrganization } from '../../../config/org-memory.js';
import { chooseOrganization } from '../../../config/organization.js';
import type { OrgGate } from '../../../state/org-gate.js';
import { errorMessage } from '../../../util/errors.js';
import { UsageError } from '../../args.js';

export interface ResolvedOrganization {
  readonly orgId: string;
  /** The organization with its name, when discovery gives it (absent: `--org` or the sandbox, never looked up). */
  readonly organization?: () => Promise<Organization>;
  /** Settles once the id is confirmed (at once unless it was remembered); rejects saying why it is not. */
  readonly confirmed: Promise<void>;
}

export interface OrganizationSources {
  readonly cloud: CloudApi;
  /** `--org` or EC_ORG_ID. */
  readonly configured?: string;
  readonly sandboxOrgId?: string;
  /** Absent in the sandbox: its organization is never remembered. */
  readonly memory?: OrgMemory;
  readonly remembered?: { readonly organization: RememberedOrganization; readonly gate: OrgGate };
}

const RERUN = 'The remembered organization is corrected; run the command again.';

export async function resolveOrganization(sources: OrganizationSources): Promise<ResolvedOrganization> {
  const { cloud, memory, remembered } = sources;
  const fixed = sources.configured ?? sources.sandboxOrgId;
  if (fixed !== undefined) return { orgId: fixed, confirmed: Promise.resolve() };
  if (!remembered) {
    const found = await discoverOrganization(cloud);
    memory?.remember(found);
    return { orgId: found.id, organization: () => Promise.resolve(found), confirmed: Promise.resolve() };
  }
  const { organization: was, gate } = remembered;
  const confirmation = discoverOrganization(cloud).then(
    (found) => {
      memory?.remember(found);
      if (found.id === was.id) {
        gate.confirm(found.id);
        return found;
      }
      const reason = `this key now reaches organization ${found.id} (${found.name}), not ${was.id} (${was.name}) as remembered`;
      gate.confirm(found.id, { id: was.id, reason, hint: RERUN });
      throw new ConfigError(`${reason}. ${RERUN}`);
    },
    (error: unknown) => {
      // A refused key, or one that no longer sees exactly one organization, has nothing worth remembering; a
      // network failure says nothing about the key, so its entry stays.
      if (!isApiError(error) || error.kind === 'auth' || error.kind === 'forbidden') memory?.forget();
      gate.refuse({
        id: was.id,
        reason: `organization ${was.id} could not be confirmed for this key (${errorMessage(error)})`,
        hint: 'Run the command again, or pass --org to name the organization.',
      });
      throw error;
    },
  );
  const confirmed = confirmation.then(() => undefined);
  // Whoever needs the verdict awaits it; these keep a failure nobody awaited yet from counting as unhandled.
  confirmation.catch(() => undefined);
  confirmed.catch(() => undefined);
  return { orgId: was.id, organization: () => confirmation, confirmed };
}

/** A key normally sees exactly one organization; with several, a script must say which (`--org`). */
async function discoverOrganization(cloud: CloudApi): Promise<Organization> {
  const choice = chooseOrganization(await cloud.listOrganizations());
  switch (choice.kind) {
    case 'chosen':
      return choice.organization;
    case 'ask':
      throw new UsageError(
        `this key sees ${choice.organizations.length} organizations; pass --org with one of: ${choice.organizations.map((o) => `${o.id} (${o.name})`).join(', ')}`,
      );
    case 'none':
    case 'not_found':
      throw new ConfigError(
        'this API key sees no organization; check that EC_API_KEY belongs to an Elastic Cloud organization member',
      );
  }
}
