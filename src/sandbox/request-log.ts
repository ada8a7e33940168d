/**
 * Every API request the sandbox received, for tests that check what a client sent. Bodies are kept byte for byte
 * unless they hold a credential field (`key`, `token`, `password`, …), in which case those values are redacted and
 * `redacted` says the text was rewritten. The Authorization header is never kept: only the key id it resolved to.
 */
import * as z from 'zod';
import { collectSecrets, redactJson } from '../util/redact.js';

/** One entry; `GET /_sandbox/requests` answers `{ requests: LoggedRequest[] }`, which clients parse with this. */
export const LoggedRequest = z.object({
  seq: z.number(),
  /** Sandbox clock. */
  at: z.string(),
  method: z.string(),
  /** Path and query as received (still percent-encoded). */
  url: z.string(),
  contentType: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The key the Authorization header resolved to; null when there was none or it was not valid. */
  keyId: z.string().nullable(),
  body: z.string().nullable(),
  redacted: z.boolean(),
  /** Set once the answer is known. */
  status: z.number().nullable(),
  /** What the sandbox accepted but the real service would not take as sent (also in the `Warning` header). */
  warnings: z.array(z.string()).readonly().optional(),
});
export type LoggedRequest = z.infer<typeof LoggedRequest>;

export interface RequestLog {
  record(entry: Omit<LoggedRequest, 'seq' | 'status' | 'redacted' | 'body'>, rawBody: string): LoggedRequest;
  list(sinceSeq?: number): readonly LoggedRequest[];
  clear(): void;
}

/** Enough for any test run; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

export function createRequestLog(): RequestLog {
  let entries: LoggedRequest[] = [];
  let seq = 0;
  return {
    record(entry, rawBody) {
      const { body, redacted } = redactBody(rawBody);
      const logged: LoggedRequest = { seq: ++seq, ...entry, body, redacted, status: null };
      entries.push(logged);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
      return logged;
    },
    list: (sinceSeq = 0) => entries.filter((e) => e.seq > sinceSeq),
    clear() {
      entries = [];
    },
  };
}

function redactBody(raw: string): { body: string | null; redacted: boolean } {
  if (raw === '') return { body: null, redacted: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { body: raw, redacted: false };
  }
  return collectSecrets(parsed).length === 0
    ? { body: raw, redacted: false }
    : { body: JSON.stringify(redactJson(parsed)), redacted: true };
}
