/**
 * The HTTP side: reads each request, applies latency and injected faults to API requests (never to `/_sandbox`),
 * logs them, dispatches, adds the headers the real services send, and writes the answer. It also counts TCP
 * connections, which the connection-reuse benchmark reads.
 *
 * One port speaks HTTP/1.1 (curl, the skill's Python scripts) and HTTP/2 without TLS (h2c with prior knowledge:
 * ec-access, which multiplexes every request of a screen over one connection, as it does with the real API's h2
 * over TLS). Each connection is handed to one or the other by its first bytes.
 */
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import {
  constants as h2,
  createServer as createHttp2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { keyIdOf } from './auth.js';
import type { RequestContext } from './context.js';
import type { SandboxCore } from './core.js';
import { dialectOfPath, dispatch, type Outcome } from './dispatch.js';
import { decodeBody, encodeBody, responseCoding, type ResponseCoding } from './encoding.js';
import type { RateLimits } from './rate-limit.js';
import { cloudError, esError, type Reply } from './reply.js';
import type { RequestLog } from './request-log.js';
import type { Router } from './router.js';
import { errorMessage } from '../util/errors.js';

export interface ServerParts {
  /** Set once the server listens (project endpoints need the port). */
  readonly core: () => SandboxCore;
  readonly api: Router<RequestContext>;
  readonly control: Router<RequestContext>;
  readonly log: RequestLog;
  readonly rateLimits: RateLimits;
  /** Called after every successful write, API or control (to save `--state`). */
  readonly onWrite: () => void;
}

export interface SandboxServer {
  /** The listening socket; `close()` stops accepting, `closeAll()` also ends open connections. */
  readonly server: Server;
  closeAll: () => void;
  connectionsSeen: () => number;
}

type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A browser says where a request comes from; tests, scripts and ec-access itself send neither header. A page on
 * any other site (or another port of this machine) may not reset the organization, accept invitations or inject
 * faults: `Sec-Fetch-Site` must be same-origin or none (typed by the user), and an `Origin` must be this server.
 */
function isCrossSite(headers: IncomingHttpHeaders, authority: unknown): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== authority;
  } catch {
    return true;
  }
}
/** What every HTTP/2 connection starts with (RFC 9113 §3.4). */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export function createSandboxServer(parts: ServerParts): SandboxServer {
  let connections = 0;
  const onRequest = (req: Request, res: Response) => {
    handle(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        writeReply(res, cloudError(500, 'root.internal_error', `sandbox: ${errorMessage(error)}`).reply, {});
      else if ('stream' in res) res.stream.destroy();
      else res.destroy();
    });
  };
  const http1 = createHttpServer(onRequest);
  // Longer than any client's keep-alive, so connection reuse is decided by the client, as with the real API.
  http1.keepAliveTimeout = 65_000;
  http1.headersTimeout = 66_000;
  const http2 = createHttp2Server(onRequest);
  // Tracked here: the HTTP servers never listen themselves, so they do not track the sockets handed to them.
  const open = new Set<Socket>();
  const server = createNetServer((socket) => {
    connections += 1;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    handOff(socket, (isH2) => {
      if (isH2) {
        http2.emit('connection', socket);
      } else {
        http1.emit('connection', socket);
        // The HTTP/1.1 server reads new bytes straight from the socket's handle; what was put back is read this way.
        socket.resume();
      }
    });
  });
  return {
    server,
    connectionsSeen: () => connections,
    closeAll() {
      for (const socket of open) socket.destroy();
    },
  };
}

/** Reads just enough of a new connection to tell HTTP/2 from HTTP/1.1, puts it back, and hands the socket on. */
function handOff(socket: Socket, to: (isH2: boolean) => void): void {
  let seen = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    seen = Buffer.concat([seen, chunk]);
    const compared = Math.min(seen.length, H2_PREFACE.length);
    const isH2 = seen.subarray(0, compared).equals(H2_PREFACE.subarray(0, compared));
    if (isH2 && seen.length < H2_PREFACE.length) return;
    socket.off('data', onData);
    socket.pause();
    socket.unshift(seen);
    to(isH2);
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
}

async function handle(parts: ServerParts, req: Request, res: Response): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  const raw = await readBody(req);
  const coding = responseCoding(header(req, 'accept-encoding'));
  const decoded =
    raw === undefined
      ? ({ ok: false, status: 413, message: `bodies are limited to ${MAX_BODY_BYTES} bytes` } as const)
      : decodeBody(raw, header(req, 'content-encoding'), MAX_BODY_BYTES);
  if (!decoded.ok) {
    const code = decoded.status === 413 ? 'root.payload_too_large' : 'root.invalid_data';
    const error =
      dialectOfPath(path) === 'es'
        ? esError(
            decoded.status,
            decoded.status === 413 ? 'content_too_long_exception' : 'parse_exception',
            decoded.message,
          )
        : cloudError(decoded.status, code, decoded.message);
    writeReply(res, error.reply, {}, coding);
    return;
  }
  const rawBody = decoded.text;
  const core = parts.core();
  const incoming = { method, path, query: url.searchParams, authorization: req.headers.authorization, rawBody };

  if (dialectOfPath(path) === 'control') {
    const authority = req.headers.host ?? req.headers[':authority'];
    const host = (typeof authority === 'string' ? authority : '').replace(/:\d+$/, '');
    if (!LOOPBACK_HOSTS.has(host)) {
      writeReply(
        res,
        cloudError(403, 'sandbox.forbidden', 'sandbox controls answer only on 127.0.0.1 or localhost').reply,
        {},
      );
      return;
    }
    if (isCrossSite(req.headers, authority)) {
      writeReply(
        res,
        cloudError(403, 'sandbox.forbidden', 'sandbox controls refuse requests from web pages (cross-site)').reply,
        {},
      );
      return;
    }
    const { reply } = await dispatch(parts.control, core, incoming);
    // Accepting an invitation or adding a project changes the organization as much as an API write does.
    if (method !== 'GET' && reply.status < 300) parts.onWrite();
    writeReply(res, reply, baseHeaders(core), coding);
    return;
  }

  const entry = parts.log.record(
    {
      at: core.clock.now().toISOString(),
      method,
      url: req.url ?? path,
      contentType: req.headers['content-type'] ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      keyId: keyIdOf(req.headers.authorization, core) ?? null,
    },
    rawBody,
  );

  const latency = core.faults.latencyMs();
  if (latency > 0) await sleep(latency);
  const fault = core.faults.take(method, path, url.searchParams);
  const before = fault && 'when' in fault && fault.when === 'before';
  if (fault?.kind === 'reset' && before) {
    resetRequest(req, res);
    return;
  }
  if (fault?.kind === 'garble' && before) {
    entry.status = fault.status;
    writeRaw(res, fault.status, fault.text, baseHeaders(core));
    return;
  }
  if (fault?.kind === 'status' && before) {
    entry.status = fault.status;
    writeReply(res, injectedReply(fault), baseHeaders(core), coding);
    return;
  }

  const outcome = await dispatch(parts.api, core, incoming);
  if (method !== 'GET' && outcome.reply.status < 300) parts.onWrite();
  if (fault?.kind === 'reset') {
    resetRequest(req, res);
    return;
  }
  if (fault?.kind === 'garble') {
    entry.status = fault.status;
    writeRaw(res, fault.status, fault.text, baseHeaders(core));
    return;
  }
  const reply = fault?.kind === 'status' ? injectedReply(fault) : outcome.reply;
  entry.status = reply.status;
  if (outcome.warnings.length > 0) entry.warnings = outcome.warnings;
  const headers = { ...baseHeaders(core), ...serviceHeaders(parts, core, outcome), ...warningHeader(outcome) };
  if (fault?.kind === 'stall') {
    res.writeHead(reply.status, {
      ...headers,
      ...reply.headers,
      ...(reply.body !== undefined ? { 'content-type': 'application/json' } : {}),
    });
    // HTTP/2's writeHead sends the headers at once; HTTP/1.1 holds them for the first body chunk unless flushed.
    if ('flushHeaders' in res) res.flushHeaders();
    await sleep(fault.ms);
    if (reply.body !== undefined) res.end(JSON.stringify(reply.body));
    else res.end();
    return;
  }
  writeReply(res, reply, headers, coding);
}

/** HTTP/2: reset this request's stream only; HTTP/1.1 has no such thing, so the connection goes. */
function resetRequest(req: Request, res: Response): void {
  if ('stream' in res) res.stream.close(h2.NGHTTP2_INTERNAL_ERROR);
  else req.socket.destroy();
}

function writeRaw(res: Response, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function injectedReply(fault: { status: number; body?: unknown; headers?: Record<string, string> }): Reply {
  const fallback = cloudError(fault.status, 'sandbox.injected_fault', `injected HTTP ${fault.status}`).reply;
  return {
    status: fault.status,
    body: fault.body ?? fallback.body,
    headers: { ...(fault.body === undefined ? fallback.headers : {}), ...fault.headers },
  };
}

/** `Date` follows the sandbox clock, so a client can tell how far the clock was advanced. */
function baseHeaders(core: SandboxCore): Record<string, string> {
  return { date: core.clock.now().toUTCString() };
}

function serviceHeaders(parts: ServerParts, core: SandboxCore, outcome: Outcome): Record<string, string> {
  if (outcome.dialect === 'es') return { 'x-elastic-product': 'Elasticsearch' };
  const key = outcome.caller?.key;
  if (!key) return {};
  return {
    ...parts.rateLimits.headers(key.id, Date.now()),
    ...(key.expiration_date ? { 'x-elastic-api-key-expiration': key.expiration_date } : {}),
  };
}

/**
 * `Warning: 299 <agent> "<text>"` (RFC 7234 §5.5; RFC 9111 retired the field, but Elasticsearch still sends its
 * deprecation notices this way, so clients surface it): one quoted text per warning, comma-separated.
 */
function warningHeader(outcome: Outcome): Record<string, string> {
  if (outcome.warnings.length === 0) return {};
  // Header values must be visible ASCII; the request log keeps the text exactly.
  const text = (w: string) => w.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, '\\$&');
  const quoted = outcome.warnings.map((w) => `299 ec-access-sandbox "${text(w)}"`);
  return { warning: quoted.join(', ') };
}

function writeReply(res: Response, reply: Reply, headers: Record<string, string>, coding?: ResponseCoding): void {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const body = coding && text !== '' ? encodeBody(text, coding) : Buffer.from(text);
  res.writeHead(reply.status, {
    ...headers,
    ...reply.headers,
    ...(text !== '' ? { 'content-type': 'application/json' } : {}),
    ...(coding && text !== '' ? { 'content-encoding': coding } : {}),
    vary: 'accept-encoding',
    'content-length': String(body.length),
  });
  res.end(body);
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The body as received (still encoded), or undefined when it is larger than the limit. */
async function readBody(req: Request): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
