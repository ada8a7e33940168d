/**
 * What a failed write means for the server's state. Pure: decided from the error alone, so the transport, the audit
 * trail, plans and the CLI all say the same thing.
 *
 * - `failed`: the server did not act. Either it refused (any 4xx, including 429, is answered before a change is
 *   made) or the request never left (refused connection, unknown host, TLS failure, connect timeout, too large).
 * - `unknown`: the request went out and what happened to it is not known: a 5xx (the server may have failed after
 *   the change), a reset, a timeout waiting for the answer, a cancelled request, or a 2xx whose body cannot be read.
 *   Only a re-read can settle it (src/domain/settle.ts).
 */
import { isApiError } from './errors.js';

export type WriteOutcome = 'done' | 'failed' | 'unknown';

/** Network codes raised before a byte of the request was written. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'REQUEST_TOO_LARGE',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
]);

/**
 * The outcome of a write that threw `error`. Anything but an ApiError was raised on this side before sending (a
 * missing Elasticsearch credential, say), so nothing changed.
 */
export function failedWriteOutcome(error: unknown): Exclude<WriteOutcome, 'done'> {
  if (!isApiError(error)) return 'failed';
  if (error.kind === 'unexpected_response') return 'unknown';
  if (error.status !== undefined) return error.status >= 500 ? 'unknown' : 'failed';
  return error.code !== undefined && NOT_SENT.has(error.code) ? 'failed' : 'unknown';
}
