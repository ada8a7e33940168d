/**
 * Keeps credentials out of anything a person or a file may see: error messages, the debug log, audit events,
 * request previews. Two tools: field-based redaction of JSON values (for bodies whose shape we know), and
 * value-based scrubbing of free text (for server messages, which may echo whatever they were sent).
 */
import { REDACTED } from './secret.js';

/**
 * JSON fields that hold a credential somewhere in the APIs we talk to: a created Cloud key's `key`, an
 * invitation's `token` (it is what the invitee uses to accept), project `password`s, ES `api_key`/`encoded`.
 * Only string values are replaced, so objects such as ES `_authenticate`'s `api_key: {id, name}` stay readable.
 */
const SECRET_FIELDS = new Set([
  'key',
  'token',
  'password',
  'api_key',
  'encoded',
  'secret',
  'authorization',
  'access_token',
  'refresh_token',
]);

export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name.toLowerCase());
}

/** A deep copy of `value` with every secret field's string value replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) {
      out[name] = typeof field === 'string' && isSecretField(name) ? REDACTED : redactJson(field);
    }
    return out;
  }
  return value;
}

/** Every string held in a secret field anywhere inside `value`. */
export function collectSecrets(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, into);
  } else if (value !== null && typeof value === 'object') {
    // for…in, not Object.entries: this walks every answer, 10,000 members included, and allocates nothing per field.
    for (const name in value) {
      const field: unknown = Reflect.get(value, name);
      if (typeof field === 'string' && isSecretField(name)) into.push(field);
      else if (field !== null && typeof field === 'object') collectSecrets(field, into);
    }
  }
  return into;
}

const SECRET_FIELD_IN_JSON = new RegExp(`"(?:${[...SECRET_FIELDS].join('|')})"\\s*:`, 'i');

/**
 * Whether JSON text may hold a secret field: its name written out as a key, or any `\u` escape (a key spelled with
 * escapes would not show its name). Most answers (member and project lists) have none, so nothing needs walking.
 */
export function mayHoldSecrets(json: string): boolean {
  return json.includes('\\u') || SECRET_FIELD_IN_JSON.test(json);
}

/**
 * Invitation tokens travel in URL paths (`DELETE …/invitations/{tokens}`, `…/invitations/{token}/_accept`).
 * Organization ids never follow `/invitations/`, so the segment after it is always a token list.
 */
export function redactPath(path: string): string {
  return path.replace(/(\/invitations\/)(?!_)[^/?#]+/g, `$1${REDACTED}`);
}

/**
 * Shapes that are credentials whatever their value: an Authorization header, a Serverless Cloud key (`essu_…`).
 * A backstop for secrets nobody registered.
 */
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(ApiKey|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/g, `$1 ${REDACTED}`],
  [/\bessu_[A-Za-z0-9+/=._-]{8,}/g, REDACTED],
];

/** Below this length a "secret" is too likely to be an ordinary word or id to scrub safely. */
const MIN_SECRET_LENGTH = 8;

/** `text` with each known secret and each credential-shaped string replaced. */
export function scrubText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    // Most texts hold none of the secrets: split and join would copy the whole text once per secret (the doctor's
    // JSON, some 300 kB, once per open invitation).
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * The secrets one client has seen: its own credential plus every secret value that came back in a response
 * (created keys, invitation tokens), so a later server message that echoes one is still scrubbed.
 */
export class SecretSet {
  readonly #values = new Set<string>();

  add(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH) this.#values.add(value);
  }

  addFrom(json: unknown): void {
    for (const value of collectSecrets(json)) this.add(value);
  }

  /** The same for an answer still at hand as text: skips the walk when the text cannot hold a secret field. */
  addFromAnswer(text: string, json: unknown): void {
    if (mayHoldSecrets(text)) this.addFrom(json);
  }

  scrub(text: string): string {
    return scrubText(text, this.#values);
  }
}
