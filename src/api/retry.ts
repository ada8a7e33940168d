/**
 * When a failed call may be sent again, and how long to wait first. Pure, so the policy is testable apart from
 * the network.
 *
 * Safety rule: GET and DELETE are idempotent here (deleting twice removes the same thing), so they are retried
 * on throttling, gateway errors and dropped connections. POST/PUT/PATCH are retried only when the connection was
 * refused: a refusal happens in the TCP handshake, before a byte of the request is written, so the server cannot
 * have acted on it. Any other failure of a write (reset, timeout, 5xx) may come after the server made the change,
 * and repeating it could invite someone twice or mint a second API key.
 */
import type { HttpMethod } from './requests.js';

export interface RetryPolicy {
  /** Total tries including the first. */
  readonly attempts: number;
  /** No retry starts later than this many ms after the first try. */
  readonly budgetMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Injected for tests; Math.random otherwise. */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  budgetMs: 10_000,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  random: Math.random,
};

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/**
 * The connection or the request's stream ended before the answer did. Over HTTP/2 undici reports a stream reset
 * (RST_STREAM) or a stream closed early as UND_ERR_INFO, and a stream the server aborted as UND_ERR_ABORTED; the
 * same faults over HTTP/1.1 surface as a socket error. (A request the user cancelled is never retried: the
 * transport checks its signal first.)
 */
const CONNECTION_DROPPED = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_INFO',
  'UND_ERR_ABORTED',
  'UND_ERR_CLOSED',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
]);

export function isIdempotent(method: HttpMethod): boolean {
  return method === 'GET' || method === 'DELETE';
}

/** Whether this outcome (an HTTP status, or a network error code) is worth another try for this method. */
export function isRetryable(
  method: HttpMethod,
  outcome: { status: number } | { errorCode: string | undefined },
): boolean {
  if ('status' in outcome) return isIdempotent(method) && RETRYABLE_STATUS.has(outcome.status);
  if (outcome.errorCode === 'ECONNREFUSED') return true;
  return isIdempotent(method) && outcome.errorCode !== undefined && CONNECTION_DROPPED.has(outcome.errorCode);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^n)) for retry number n (0-based). */
export function backoffDelay(policy: RetryPolicy, retryIndex: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(policy.random() * ceiling);
}

/** `Retry-After` as milliseconds from `now`: either delta-seconds or an HTTP date. Undefined if absent or garbled. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
