/** Key lifetime facts shared by the expiry rules: one definition of "active" and "soon". */
import type { ApiKey } from '../../api/schemas.js';
import { isKeyExpired } from '../access/principal.js';
import { DAY_MS } from '../duration.js';

export const EXPIRING_SOON_DAYS = 7;

export function activeKeys(keys: readonly ApiKey[], now: Date): ApiKey[] {
  return keys.filter((key) => !isKeyExpired(key, now));
}

/** Whole days left, rounded down; undefined for a key that never expires. */
export function daysLeft(key: ApiKey, now: Date): number | undefined {
  return key.expiration_date === undefined
    ? undefined
    : Math.floor((Date.parse(key.expiration_date) - now.getTime()) / DAY_MS);
}

/** The whole days a key was made to live, creation to expiry (rounded); undefined for a key that never expires. */
export function lifetimeDays(key: ApiKey): number | undefined {
  return key.expiration_date
    ? Math.round((Date.parse(key.expiration_date) - Date.parse(key.creation_date)) / DAY_MS)
    : undefined;
}
