/**
 * The organization each Cloud API key was last seen to belong to, in `<stateDir>/organizations.json`, so a session
 * can ask for its lists at once instead of waiting one round trip for `GET /organizations` (which still goes out,
 * beside the lists, to confirm; src/state/org-gate.ts holds back what depends on the answer).
 *
 * Keys are never stored: an entry is filed under a SHA-256 of a domain-separated string holding the API root and
 * the key. A Cloud key is long and random, so the digest cannot be turned back into it, and the separation keeps
 * the digest from matching any other use of the same hash over the key. A file that cannot be read or parsed is
 * an empty memory: it is only ever a shortcut.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { Organization } from '../api/schemas.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import type { Secret } from '../util/secret.js';
import { ensureStateDir, stateDir } from '../util/state-dir.js';

export const ORG_MEMORY_FILE = 'organizations.json';

/** Enough for every key a person switches between; the oldest entry goes first. */
const MAX_ENTRIES = 32;

const Remembered = Organization.pick({ id: true, name: true });
export type RememberedOrganization = z.output<typeof Remembered>;

const OrgMemoryDocument = z.object({
  version: z.literal(1),
  /** By fingerprint, oldest first. */
  organizations: z.record(z.string(), Remembered),
});
export type OrgMemoryDocument = z.output<typeof OrgMemoryDocument>;

export const EMPTY_ORG_MEMORY: OrgMemoryDocument = { version: 1, organizations: {} };

/** The name a key's entry is filed under: a hex SHA-256 digest, never the key. */
export function keyFingerprint(apiKey: Secret, baseUrl: string): string {
  return createHash('sha256')
    .update(`ec-access organization memory v1\u0000${apiRoot(baseUrl)}\u0000${apiKey.reveal()}`)
    .digest('hex');
}

/** `https://api.elastic-cloud.com/` and `…/api/v1` name the same API (see cloudApiRoot). */
function apiRoot(baseUrl: string): string {
  return baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v1$/i, '')
    .toLowerCase();
}

export function parseOrgMemory(text: string): OrgMemoryDocument {
  try {
    const parsed = OrgMemoryDocument.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_ORG_MEMORY;
  } catch {
    return EMPTY_ORG_MEMORY;
  }
}

export function recallOrganization(doc: OrgMemoryDocument, fingerprint: string): RememberedOrganization | undefined {
  return Object.hasOwn(doc.organizations, fingerprint) ? doc.organizations[fingerprint] : undefined;
}

/** The document with `organization` filed under `fingerprint` as the newest entry. */
export function rememberOrganization(
  doc: OrgMemoryDocument,
  fingerprint: string,
  organization: RememberedOrganization,
): OrgMemoryDocument {
  const others = Object.entries(doc.organizations).filter(([f]) => f !== fingerprint);
  const kept = others.slice(Math.max(0, others.length - (MAX_ENTRIES - 1)));
  const entry: RememberedOrganization = { id: organization.id, name: organization.name };
  return { version: 1, organizations: Object.fromEntries([...kept, [fingerprint, entry]]) };
}

export function forgetOrganization(doc: OrgMemoryDocument, fingerprint: string): OrgMemoryDocument {
  return {
    version: 1,
    organizations: Object.fromEntries(Object.entries(doc.organizations).filter(([f]) => f !== fingerprint)),
  };
}

/** One key's entry, read and written in the state directory. */
export interface OrgMemory {
  recall(): RememberedOrganization | undefined;
  /** Files the organization discovery chose; writes only when that changes the entry. */
  remember(organization: RememberedOrganization): void;
  forget(): void;
}

export function openOrgMemory(env: NodeJS.ProcessEnv, apiKey: Secret, baseUrl: string): OrgMemory {
  const fingerprint = keyFingerprint(apiKey, baseUrl);
  const file = join(stateDir(env), ORG_MEMORY_FILE);
  const load = (): OrgMemoryDocument => {
    try {
      return parseOrgMemory(readFileSync(file, 'utf8'));
    } catch {
      return EMPTY_ORG_MEMORY;
    }
  };
  const save = (doc: OrgMemoryDocument) => {
    try {
      ensureStateDir(undefined, env);
      writeFileAtomic(file, `${JSON.stringify(doc, null, 2)}\n`);
    } catch {
      // A memory that cannot be written costs the next start one round trip, nothing else.
    }
  };
  return {
    recall: () => recallOrganization(load(), fingerprint),
    remember(organization) {
      const doc = load();
      const known = recallOrganization(doc, fingerprint);
      if (known?.id === organization.id && known.name === organization.name) return;
      save(rememberOrganization(doc, fingerprint, organization));
    },
    forget() {
      const doc = load();
      if (recallOrganization(doc, fingerprint)) save(forgetOrganization(doc, fingerprint));
    },
  };
}
