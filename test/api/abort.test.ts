import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteEvent } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections } from '../../src/api/http.js';
import { cloudRequests } from '../../src/api/requests.js';
import { Secret } from '../../src/util/secret.js';
import { portOf } from './support/server.js';

/** A loopback server that accepts connections and never answers. */
let port = 0;
const sockets = new Set<Socket>();
const silent = createServer((socket) => {
  sockets.add(socket);
  socket.on('error', () => {});
});
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = portOf(silent);
});
afterAll(async () => {
  await closeConnections();
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe('cancelling requests in flight', () => {
  for (const http2 of ['off', 'h2c'] as const) {
    it(`aborting the signal ends a hung write at once, outcome unknown (${http2})`, async () => {
      const controller = new AbortController();
      const events: WriteEvent[] = [];
      const cloud = createCloudClient({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: new Secret('essu_TESTKEY_abcdefghijklmnop'),
        http2,
        signal: controller.signal,
        onWrite: (e) => events.push(e),
      });
      const pending = cloud.send(cloudRequests.deleteApiKeys(['k1']));
      setImmediate(() => controller.abort());
      const started = Date.now();
      await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(events.map((e) => e.outcome)).toEqual(['unknown']);
      // Closing the pools no longer waits for the hung request.
      const closing = Date.now();
      await closeConnections();
      expect(Date.now() - closing).toBeLessThan(1_000);
    });
  }

  it('refuses a request body over the cap without sending it', async () => {
    const cloud = createCloudClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: new Secret('essu_x_abcdefgh') });
    const huge = cloudRequests.createApiKey({ description: 'x'.repeat(2 * 1024 * 1024), expiration: '1d' });
    await expect(cloud.send(huge)).rejects.toMatchObject({ code: 'REQUEST_TOO_LARGE' });
  });
});
