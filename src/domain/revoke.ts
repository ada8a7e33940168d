/**
 * What a bulk revoke actually did, key by key, judged from the list before, the DELETE's answer and the list
 * re-read afterwards (the re-read is the authority when there is one). Pure.
 *
 * In an incident the question is "which leaked keys still work?", so the result always lists them: a refused or
 * half-applied call must not read as "done".
 */
import { isApiError } from '../api/errors.js';
import type { ApiKey } from '../api/schemas.js';
import { isKeyExpired } from './access/principal.js';
import { daysLeft, EXPIRING_SOON_DAYS } from './doctor/key-expiry.js';

export type RevokeStatus = 'revoked' | 'already-gone' | 'failed' | 'unknown';

export interface KeyRevokeOutcome {
  readonly id: string;
  /** As last seen (after the call if re-read, else before); absent for an id no list contained. */
  readonly key?: ApiKey;
  readonly status: RevokeStatus;
  /** Why it failed, or why the outcome is not known. */
  readonly reason?: string;
}

export interface RevokeInput {
  readonly requested: readonly string[];
  /** The key list the user chose from. */
  readonly before: readonly ApiKey[];
  /** The DELETE's result: `error` is normally an ApiError. */
  readonly result: { readonly ok: true } | { readonly ok: false; readonly error: unknown };
  /** The key list re-read after the call; undefined when that failed or was not attempted. */
  readonly after?: readonly ApiKey[];
}

export interface RevokeOutcome {
  readonly keys: readonly KeyRevokeOutcome[];
  /** Requested keys known to still work: listed after the call, or refused outright and not re-read. */
  readonly stillActive: readonly ApiKey[];
  /** Requested keys that may still work: the call's effect is unknown and the list could not be re-read. */
  readonly maybeActive: readonly ApiKey[];
  /** Every requested key is revoked or was already gone. */
  readonly complete: boolean;
}

function failureOf(result: RevokeInput['result']): { status?: number; message: string } | undefined {
  if (result.ok) return undefined;
  const { error } = result;
  // Anything but an ApiError may carry request details in its message; its text is not shown.
  if (!isApiError(error)) return { message: 'the request failed' };
  return { ...(error.status !== undefined ? { status: error.status } : {}), message: error.message };
}

function classify(id: string, input: RevokeInput, requestedCount: number): KeyRevokeOutcome {
  const before = input.before.find((k) => k.id === id);
  const failure = failureOf(input.result);

  if (input.after) {
    const after = input.after.find((k) => k.id === id);
    if (after) {
      return {
        id,
        key: after,
        status: 'failed',
        reason: failure?.message ?? 'the server accepted the request but the key is still listed',
      };
    }
    return { id, ...(before ? { key: before } : {}), status: before ? 'revoked' : 'already-gone' };
  }

  const withKey = before ? { key: before } : {};
  if (!before) return { id, status: 'already-gone' };
  if (!failure) return { id, ...withKey, status: 'revoked' };
  // A 404 to a single-key call is about that key; in a bulk call it could be about any one of them.
  if (failure.status === 404 && requestedCount === 1) return { id, ...withKey, status: 'already-gone' };
  // A 4xx is a refusal, so nothing changed; a 5xx or no answer leaves it open.
  if (failure.status !== undefined && failure.status < 500 && failure.status !== 404) {
    return { id, ...withKey, status: 'failed', reason: failure.message };
  }
  return {
    id,
    ...withKey,
    status: 'unknown',
    reason: `${failure.message}; the key list was not re-read, so whether it was revoked is unknown: refresh and check`,
  };
}

export function revokeOutcome(input: RevokeInput): RevokeOutcome {
  const requested = [...new Set(input.requested)];
  const keys = requested.map((id) => classify(id, input, requested.length));
  const keysWith = (status: RevokeStatus) =>
    keys.filter((k) => k.status === status).flatMap((k) => (k.key ? [k.key] : []));
  return {
    keys,
    stillActive: keysWith('failed'),
    maybeActive: keysWith('unknown'),
    complete: keys.every((k) => k.status === 'revoked' || k.status === 'already-gone'),
  };
}

// ---------------------------------------------------------------------------------------------------------------

export type KeyExpiryStatus = 'expired' | 'expiring-soon' | 'ok' | 'never';

/** For a badge in key lists; the same thresholds as the doctor's expiry rules. */
export function keyExpiryStatus(key: ApiKey, now: Date): KeyExpiryStatus {
  if (isKeyExpired(key, now)) return 'expired';
  const left = daysLeft(key, now);
  if (left === undefined) return 'never';
  return left < EXPIRING_SOON_DAYS ? 'expiring-soon' : 'ok';
}
