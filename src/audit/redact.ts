/**
 * What keeps secrets out of the audit file. The transport already redacts the events it reports; this runs again
 * because the file is permanent and an observer may be fed from elsewhere (sandbox, tests, a future client).
 * Built on util/redact.ts, adding two things: token *lists* (redactJson replaces only string values), and
 * learning each request's secrets so an echo of one in free text is caught.
 */
import { collectSecrets, redactJson, redactPath, SecretSet } from '../util/redact.js';
import { REDACTED, type Secret } from '../util/secret.js';

/** Invitation tokens are what an invitee accepts with, so a list of them is as secret as one. */
const TOKEN_FIELDS = new Set(['tokens', 'invitation_token', 'invitation_tokens']);

function redactTokenFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactTokenFields);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, field]) => [
        name,
        TOKEN_FIELDS.has(name.toLowerCase()) ? REDACTED : redactTokenFields(field),
      ]),
    );
  }
  return value;
}

function tokenFieldValues(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) tokenFieldValues(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [name, field] of Object.entries(value)) {
      if (TOKEN_FIELDS.has(name.toLowerCase()))
        into.push(...[field].flat().filter((v): v is string => typeof v === 'string'));
      else tokenFieldValues(field, into);
    }
  }
  return into;
}

/** The tokens of a `…/invitations/{tok1,tok2}` path, as sent and as decoded. */
function pathTokens(path: string): string[] {
  return [...path.matchAll(/\/invitations\/(?!_)([^/?#]+)/g)].flatMap((m) =>
    m[1]!
      .split(',')
      .filter((token) => token !== REDACTED)
      .flatMap((token) => [token, safeDecode(token)]),
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function mapStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, mapStrings(field, fn)]));
  }
  return value;
}

export interface AuditRedactor {
  /**
   * Remembers the secrets a request carries (in its path or body) before they are redacted from it, so a server
   * message or a verification detail that repeats one is scrubbed too.
   */
  learn(request: { readonly path: string; readonly body?: unknown }): void;
  body(body: unknown): unknown;
  path(path: string): string;
  /** Free text (URL, summary, server message): known secrets and credential-shaped strings. */
  text(text: string): string;
}

/** `known`: secrets this session holds (its own API keys), scrubbed wherever they might be echoed. */
export function auditRedactor(known: readonly Secret[] = []): AuditRedactor {
  const secrets = new SecretSet();
  for (const secret of known) secrets.add(secret.reveal());
  const text = (value: string) => secrets.scrub(redactPath(value));
  return {
    learn: ({ path, body }) => {
      for (const value of [...pathTokens(path), ...collectSecrets(body), ...tokenFieldValues(body)]) secrets.add(value);
    },
    body: (body) => mapStrings(redactTokenFields(redactJson(body)), text),
    path: text,
    text,
  };
}
