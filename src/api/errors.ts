/**
 * One error type for everything that can go wrong talking to Elastic Cloud or a project's Elasticsearch, with a
 * `kind` screens can branch on and a `hint` that tells a person what to do next. Messages are built from the
 * server's own words (scrubbed of secrets by the caller) and never from raw request or response bodies.
 */
import { STATUS_CODES } from 'node:http';
import { inertText } from '../util/inert-text.js';
import { CloudErrorEnvelope, EsErrorBody } from './schemas.js';

export type ApiErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'bad_request'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'unexpected_response';

export type ApiService = 'cloud' | 'es';

export interface ApiErrorInit {
  readonly kind: ApiErrorKind;
  readonly service: ApiService;
  /** "METHOD path", with invitation tokens redacted. */
  readonly endpoint: string;
  readonly message: string;
  readonly hint: string;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly service: ApiService;
  readonly endpoint: string;
  readonly hint: string;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.service = init.service;
    this.endpoint = init.endpoint;
    this.hint = init.hint;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP error responses

export interface ErrorResponse {
  readonly service: ApiService;
  readonly endpoint: string;
  /** Writes get a warning that a 5xx leaves the outcome unknown. */
  readonly isWrite: boolean;
  readonly status: number;
  /** The decoded JSON body, or undefined when it was empty or not JSON. */
  readonly body: unknown;
  /** `x-cloud-error-codes`, sent by Cloud on every error response. */
  readonly errorCodesHeader?: string;
  readonly retryAfterMs?: number;
  /** Removes known secrets from server-provided text. */
  readonly scrub: (text: string) => string;
}

export function errorFromResponse(response: ErrorResponse): ApiError {
  const { service, endpoint, status, retryAfterMs } = response;
  const detail = describeBody(response);
  const kind = kindOfStatus(status);
  const code = detail.code ?? firstHeaderCode(response.errorCodesHeader);
  const message =
    kind === 'rate_limited'
      ? retryAfterMs === undefined
        ? 'rate limited'
        : `rate limited; retry after ${Math.ceil(retryAfterMs / 1000)} s`
      : // Server words are cleaned here, where they enter, so no screen, table or stderr line can print them raw.
        inertText(response.scrub(detail.message ?? `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim()));
  return new ApiError({
    kind,
    service,
    endpoint,
    message,
    hint: hintFor(kind, service, code, response.isWrite),
    status,
    ...(code !== undefined ? { code } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

type StatusKind = Exclude<ApiErrorKind, 'network' | 'timeout'>;

function kindOfStatus(status: number): StatusKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  // 412: an If-Match precondition failed, i.e. someone changed the thing since it was read.
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad_request';
  return 'unexpected_response';
}

function describeBody(response: ErrorResponse): { message?: string; code?: string } {
  const cloud = CloudErrorEnvelope.safeParse(response.body);
  if (cloud.success) {
    return {
      message: cloud.data.errors.map((e) => e.message).join('; '),
      code: cloud.data.errors[0]?.code,
    };
  }
  const es = EsErrorBody.safeParse(response.body);
  if (es.success) {
    const { error } = es.data;
    if (typeof error === 'string') return { message: error };
    return { message: error.reason ? `${error.type}: ${error.reason}` : error.type, code: error.type };
  }
  // ES answers a missing role with 404 `{}` and a missing delete target with `{"found":false}`.
  if (response.service === 'es' && response.status === 404) return { message: 'not found' };
  return {};
}

function firstHeaderCode(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.trim();
  return first ? first : undefined;
}

/** Advice for the codes the contract documents (cloud-api.md §2–§5, §8), where the generic hint would mislead. */
const CODE_HINTS: Readonly<Record<string, string>> = {
  'organization.not_found':
    'The organization was not found. Check --org, or leave it out to use the organization the key belongs to.',
  'organization.invalid_access': 'The key has no access to this organization. Check --org.',
  'organization.membership_not_found': 'That user is no longer a member. Refresh the members list.',
  'user.not_found': 'That user was not found. Refresh the members list.',
  'organization.invitation_not_found': 'The invitation is gone (accepted, expired or cancelled). Refresh the list.',
  'organization.invitation_already_exists':
    'A pending invitation exists for that address. To resend it, cancel the pending invitation and invite again.',
  'organization.invitation_invalid_email': 'Check the email address.',
  'organization.user_organization_already_belongs':
    'That person already belongs to an organization (a user can be in only one organization at a time).',
  'api_keys.invalid_input':
    'Check the description (required) and the expiration (a duration such as 30d, at most one year).',
  'api_keys.key_not_found': 'The key no longer exists (revoked or expired). Refresh the list.',
  'role_assignments.invalid_target_user_id': 'The user id is not valid here. Refresh the members list.',
  'role_assignments.unauthorized_role_assignments':
    'This key may not grant or remove these roles; only an Organization owner (organization-admin) can manage every role.',
  'root.invalid_data': 'None of the given invitations exists any more. Refresh the list.',
};

const OUTCOME_UNKNOWN = ' The change may or may not have been made: refresh and check before retrying.';

function hintFor(kind: StatusKind, service: ApiService, code: string | undefined, isWrite: boolean): string {
  // A 401 is about our key whatever code comes with it (Cloud answers a revoked key with `user.not_found`).
  const specific = code === undefined || kind === 'auth' ? undefined : CODE_HINTS[code];
  if (specific) return specific;
  switch (kind) {
    case 'auth':
      return service === 'cloud'
        ? 'The Cloud API key is invalid, revoked or expired. Create a new key in the Elastic Cloud console ' +
            '(Organization → API keys, Organization owner role) and put it in .env as EC_API_KEY=… (then chmod 600 .env).'
        : "This project's Elasticsearch did not accept the key (invalid, expired, or not valid for this project). " +
            'Check ELASTICSEARCH_API_KEY and ELASTICSEARCH_URL, or use a Cloud key that has application_roles for this project.';
    case 'forbidden':
      return service === 'cloud'
        ? 'The API key is not an Organization owner (organization-admin), which this operation needs. ' +
            'Create a key with the Organization owner role and use that one.'
        : 'The key lacks application_roles for this project (a Cloud key reaches Elasticsearch only through ' +
            'application_roles), or the custom role named there does not exist in this project. Managing roles ' +
            'needs the manage_security privilege.';
    case 'not_found':
      return service === 'cloud'
        ? 'Not found: it may have been removed or changed by someone else. Refresh and try again.'
        : "Not found in this project. Refresh; if everything is missing, check the project's Elasticsearch URL.";
    case 'conflict':
      return 'It already exists or changed since it was loaded. Refresh and review before retrying.';
    case 'bad_request':
      return 'The server refused the request as sent; its message names the problem.';
    case 'rate_limited':
      return 'Elastic Cloud limits the number of calls per time window. Wait, then try again.';
    case 'server':
      return (
        (service === 'cloud'
          ? 'Elastic Cloud had an internal error. Try again shortly; if it persists, check https://status.elastic.co.'
          : "The project's Elasticsearch had an internal error. Try again shortly.") + (isWrite ? OUTCOME_UNKNOWN : '')
      );
    case 'unexpected_response':
      return UNEXPECTED_HINT;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Responses that do not match the contract

const UNEXPECTED_HINT =
  'The API answered in a shape this version of ec-access does not understand. Look for an ec-access update; ' +
  'EC_ACCESS_DEBUG=1 logs the exchange (secrets redacted) to a file.';

/** `detail` names the offending field, never its value: response bodies may hold secrets. */
export function unexpectedResponse(service: ApiService, endpoint: string, detail: string): ApiError {
  return new ApiError({
    kind: 'unexpected_response',
    service,
    endpoint,
    // The detail names fields by the server's own keys.
    message: `unexpected response from ${endpoint}: ${inertText(detail)}`,
    hint: UNEXPECTED_HINT,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// No HTTP response at all

export interface NetworkFailure {
  readonly service: ApiService;
  readonly endpoint: string;
  readonly isWrite: boolean;
  /** scheme://host[:port] we tried to reach. */
  readonly origin: string;
  readonly error: unknown;
  readonly timeouts: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number };
}

/** The errno / undici code of an error or of the error it wraps. */
export function errorCodeOf(error: unknown): string | undefined {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
  }
  return undefined;
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
]);

export function errorFromNetwork(failure: NetworkFailure): ApiError {
  const { service, endpoint, origin, isWrite, timeouts } = failure;
  const code = errorCodeOf(failure.error);
  const unknownOutcome = isWrite ? OUTCOME_UNKNOWN : '';
  const where = service === 'cloud' ? 'EC_BASE_URL (or --base-url)' : "the project's Elasticsearch URL";
  const make = (kind: 'network' | 'timeout', message: string, hint: string) =>
    new ApiError({ kind, service, endpoint, message, hint, ...(code ? { code } : {}) });
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

  switch (code) {
    case 'ECONNREFUSED':
      // Refused at connect time: nothing was sent, so even a write certainly did not happen.
      return make(
        'network',
        `connection refused by ${origin}`,
        `Nothing is listening at ${origin}. Check ${where}; for the sandbox, check it is running.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return make(
        'network',
        `host not found: ${origin}`,
        `Check ${where} and your DNS; behind a proxy, set HTTPS_PROXY.`,
      );
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_INFO':
    case 'UND_ERR_ABORTED':
    case 'UND_ERR_CLOSED':
    case 'ERR_HTTP2_STREAM_ERROR':
    case 'ERR_HTTP2_SESSION_ERROR':
    case 'ERR_HTTP2_GOAWAY_SESSION':
      return make(
        'network',
        `connection to ${origin} was closed unexpectedly`,
        `A proxy or firewall may be cutting connections; try again.${unknownOutcome}`,
      );
    case 'UND_ERR_CONNECT_TIMEOUT':
      return make(
        'timeout',
        `could not connect to ${origin} within ${seconds(timeouts.connectMs)}`,
        `Check your network, ${where} and any proxy settings (HTTPS_PROXY, NO_PROXY).`,
      );
    case 'UND_ERR_HEADERS_TIMEOUT':
      return make(
        'timeout',
        `no answer from ${origin} within ${seconds(timeouts.headersMs)}`,
        `The server is slow or unreachable; try again.${unknownOutcome}`,
      );
    case 'UND_ERR_BODY_TIMEOUT':
      return make(
        'timeout',
        `the answer from ${origin} stalled for ${seconds(timeouts.bodyMs)}`,
        `The server is slow or the connection stalled; try again.${unknownOutcome}`,
      );
  }
  if (code && TLS_CODES.has(code)) {
    return make(
      'network',
      `the TLS certificate of ${origin} could not be verified (${code})`,
      'If your network inspects TLS through a corporate proxy, point NODE_EXTRA_CA_CERTS at its CA certificate (PEM).',
    );
  }
  return make(
    'network',
    `could not reach ${origin}${code ? ` (${code})` : ''}`,
    `Check your network connection and ${where}.${unknownOutcome}`,
  );
}
