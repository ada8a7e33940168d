/**
 * A server's error message is server text too: ESC, OSC (clipboard, title, hyperlink), a C1 CSI and a bidi override
 * planted in the message a Cloud API error carries, or in the reason of an Elasticsearch error, must reach the TUI's
 * screen as visible escapes, and none of it may reach the terminal raw. The server is a loopback stub that refuses
 * the opening screen's request (Cloud), or a project's role list (its Elasticsearch endpoint).
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../api/support/server.js';
import { HOSTILE_PAYLOAD, HOSTILE_SHOWN, unexpectedTerminalBytes } from '../support/hostile-text.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

const TAG = 'RefusedX';
const ES_TAG = 'EsReasonX';
const PROJECT_ID = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
let server: TestServer;

/** One Elasticsearch project whose endpoint is this server under /es. */
const projects = (url: string) => ({
  items: [
    {
      id: PROJECT_ID,
      name: 'search-stub',
      alias: 'search-stub-a1b2c3',
      type: 'elasticsearch',
      region_id: 'aws-us-east-1',
      cloud_id: 'search-stub:c3R1Yg==',
      metadata: { created_at: '2026-01-01T00:00:00Z', created_by: 'u1', organization_id: '1234567890' },
      endpoints: { elasticsearch: `${url}/es`, kibana: `${url}/kb` },
    },
  ],
});

beforeAll(async () => {
  server = await startServer((req, res) => {
    // The Cloud roles endpoint fails briefly, so the app asks the project's Elasticsearch, which refuses.
    if (req.url.endsWith('/roles')) return json(res, 404, { errors: [{ code: 'x', message: 'no' }] });
    if (req.url.startsWith('/api/v1/serverless/projects/elasticsearch')) return json(res, 200, projects(server.url));
    if (req.url.startsWith('/api/v1/serverless/projects/')) return json(res, 200, { items: [] });
    if (req.url.startsWith('/es/'))
      return json(res, 403, {
        error: { type: 'security_exception', reason: `${ES_TAG}${HOSTILE_PAYLOAD}` },
        status: 403,
      });
    return json(res, 400, { errors: [{ code: 'clients.api_key.invalid', message: `${TAG}${HOSTILE_PAYLOAD}` }] });
  });
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

it('a hostile Elasticsearch error reason is shown inert too', async () => {
  const app = await launch({
    cols: 160,
    rows: 40,
    args: ['--org', '1234567890', 'roles', '--filter', 'search-stub'],
    env: {
      EC_API_KEY: 'essu_HOSTILEERR_abcdefghijklmnop',
      EC_BASE_URL: server.url,
      ELASTICSEARCH_URL: `${server.url}/es`,
      ELASTICSEARCH_API_KEY: 'ZXNrZXk6SE9TVElMRUVSUg==',
    },
  });
  // The list row is cut at its column; its details show the whole reason.
  await app.waitForText(/custom +\(unavailable\)/);
  await app.press('enter');
  await app.waitForText(`security_exception: ${ES_TAG}${HOSTILE_SHOWN}`);
  expect(server.requests.some((r) => r.url.startsWith('/es/_security/role'))).toBe(true);
  expect(unexpectedTerminalBytes(app.rawOutput())).toEqual([]);

  await app.press('q');
  expect(await app.exit()).toBe(0);
});
