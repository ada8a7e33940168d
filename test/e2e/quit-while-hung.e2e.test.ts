/**
 * Quitting while a request hangs: ec-access pointed at a loopback server that accepts connections and never answers
 * (never a non-routable address) must still quit at once on `q` or ctrl+c, and give the terminal back. In-flight
 * requests are aborted on quit (src/cli/commands/tui-session.ts); without that the exit waited ~46 s for timeouts
 * and retries.
 */
import { createServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { waitUntil } from '../support/wait.js';
import { FOOTER_LINE } from './app-screen.js';
import { closeAll, launch } from './harness.js';
import { keyBytes } from './keys.js';

afterEach(closeAll);

/** Connections accepted, and the bytes each has received (a request that went out and is waiting). */
const sockets = new Map<Socket, string>();
const silent = createServer((socket) => {
  sockets.set(socket, '');
  socket.on('data', (data) => sockets.set(socket, (sockets.get(socket) ?? '') + data.toString('latin1')));
  socket.on('error', () => {});
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('the silent server has no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const socket of sockets.keys()) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const requestsWaiting = () => [...sockets.values()].filter((received) => /^GET \/api\/v1\//.test(received)).length;

for (const key of ['q', 'ctrl+c'] as const) {
  it(`${key} while the opening requests hang exits within one second and restores the terminal`, async () => {
    const waitingBefore = requestsWaiting();
    const app = await launch({
      cols: 100,
      rows: 30,
      args: ['--org', '1234567890', 'keys'],
      env: { EC_API_KEY: 'essu_HANGTEST_abcdefghijklmnop', EC_BASE_URL: baseUrl, EC_HTTP2: 'off' },
    });
    await app.waitForText(FOOTER_LINE);
    await waitUntil(() => requestsWaiting() > waitingBefore, 'a request to reach the silent server');

    app.write(keyBytes(key));
    // The timeout starts now: exiting later than one second after the key fails here.
    const code = await app.exit({ timeoutMs: 1_000 });

    expect(code).toBe(0);
    expect(app.isAltScreenActive()).toBe(false);
    expect(app.isCursorVisible()).toBe(true);
  });
}
