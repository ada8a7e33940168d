/**
 * Project (Elasticsearch) API keys next to Cloud keys: the two credential layers as one inventory. Pure.
 *
 * A project key lives in one project; ec-access reads it with the credential it already uses for custom roles.
 * A project it cannot read is kept in the inventory as "not readable: why", never dropped: in an incident a
 * silent gap reads as "no keys there".
 */
import type { ProjectApiKey } from '../api/project-key-schemas.js';
import type { ApiKey, Project } from '../api/schemas.js';
import { EXPIRING_SOON_DAYS } from './doctor/key-expiry.js';
import { DAY_MS } from './duration.js';
import type { ProjectKeysOf } from './org.js';
import type { KeyExpiryStatus, RevokeStatus } from './revoke.js';

/** One row of the two-layer inventory. */
export type LayeredKey =
  | { readonly layer: 'cloud'; readonly id: string; readonly name: string; readonly key: ApiKey }
  | {
      readonly layer: 'project';
      readonly id: string;
      readonly name: string;
      readonly key: ProjectApiKey;
      readonly project: Project;
    };

export const layerLabel = (row: LayeredKey): string => (row.layer === 'cloud' ? 'Cloud' : row.project.name);

export function isProjectKeyActive(key: ProjectApiKey, now: Date): boolean {
  return !key.invalidated && (key.expiration == null || key.expiration > now.getTime());
}

export type ProjectKeyStatus = KeyExpiryStatus | 'invalidated';

export function projectKeyStatus(key: ProjectApiKey, now: Date): ProjectKeyStatus {
  if (key.invalidated) return 'invalidated';
  if (key.expiration == null) return 'never';
  if (key.expiration <= now.getTime()) return 'expired';
  return (key.expiration - now.getTime()) / DAY_MS < EXPIRING_SOON_DAYS ? 'expiring-soon' : 'ok';
}

/** Every key of both layers; project keys that no longer work (invalidated or expired) only when `all`. */
export function layeredKeys(
  cloudKeys: readonly ApiKey[],
  projects: readonly ProjectKeysOf[],
  now: Date,
  all = false,
): LayeredKey[] {
  const rows: LayeredKey[] = cloudKeys.map((key) => ({ layer: 'cloud', id: key.id, name: key.description, key }));
  for (const { project, state } of projects) {
    if (state.status !== 'loaded') continue;
    for (const key of state.keys) {
      if (!all && !isProjectKeyActive(key, now)) continue;
      rows.push({ layer: 'project', id: key.id, name: key.name ?? '', key, project });
    }
  }
  return rows;
}

export const unreadableProjects = (projects: readonly ProjectKeysOf[]) =>
  projects.flatMap(({ project, state }) => (state.status === 'unreadable' ? [{ project, reason: state.reason }] : []));

/**
 * The id inside an Elasticsearch key's `encoded` value (base64 of `id:api_key`); undefined for anything else
 * (a Cloud key, a bare `api_key` half). Never returns or keeps the secret half.
 */
export function idFromEncodedKey(value: string): string | undefined {
  const text = value.trim();
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(text)) return undefined;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  const id = decoded.slice(0, colon);
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Revocation of project keys: one DELETE per project, judged key by key from its answer (or, when there is none
// to trust, from a re-read).

export interface ProjectRevokeAnswer {
  readonly invalidated_api_keys: readonly string[];
  readonly previously_invalidated_api_keys: readonly string[];
  readonly error_count: number;
  readonly error_details?: ReadonlyArray<{ readonly type?: string; readonly reason?: string }>;
}

export interface ProjectKeyOutcome {
  readonly id: string;
  readonly status: RevokeStatus;
  readonly reason?: string;
}

/** Each key as the project's answer tells it: invalidated now, already invalidated, or not invalidated (failed). */
export function projectRevokeOutcome(ids: readonly string[], answer: ProjectRevokeAnswer): ProjectKeyOutcome[] {
  const errors = (answer.error_details ?? []).map((e) => e.reason ?? e.type ?? 'error').join('; ');
  return ids.map((id): ProjectKeyOutcome => {
    if (answer.invalidated_api_keys.includes(id)) return { id, status: 'revoked' };
    if (answer.previously_invalidated_api_keys.includes(id))
      return { id, status: 'already-gone', reason: 'already invalidated' };
    return {
      id,
      status: 'failed',
      reason:
        answer.error_count > 0 && errors
          ? errors
          : 'the project did not invalidate it (unknown id, or the credential may not manage this key)',
    };
  });
}

/**
 * Settles the keys whose invalidation has an unknown outcome (a 5xx, reset or timeout after the request was sent,
 * an unreadable answer) by what the project shows when read again, as a Cloud revoke is settled by its re-read
 * list. `fresh`: the keys of the request as re-read (one missing from it is no longer listed); undefined when the
 * re-read failed, and then the outcome stays unknown. `cause`: what went wrong with the invalidation.
 */
export function settleProjectRevoke(
  outcomes: readonly ProjectKeyOutcome[],
  fresh: readonly ProjectApiKey[] | undefined,
  cause: string,
): ProjectKeyOutcome[] {
  return outcomes.map((o): ProjectKeyOutcome => {
    if (o.status !== 'unknown') return o;
    if (!fresh)
      return {
        id: o.id,
        status: 'unknown',
        reason: `${cause}; re-reading the project failed, so whether the key was invalidated could not be confirmed: check before retrying`,
      };
    const key = fresh.find((k) => k.id === o.id);
    if (!key) return { id: o.id, status: 'revoked', reason: `${cause}, but the project no longer lists the key` };
    if (key.invalidated)
      return { id: o.id, status: 'revoked', reason: `${cause}, but the re-read shows the key invalidated` };
    return { id: o.id, status: 'failed', reason: `${cause}; the re-read shows the key still active: nothing changed` };
  });
}
