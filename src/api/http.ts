/**
 * The transport under both clients: sends an ApiRequest with undici, retries what is safe to retry, turns every
 * failure into an ApiError, reports writes to the audit observer and (opt-in) to the debug log. It never writes to
 * stdout/stderr: the TUI owns the terminal.
 *
 * Connections: one keep-alive pool per origin, shared by every client in the process, with at most two sockets,
 * so a whole session uses very few TCP connections. Over HTTP/2 (offered in every TLS handshake) one connection
 * carries all of a screen's requests at once; over HTTP/1.1 each socket has one request in flight.
 * TLS is always verified by node:tls, which also honours NODE_EXTRA_CA_CERTS.
 */
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { userAgent } from '../config/version.js';
import { debugLogFromEnv, type DebugLog } from '../util/debug-log.js';
import { redactJson, redactPath, SecretSet } from '../util/redact.js';
import type { Secret } from '../util/secret.js';
import type { WriteEvent, WriteObserver } from './client.js';
import type { Http2Mode } from './http2-mode.js';
import {
  ApiError,
  errorCodeOf,
  errorFromNetwork,
  errorFromResponse,
  unexpectedResponse,
  type ApiService,
} from './errors.js';
import { failedWriteOutcome } from './outcome.js';
import { Agent, EnvHttpProxyAgent, H2CClient, Pool } from './undici.js';
import type { ApiRequest } from './requests.js';
import { backoffDelay, DEFAULT_RETRY, isRetryable, parseRetryAfter, type RetryPolicy } from './retry.js';

export interface Timeouts {
  readonly connectMs: number;
  /** Until the response status and headers arrive. */
  readonly headersMs: number;
  /** Longest pause between two chunks of the response body. */
  readonly bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

/**
 * Size caps. No request of ours comes near the first (a role descriptor is a few kB; the sandbox and Cloud refuse
 * 10 MiB); the second is far above the largest list (10,000 members is about 5 MB) and stops an endless answer
 * from filling memory.
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export { HTTP2_MODES, type Http2Mode } from './http2-mode.js';

/** Options both client factories accept besides their own. */
export interface ClientOptions {
  readonly apiKey: Secret;
  readonly onWrite?: WriteObserver;
  readonly timeouts?: Partial<Timeouts>;
  readonly retry?: Partial<RetryPolicy>;
  /** Defaults to the log `EC_ACCESS_DEBUG` asks for, if any. */
  readonly debugLog?: DebugLog;
  /** Where the proxy variables and EC_ACCESS_DEBUG are read from; defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Defaults to `auto`. */
  readonly http2?: Http2Mode;
  /** Aborting it cancels every request in flight and every wait before a retry (quitting the app). */
  readonly signal?: AbortSignal;
  /** Test seam for the caps above. */
  readonly maxResponseBytes?: number;
  /** --allow-insecure-http: plain http to a non-loopback host is sent (cleartext.ts) instead of refused. */
  readonly allowInsecureHttp?: boolean;
  /** Holds requests back until the organization they address is confirmed. */
  readonly gate?: RequestGate;
}

/**
 * Lets a session act on an organization before `GET /organizations` has confirmed it (src/state/org-gate.ts): a
 * read goes out at once but its answer is handed back only when the gate allows; a write is sent only then.
 */
export interface RequestGate {
  /** Resolves when the write may be sent; rejects (nothing sent) when it must not. */
  beforeWrite(req: ApiRequest): Promise<void>;
  /** Resolves when the read's answer may be handed back; rejects when it must not. */
  beforeAnswer(req: ApiRequest): Promise<void>;
}

export interface TransportOptions extends ClientOptions {
  readonly service: ApiService;
  /** Every request path is appended to this (Cloud: `…/api/v1`; ES: the project endpoint, which may have a path). */
  readonly root: string;
}

export interface Exchange {
  readonly status: number;
  /** Decoded JSON; undefined for an empty body. */
  readonly body: unknown;
  /**
   * A DELETE retried after an attempt whose outcome was unknown, answered 404: the first attempt removed it. The
   * body (the 404's error) is left out.
   */
  readonly alreadyGone?: boolean;
}

export type AcceptAnswer = (status: number, body: unknown) => boolean;

export interface Transport {
  /** The absolute URL with invitation tokens redacted: safe to show or record. */
  urlOf(req: ApiRequest): string;
  /** "METHOD path", redacted the same way: the `endpoint` of errors about this request. */
  endpointOf(req: ApiRequest): string;
  /**
   * Sends `req`. Resolves for a 2xx status, or for an error answer `accept` recognises as an expected outcome
   * (ES's 404 for a missing role); rejects with an ApiError otherwise.
   */
  send(req: ApiRequest, accept?: AcceptAnswer): Promise<Exchange>;
}

// ---------------------------------------------------------------------------------------------------------------
// Connection pools

export interface ProxySettings {
  readonly httpProxy?: string;
  readonly httpsProxy?: string;
  readonly noProxy?: string;
}

/** The proxy configuration in `env` (lower case wins, as with curl), or undefined to connect directly. */
export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const pick = (name: string) => env[name.toLowerCase()] || env[name] || undefined;
  const httpProxy = pick('HTTP_PROXY');
  const httpsProxy = pick('HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = pick('NO_PROXY');
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

const pools = new Map<string, Dispatcher>();

export function dispatcherFor(timeouts: Timeouts, env: NodeJS.ProcessEnv, http2: Http2Mode = 'auto'): Dispatcher {
  const proxy = proxySettings(env);
  const key = JSON.stringify([timeouts.connectMs, proxy ?? null, http2]);
  let dispatcher = pools.get(key);
  if (!dispatcher) {
    const options = {
      connections: 2,
      // Longer than undici's 4 s default so a person pausing between screens does not cost a new TLS handshake;
      // a server's Keep-Alive hint still shortens it.
      keepAliveTimeout: 60_000,
      connect: { timeout: timeouts.connectMs },
    };
    // Explicit values (not undici's own env lookup) so the settings shown by proxySettings() are the ones used;
    // an empty noProxy would otherwise fall back to process.env.
    // Through a proxy the tunnel stays HTTP/1.1: proxies are where HTTP/2 support is least dependable.
    dispatcher = proxy
      ? new EnvHttpProxyAgent({ ...options, ...proxy, noProxy: proxy.noProxy ?? '' })
      : new Agent({
          ...options,
          allowH2: http2 !== 'off',
          // Prior knowledge: one connection from the first request on, every request multiplexed over it.
          factory: (origin, opts) =>
            http2 === 'h2c' && new URL(origin).protocol === 'http:'
              ? new H2CClient(origin, opts)
              : new Pool(origin, opts),
        });
    pools.set(key, dispatcher);
  }
  return dispatcher;
}

/** Closes every pooled connection (at exit, or to drop a session); later requests open new pools. */
export async function closeConnections(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((d) => d.close()));
}

// ---------------------------------------------------------------------------------------------------------------
// The transport

function joinUrl(root: string, req: ApiRequest): string {
  const query = req.query && Object.keys(req.query).length > 0 ? `?${new URLSearchParams(req.query).toString()}` : '';
  return `${root.replace(/\/+$/, '')}${req.path}${query}`;
}

/** Longest body excerpt written to the debug log. */
const LOG_BODY_LIMIT = 2_000;

export function createTransport(options: TransportOptions): Transport {
  const { service, root, apiKey, onWrite } = options;
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const env = options.env ?? process.env;
  const debugLog = options.debugLog ?? debugLogFromEnv(env);
  const origin = new URL(root).origin;
  const maxResponse = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const secrets = new SecretSet();
  secrets.add(apiKey.reveal());

  const safeUrl = (req: ApiRequest) => secrets.scrub(joinUrl(root, { ...req, path: redactPath(req.path) }));
  const endpointOf = (req: ApiRequest) => secrets.scrub(`${req.method} ${redactPath(req.path)}`);
  // A thunk: without a debug log, nothing is formatted (an excerpt of a 10,000-member list is a deep copy and a stringify).
  const log = (line: () => string) => debugLog?.write(secrets.scrub(line()));
  const excerpt = (value: unknown) => {
    const text = JSON.stringify(redactJson(value)) ?? '';
    return text.length > LOG_BODY_LIMIT ? `${text.slice(0, LOG_BODY_LIMIT)}…` : text;
  };

  function report(
    req: ApiRequest,
    started: number,
    outcome: { status: number | undefined; error?: ApiError; note?: string },
  ) {
    if (!onWrite || req.method === 'GET') return;
    const { status, error, note } = outcome;
    const event: WriteEvent = {
      request: {
        ...req,
        path: redactPath(req.path),
        summary: secrets.scrub(req.summary),
        ...(req.body !== undefined ? { body: redactJson(req.body) } : {}),
      },
      url: safeUrl(req),
      status,
      ok: error === undefined,
      outcome: error === undefined ? 'done' : failedWriteOutcome(error),
      ...(note !== undefined ? { note } : {}),
      ...(error ? { errorCode: error.code ?? error.kind, errorMessage: error.message } : {}),
      durationMs: Date.now() - started,
    };
    try {
      onWrite(event);
    } catch {
      // The write itself already happened; a failing observer must not turn it into a reported failure.
      log(() => `write observer failed for ${event.request.method} ${event.url}`);
    }
  }

  async function attempt(
    req: ApiRequest,
    body: string | undefined,
  ): Promise<{ status: number; headers: Dispatcher.ResponseData['headers']; text: string | undefined }> {
    const url = new URL(joinUrl(root, req));
    const response = await dispatcherFor(timeouts, env, options.http2).request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: req.method,
      headers: {
        authorization: `ApiKey ${apiKey.reveal()}`,
        accept: 'application/json',
        'user-agent': userAgent(),
        ...(body !== undefined
          ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
          : {}),
      },
      // undici 7 cannot send a DELETE's body over HTTP/2 as a string (an assertion wants a length it never sets for
      // DELETE); as a stream it goes out, with the length stated above. The Cloud API's DELETEs all carry bodies.
      ...(body !== undefined ? { body: req.method === 'DELETE' ? Readable.from([Buffer.from(body)]) : body } : {}),
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: await readCapped(response.body, maxResponse),
    };
  }

  async function send(req: ApiRequest, accept?: AcceptAnswer): Promise<Exchange> {
    const started = Date.now();
    const endpoint = endpointOf(req);
    const isWrite = req.method !== 'GET';
    const { signal } = options;
    const cancelled = () =>
      new ApiError({
        kind: 'network',
        service,
        endpoint,
        message: 'the request was cancelled',
        hint: isWrite ? 'It may or may not have reached the server: refresh and check before retrying.' : '',
        code: 'ABORTED',
      });
    /** Reports the failed write and returns the error for the caller to throw. */
    const fail = (error: ApiError, status?: number): ApiError => {
      report(req, started, { status, error });
      return error;
    };
    /** Waits before retry number `retryIndex` if the policy allows one; false when the caller should give up. */
    const mayRetry = async (retryIndex: number, retryAfterMs: number | undefined): Promise<boolean> => {
      if (retryIndex + 1 >= retry.attempts || signal?.aborted) return false;
      const delay = retryAfterMs ?? backoffDelay(retry, retryIndex);
      if (Date.now() - started + delay > retry.budgetMs) return false;
      log(() => `… retrying ${endpoint} in ${delay} ms`);
      try {
        await sleep(delay, undefined, signal ? { signal } : {});
      } catch {
        return false;
      }
      return true;
    };

    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    if (payload !== undefined && Buffer.byteLength(payload) > MAX_REQUEST_BYTES) {
      throw fail(
        new ApiError({
          kind: 'bad_request',
          service,
          endpoint,
          message: `the request body is larger than ${MAX_REQUEST_BYTES / 1024} KiB; it was not sent`,
          hint: 'Check the input: no request of this tool needs that much.',
          code: 'REQUEST_TOO_LARGE',
        }),
      );
    }
    if (signal?.aborted) throw fail(cancelled());

    log(() => `→ ${req.method} ${safeUrl(req)}${req.body !== undefined ? ` ${excerpt(req.body)}` : ''}`);
    /** An earlier attempt may have been acted on (5xx, reset, timeout): a later 404 to a DELETE means it was. */
    let mayHaveActed = false;
    for (let retryIndex = 0; ; retryIndex++) {
      let response: Awaited<ReturnType<typeof attempt>>;
      try {
        response = await attempt(req, payload);
      } catch (cause) {
        if (signal?.aborted) throw fail(cancelled());
        const code = errorCodeOf(cause);
        log(() => `✗ ${req.method} ${safeUrl(req)} ${code ?? 'error'} after ${Date.now() - started} ms`);
        const error = errorFromNetwork({ service, endpoint, isWrite, origin, error: cause, timeouts });
        mayHaveActed ||= failedWriteOutcome(error) === 'unknown';
        if (isRetryable(req.method, { errorCode: code }) && (await mayRetry(retryIndex, undefined))) continue;
        throw fail(signal?.aborted ? cancelled() : error);
      }

      const { status, headers } = response;
      if (response.text === undefined) {
        throw fail(
          unexpectedResponse(service, endpoint, `body larger than ${Math.round(maxResponse / 1024)} KiB`),
          status,
        );
      }
      const text = response.text ?? '';
      const body = decodeJson(text);
      // Remember secrets the server handed out (a new key, invitation tokens) so no later message can echo them.
      secrets.addFromAnswer(text, body.value);
      log(
        () =>
          `← ${status} ${req.method} ${safeUrl(req)} ${Date.now() - started} ms ${body.ok ? excerpt(body.value) : '(not JSON)'}`,
      );

      if ((status >= 200 && status < 300) || (body.ok && accept?.(status, body.value))) {
        if (!body.ok) throw fail(unexpectedResponse(service, endpoint, 'body is not JSON'), status);
        report(req, started, { status });
        return { status, body: body.value };
      }
      if (status === 404 && req.method === 'DELETE' && mayHaveActed) {
        log(() => `… ${endpoint}: 404 after an unanswered attempt, so that attempt removed it`);
        report(req, started, { status, note: 'already gone' });
        return { status, body: undefined, alreadyGone: true };
      }

      const retryAfterMs = parseRetryAfter(headerValue(headers['retry-after']));
      mayHaveActed ||= status >= 500;
      if (isRetryable(req.method, { status }) && (await mayRetry(retryIndex, retryAfterMs))) continue;
      const error = errorFromResponse({
        service,
        endpoint,
        isWrite,
        status,
        body: body.value,
        ...optional('errorCodesHeader', headerValue(headers['x-cloud-error-codes'])),
        ...optional('retryAfterMs', retryAfterMs),
        scrub: (t) => secrets.scrub(t),
      });
      throw fail(error, status);
    }
  }

  const { gate } = options;
  async function gatedSend(req: ApiRequest, accept?: AcceptAnswer): Promise<Exchange> {
    if (!gate) return send(req, accept);
    if (req.method !== 'GET') {
      await gate.beforeWrite(req);
      return send(req, accept);
    }
    const answer = send(req, accept);
    // Handled here as well, so an answer failing while the gate is still closed is not an unhandled rejection.
    answer.catch(() => undefined);
    await gate.beforeAnswer(req);
    return answer;
  }

  return { urlOf: safeUrl, endpointOf, send: gatedSend };
}

/**
 * The body as text, or undefined (and the stream dropped) once it passes `max` bytes. Decoded chunk by chunk: each
 * chunk can be freed as it arrives, and no second buffer the size of the whole body is made (a 10,000-member list
 * is 5 MB).
 */
async function readCapped(body: Dispatcher.ResponseData['body'], max: number): Promise<string | undefined> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      return undefined;
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

function decodeJson(text: string): { ok: boolean; value: unknown } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  const out: { [P in K]?: V } = {};
  if (value !== undefined) out[key] = value;
  return out;
}
