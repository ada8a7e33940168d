/**
 * A server's error message is server text too: ESC, OSC (clipboard, title, hyperlink), a C1 CSI and a bidi override
 * planted in the message a Cloud API error carries must reach the TUI's screen as visible escapes, and none of it
 * may reach the terminal raw. The server is a loopback stub that refuses the opening screen's request.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../api/support/server.js';
import { HOSTILE_PAYLOAD, HOSTILE_SHOWN, unexpectedTerminalBytes } from '../support/hostile-text.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const TAG = 'RefusedX';
let server: TestServer;

beforeAll(async () => {
  server = await startServer((_req, res) =>
    json(res, 400, { errors: [{ code: 'clients.api_key.invalid', message: `${TAG}${HOSTILE_PAYLOAD}` }] }),
  );
});
afterAll(async () => {
  await server.close();
});

it('a hostile error message is shown inert on the screen and written nowhere raw', async () => {
  const app = await launch({
    cols: 160,
    rows: 40,
    args: ['--org', '1234567890', 'keys'],
    env: { EC_API_KEY: 'essu_HOSTILEERR_abcdefghijklmnop', EC_BASE_URL: server.url },
  });
  const screen = await app.waitForText(`${TAG}${HOSTILE_SHOWN}`);
  expect(server.requests.some((r) => r.url.startsWith('/api/v1/users/auth/keys'))).toBe(true);
  // The rest of the payload is visible too, C1 CSI and bidi override included (the line is cut at the screen's edge).
  expect(screen).toContain('pwned\\x07');
  expect(screen).toMatch(/\\x9b2J<U\+202/);
  expect(unexpectedTerminalBytes(app.rawOutput())).toEqual([]);

  await app.press('q');
  expect(await app.exit()).toBe(0);
});
