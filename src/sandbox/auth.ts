/**
 * Who is calling: the `Authorization: ApiKey <secret>` header resolved to a stored key. Owner status comes from
 * the key's own role assignments (an `organization-admin` entry), as on the real service, not from its creator.
 */
import type { SandboxCore } from './core.js';
import type { StoredKey, StoredMember, StoredProjectKey } from './model.js';
import { isOrganizationOwner } from './role-assignments.js';
import { hashSecret, sameHash } from './secrets.js';
import { isKeyActive } from './wire.js';

export interface Caller {
  readonly key: StoredKey;
  /** The key's creator, if still a member. */
  readonly member: StoredMember | undefined;
  readonly owner: boolean;
  /** Set when the caller is a project (Elasticsearch) API key rather than a Cloud key; see project-keys.ts. */
  readonly projectKey?: { readonly projectId: string; readonly key: StoredProjectKey };
}

export type AuthResult =
  { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly reason: string };

export function authenticate(header: string | undefined, core: SandboxCore): AuthResult {
  if (!header) return { ok: false, reason: 'no Authorization header' };
  const m = /^ApiKey\s+(\S+)\s*$/i.exec(header);
  if (!m) return { ok: false, reason: 'the Authorization header must be "ApiKey <key>"' };
  const hash = hashSecret(m[1] ?? '');
  const { data } = core;
  const key = data.keys.find((k) => sameHash(k.secret_sha256, hash));
  if (!key) return { ok: false, reason: 'the API key is not valid' };
  if (!isKeyActive(key, core.clock.now()))
    return { ok: false, reason: `the API key expired at ${key.expiration_date}` };
  return {
    ok: true,
    caller: {
      key,
      member: data.members.find((m) => m.user_id === key.user_id),
      owner: isOrganizationOwner(key.role_assignments),
    },
  };
}

/** Just the key id behind a header, for the request log; never fails. */
export function keyIdOf(header: string | undefined, core: SandboxCore): string | undefined {
  const result = authenticate(header, core);
  return result.ok ? result.caller.key.id : undefined;
}
