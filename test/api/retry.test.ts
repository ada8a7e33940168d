import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WriteEvent } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections } from '../../src/api/http.js';
import { backoffDelay, DEFAULT_RETRY, isRetryable, parseRetryAfter } from '../../src/api/retry.js';
import { Secret } from '../../src/util/secret.js';
import { failure } from './support/failure.js';
import { json, portOf, startServer, type TestServer } from './support/server.js';

const ORG = { id: '1234567890', name: 'Acme' };
const apiKey = new Secret('essu_TESTKEY_abcdefghijklmnop');
/** Deterministic jitter: always the top of the window. */
const fast = { baseDelayMs: 20, maxDelayMs: 100, random: () => 0.999 };

describe('retry policy', () => {
  it('retries throttling and gateway errors only for GET and DELETE', () => {
    for (const status of [429, 502, 503, 504]) {
      expect(isRetryable('GET', { status })).toBe(true);
      expect(isRetryable('DELETE', { status })).toBe(true);
      expect(isRetryable('POST', { status })).toBe(false);
      expect(isRetryable('PUT', { status })).toBe(false);
      expect(isRetryable('PATCH', { status })).toBe(false);
    }
    expect(isRetryable('GET', { status: 500 })).toBe(false);
    expect(isRetryable('GET', { status: 404 })).toBe(false);
  });

  it('retries dropped connections only for GET and DELETE, refused connections for every method', () => {
    for (const errorCode of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']) {
      expect(isRetryable('GET', { errorCode })).toBe(true);
      expect(isRetryable('DELETE', { errorCode })).toBe(true);
      expect(isRetryable('POST', { errorCode })).toBe(false);
    }
    expect(isRetryable('POST', { errorCode: 'ECONNREFUSED' })).toBe(true);
    expect(isRetryable('GET', { errorCode: 'UND_ERR_HEADERS_TIMEOUT' })).toBe(false);
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const top = { ...DEFAULT_RETRY, random: () => 0.999999 };
    expect(backoffDelay(top, 0)).toBe(249);
    expect(backoffDelay(top, 1)).toBe(499);
    expect(backoffDelay(top, 10)).toBe(3999);
    expect(backoffDelay({ ...DEFAULT_RETRY, random: () => 0 }, 3)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('retries on the wire', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await closeConnections();
    await server.close();
  });

  it('a GET answered 429 with Retry-After waits that long, then succeeds', async () => {
    server.handle((_req, res) => {
      if (server.requests.length === 1)
        json(res, 429, { errors: [{ code: 'rate', message: 'slow' }] }, { 'retry-after': '1' });
      else json(res, 200, { organizations: [ORG] });
    });
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, retry: fast });
    const started = Date.now();
    expect(await cloud.listOrganizations()).toEqual([ORG]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After is beyond the time budget', async () => {
    server.handle((_req, res) =>
      json(res, 429, { errors: [{ code: 'rate', message: 'slow' }] }, { 'retry-after': '60' }),
    );
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, retry: fast });
    await expect(cloud.listOrganizations()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
    expect(server.requests).toHaveLength(1);
  });

  it('makes at most three attempts', async () => {
    server.handle((_req, res) => json(res, 503, { errors: [{ code: 'busy', message: 'busy' }] }));
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, retry: fast });
    await expect(cloud.listOrganizations()).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a POST answered 503', async () => {
    server.handle((_req, res) => json(res, 503, { errors: [{ code: 'busy', message: 'busy' }] }));
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, retry: fast });
    await expect(cloud.createApiKey({ description: 'x' })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('a GET whose connection is reset is retried', async () => {
    server.handle((_req, res) => {
      if (server.requests.length === 1) res.socket?.destroy();
      else json(res, 200, { organizations: [ORG] });
    });
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, retry: fast });
    expect(await cloud.listOrganizations()).toEqual([ORG]);
    expect(server.requests).toHaveLength(2);
  });

  it('a DELETE whose connection is reset is retried', async () => {
    server.handle((_req, res) => {
      if (server.requests.length === 1) res.socket?.destroy();
      else json(res, 200, {});
    });
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, retry: fast });
    await cloud.deleteApiKeys(['k1']);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('a POST whose connection is reset is NOT retried, and its outcome is reported unknown', async () => {
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    const events: WriteEvent[] = [];
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, retry: fast, onWrite: (e) => events.push(e) });
    const error = await failure(cloud.createApiKey({ description: 'x' }));
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.hint).toMatch(/may or may not have been made/);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: undefined, ok: false });
  });

  it('a POST refused at connect time is retried: nothing was sent', async () => {
    // Reserve a port, free it, and only start listening there after the first attempt has been refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = portOf(probe);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const posts: string[] = [];
    const late = createServer((req, res) => {
      posts.push(req.method ?? '');
      req.resume();
      req.on('end', () =>
        json(res, 201, { id: 'k1', description: 'x', creation_date: '2024-01-01T00:00:00Z', key: 'k'.repeat(20) }),
      );
    });
    const cloud = createCloudClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey,
      retry: {
        baseDelayMs: 300,
        maxDelayMs: 300,
        // Asked for the backoff only once the first attempt was refused: the moment to start listening (bound at once).
        random: () => {
          if (!late.listening) late.listen(port, '127.0.0.1');
          return 0.999;
        },
      },
    });
    try {
      const created = await cloud.createApiKey({ description: 'x' });
      expect(created.id).toBe('k1');
      expect(posts).toEqual(['POST']);
    } finally {
      late.closeAllConnections();
      await new Promise<void>((resolve) => late.close(() => resolve()));
    }
  });
});

describe('timeouts', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await closeConnections();
    await server.close();
  });

  it('a body that stalls hits the body timeout', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"organizations":[');
      // …and never finishes.
    });
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, timeouts: { bodyMs: 150 }, retry: fast });
    const started = Date.now();
    const error = await failure(cloud.listOrganizations());
    expect(error).toMatchObject({ kind: 'timeout', code: 'UND_ERR_BODY_TIMEOUT' });
    expect(error.message).toMatch(/stalled for 0\.2 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('headers that never come hit the headers timeout', async () => {
    server.handle(() => {
      /* never answer */
    });
    const cloud = createCloudClient({ baseUrl: server.url, apiKey, timeouts: { headersMs: 150 }, retry: fast });
    await expect(cloud.listOrganizations()).rejects.toMatchObject({ kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(server.requests).toHaveLength(1);
  });
});
