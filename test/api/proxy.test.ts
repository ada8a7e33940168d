import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { EnvHttpProxyAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections, dispatcherFor, DEFAULT_TIMEOUTS, proxySettings } from '../../src/api/http.js';
import { Secret } from '../../src/util/secret.js';
import { portOf, routes, startServer, type TestServer } from './support/server.js';

describe('proxySettings', () => {
  it('is undefined without HTTP(S)_PROXY, so connections go direct', () => {
    expect(proxySettings({})).toBeUndefined();
    expect(proxySettings({ NO_PROXY: 'example.com' })).toBeUndefined();
  });

  it('reads both cases, lower case first', () => {
    expect(
      proxySettings({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', NO_PROXY: 'localhost' }),
    ).toEqual({
      httpsProxy: 'http://lower:2',
      noProxy: 'localhost',
    });
    expect(proxySettings({ HTTP_PROXY: 'http://p:3' })).toEqual({ httpProxy: 'http://p:3' });
  });

  it('picks an EnvHttpProxyAgent only when a proxy is configured', () => {
    expect(dispatcherFor(DEFAULT_TIMEOUTS, { HTTPS_PROXY: 'http://127.0.0.1:9' })).toBeInstanceOf(EnvHttpProxyAgent);
    expect(dispatcherFor(DEFAULT_TIMEOUTS, {})).not.toBeInstanceOf(EnvHttpProxyAgent);
  });
});

/** A minimal forward proxy: CONNECT tunnels only (undici tunnels http:// targets too). Records what it was asked for. */
async function startProxy(): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${portOf(server)}`, seen, server };
}

describe('requests through a proxy', () => {
  let target: TestServer;
  let proxy: Awaited<ReturnType<typeof startProxy>>;

  beforeEach(async () => {
    target = await startServer(
      routes({ 'GET /api/v1/organizations': () => [200, { organizations: [{ id: 'o1', name: 'Acme' }] }] }),
    );
    proxy = await startProxy();
  });

  afterEach(async () => {
    await closeConnections();
    await target.close();
    proxy.server.closeAllConnections();
    await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
  });

  it('go through HTTP_PROXY when it is set', async () => {
    const cloud = createCloudClient({
      baseUrl: target.url,
      apiKey: new Secret('k'.repeat(20)),
      env: { HTTP_PROXY: proxy.url },
    });
    expect(await cloud.listOrganizations()).toEqual([{ id: 'o1', name: 'Acme' }]);
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${target.port}`]);
  });

  it('skip the proxy for hosts in NO_PROXY', async () => {
    const cloud = createCloudClient({
      baseUrl: target.url,
      apiKey: new Secret('k'.repeat(20)),
      env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
    });
    expect(await cloud.listOrganizations()).toHaveLength(1);
    expect(proxy.seen).toEqual([]);
    expect(target.requests).toHaveLength(1);
  });
});
