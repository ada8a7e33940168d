/**
 * The HTTP side: reads each request, applies latency and injected faults to API requests (never to `/_sandbox`),
 * logs them, dispatches, adds the headers the real services send, and writes the answer. It also counts TCP
 * connections, which the connection-reuse benchmark reads.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { keyIdOf } from './auth.js';
import type { RequestContext } from './context.js';
import type { SandboxCore } from './core.js';
import { dialectOfPath, dispatch, type Outcome } from './dispatch.js';
import type { RateLimits } from './rate-limit.js';
import { cloudError, type Reply } from './reply.js';
import type { RequestLog } from './request-log.js';
import type { Router } from './router.js';

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
  readonly server: Server;
  connectionsSeen(): number;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function createSandboxServer(parts: ServerParts): SandboxServer {
  let connections = 0;
  const server = createHttpServer((req, res) => {
    handle(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent) writeReply(res, cloudError(500, 'root.internal_error', `sandbox: ${(error as Error).message}`).reply, {});
      else res.destroy();
    });
  });
  server.on('connection', () => (connections += 1));
  // Longer than any client's keep-alive, so connection reuse is decided by the client, as with the real API.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return { server, connectionsSeen: () => connections };
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  const rawBody = await readBody(req);
  if (rawBody === undefined) {
    writeReply(res, cloudError(413, 'root.payload_too_large', `bodies are limited to ${MAX_BODY_BYTES} bytes`).reply, {});
    return;
  }
  const core = parts.core();
  const incoming = { method, path, query: url.searchParams, authorization: req.headers.authorization, rawBody };

  if (dialectOfPath(path) === 'control') {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOOPBACK_HOSTS.has(host)) {
      writeReply(res, cloudError(403, 'sandbox.forbidden', 'sandbox controls answer only on 127.0.0.1 or localhost').reply, {});
      return;
    }
    const { reply } = await dispatch(parts.control, core, incoming);
    // Accepting an invitation or adding a project changes the organization as much as an API write does.
    if (method !== 'GET' && reply.status < 300) parts.onWrite();
    writeReply(res, reply, baseHeaders(core));
    return;
  }

  const entry = parts.log.record({
    at: core.clock.now().toISOString(),
    method,
    url: req.url ?? path,
    contentType: req.headers['content-type'] ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    keyId: keyIdOf(req.headers.authorization, core) ?? null,
  }, rawBody);

  const latency = core.faults.latencyMs();
  if (latency > 0) await sleep(latency);
  const fault = core.faults.take(method, path);
  const before = fault && 'when' in fault && fault.when === 'before';
  if (fault?.kind === 'reset' && before) {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'status' && before) {
    entry.status = fault.status;
    writeReply(res, injectedReply(fault), baseHeaders(core));
    return;
  }

  const outcome = await dispatch(parts.api, core, incoming);
  if (method !== 'GET' && outcome.reply.status < 300) parts.onWrite();
  if (fault?.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  const reply = fault?.kind === 'status' ? injectedReply(fault) : outcome.reply;
  entry.status = reply.status;
  const headers = { ...baseHeaders(core), ...serviceHeaders(parts, core, outcome) };
  if (fault?.kind === 'stall') {
    res.writeHead(reply.status, { ...headers, ...reply.headers, ...(reply.body !== undefined ? { 'content-type': 'application/json' } : {}) });
    res.flushHeaders();
    await sleep(fault.ms);
    res.end(reply.body !== undefined ? JSON.stringify(reply.body) : undefined);
    return;
  }
  writeReply(res, reply, headers);
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

function writeReply(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    ...reply.headers,
    ...(body !== '' ? { 'content-type': 'application/json' } : {}),
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** The body as text, or undefined when it is larger than the limit. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
