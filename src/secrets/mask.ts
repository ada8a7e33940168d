/**
 * How a one-time secret is shown before the user chooses to reveal it: enough to tell two keys apart and to see
 * what kind of credential it is, never enough to use it.
 */

/** Prefixes that name a credential's kind rather than carry entropy (`essu_`: a Serverless-era Cloud API key). */
const KNOWN_PREFIXES = ['essu_'] as const;

/** A fixed run of dots, so the mask does not disclose the secret's length. */
const HIDDEN = '•'.repeat(12);

const VISIBLE_TAIL = 4;
/** Below this many characters after the prefix, even four of them are too large a share of the secret to show. */
const MIN_LENGTH_FOR_TAIL = 16;

/** `essu_••••••••••••3f9a`: the well-known prefix (if any), dots, and the last four characters of a long secret. */
export function maskSecret(value: string): string {
  const prefix = KNOWN_PREFIXES.find((p) => value.startsWith(p)) ?? '';
  const rest = value.slice(prefix.length);
  const tail = rest.length >= MIN_LENGTH_FOR_TAIL ? rest.slice(-VISIBLE_TAIL) : '';
  return `${prefix}${HIDDEN}${tail}`;
}
