/**
 * The response-size cap (src/api/http.ts): an answer larger than the cap is refused with a clear message instead of
 * filling memory, the connection is dropped rather than read to the end, and a write whose answer was refused is
 * reported as unknown (the server answered 2xx, so it may have acted). The cap is lowered through the client's test
 * seam so the loopback server need not send 64 MiB.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteEvent } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { ApiError } from '../../src/api/errors.js';
import { closeConnections } from '../../src/api/http.js';
import { cloudRequests } from '../../src/api/requests.js';
import { Secret } from '../../src/util/secret.js';
import { waitUntil } from '../support/wait.js';

const CAP = 4 * 1024;

/** Organizations, padded with a long name to `bytes` bytes of valid JSON. */
function organizations(bytes: number): string {
  const frame = JSON.stringify({ organizations: [{ id: '1', name: '' }] });
  return JSON.stringify({ organizations: [{ id: '1', name: 'x'.repeat(Math.max(0, bytes - frame.length)) }] });
}

let server: Server;
let baseUrl = '';
/** Responses to `/endless` still being written when the client hung up. */
let endlessClosedEarly = 0;

/** Writes JSON-looking chunks until the client goes away: an answer with no end. */
function endless(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"organizations":[');
  const chunk = `${JSON.stringify({ id: '1', name: 'y'.repeat(1000) })},`;
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => {
    if (!res.writableEnded) endlessClosedEarly++;
  });
  pump();
}

/** Text whose characters take two to four bytes in UTF-8. */
const WIDE_TEXT = 'zoë 例え 🔑 ünïcode';

/** The deployments list one byte per write: many characters arrive split between chunks. */
function byteByByte(res: ServerResponse) {
  const bytes = Buffer.from(JSON.stringify({ deployments: [{ id: 'd1', name: WIDE_TEXT }] }));
  res.writeHead(200, { 'content-type': 'application/json' });
  let at = 0;
  const next = () => {
    if (at >= bytes.length) return void res.end();
    res.write(bytes.subarray(at, ++at), () => setTimeout(next, 1));
  };
  next();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    // Members and key creation answer without end; the organization list just fits under the cap.
    const url = req.url ?? '';
    if (url.endsWith('/members') || url.endsWith('/users/auth/keys')) return endless(res);
    if (url.endsWith('/deployments')) return byteByByte(res);
    res.writeHead(200, { 'content-type': 'application/json' }).end(organizations(CAP - 16));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
});
afterAll(async () => {
  await closeConnections();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(events: WriteEvent[] = []) {
  return createCloudClient({
    baseUrl,
    apiKey: new Secret('essu_CAPTEST_abcdefghijklmnop'),
    http2: 'off',
    maxResponseBytes: CAP,
    retry: { attempts: 1 },
    onWrite: (e) => events.push(e),
    env: {},
  });
}

describe('the response-size cap', () => {
  it('lets an answer within the cap through', async () => {
    const orgs = await client().listOrganizations();
    expect(orgs[0]?.name.length).toBeGreaterThan(CAP - 100);
  });

  it('reads an answer that arrives in pieces, characters split between them', async () => {
    expect(await client().send(cloudRequests.listDeployments())).toEqual({
      deployments: [{ id: 'd1', name: WIDE_TEXT }],
    });
  });

  it('refuses an answer that never ends, with a clear message, and hangs up', async () => {
    const closedBefore = endlessClosedEarly;
    const error = await client()
      .listMembers('123')
      .catch((e: unknown) => e);
    if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toBe(`unexpected response from ${error.endpoint}: body larger than 4 KiB`);
    await waitUntil(() => endlessClosedEarly > closedBefore, 'the server to see the client hang up');
  });

  it('reports a write whose oversized answer was refused as unknown (it may have acted)', async () => {
    const events: WriteEvent[] = [];
    const error = await client(events)
      .send(cloudRequests.createApiKey({ description: 'cap', expiration: '1d' }))
      .catch((e: unknown) => e);
    if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
    expect(error.message).toMatch(/body larger than 4 KiB/);
    expect(events.map((e) => e.outcome)).toEqual(['unknown']);
  });
});
