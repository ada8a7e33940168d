/**
 * Key secrets: random (node:crypto, never the seeded PRNG: a secret must not follow from `--seed`), shaped like a
 * Serverless Cloud key (`essu_…`), and stored only as a sha256 hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(): string {
  return `essu_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time so the lookup does not tell an attacker how much of a hash matched. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Random ids for things created while running (seeded data uses the PRNG instead). */
export function randomId(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return out;
}
