import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { closeConnections } from '../../src/api/http.js';
import { Secret } from '../../src/util/secret.js';
import { failure } from './support/failure.js';
import { portOf } from './support/server.js';
import { hasOpenssl, selfSignedCert } from './support/tls.js';

describe.skipIf(!hasOpenssl)('TLS', () => {
  let server: Server;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    const tls = selfSignedCert();
    dir = tls.dir;
    server = createServer({ cert: tls.cert, key: tls.key }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"organizations":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${portOf(server)}`;
  });

  afterAll(async () => {
    await closeConnections();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a certificate it cannot verify, and says how to trust a corporate CA', async () => {
    const cloud = createCloudClient({ baseUrl: url, apiKey: new Secret('k'.repeat(20)) });
    const error = await failure(cloud.listOrganizations());
    expect(error).toMatchObject({ kind: 'network', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(error.message).toMatch(/TLS certificate of https:\/\/127\.0\.0\.1:\d+ could not be verified/);
    expect(error.hint).toMatch(/NODE_EXTRA_CA_CERTS/);
  });
});
