/** Plain http to another machine is refused before connecting: src/api/cleartext.ts. */
import { describe, expect, it } from 'vitest';
import { cleartextRefusal } from '../../src/api/cleartext.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { createEsClient } from '../../src/api/es-client.js';
import { ApiError } from '../../src/api/errors.js';
import { Secret } from '../../src/util/secret.js';

// Never contacted: the refusal comes before any DNS lookup or connection (a lookup would fail differently).
const REMOTE = 'http://cloud.example.com';

describe('plain http', () => {
  it('to a non-loopback Cloud base URL is refused, and the key is not sent', async () => {
    const cloud = createCloudClient({ baseUrl: REMOTE, apiKey: new Secret('essu_SECRET_abcdefghijkl'), env: {} });
    const error = await cloud.listOrganizations().catch((e: unknown) => e);
    if (!(error instanceof ApiError)) throw new Error('expected an ApiError');
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/refusing plain http/);
    expect(error.hint).toMatch(/EC_ACCESS_ALLOW_INSECURE_HTTP=1/);
  });

  it("to a project's Elasticsearch endpoint is refused too", async () => {
    const es = createEsClient({
      projectId: 'p1',
      baseUrl: 'http://search.example.com:9200',
      apiKey: new Secret('essu_SECRET_abcdefghijkl'),
      env: {},
    });
    await expect(es.listRoles()).rejects.toThrow(/refusing plain http to http:\/\/search\.example\.com:9200/);
  });

  it('is allowed to loopback, over https, and with the explicit opt-in', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9', 'https://cloud.example.com'])
      expect(cleartextRefusal(url, 'cloud', {})).toBeUndefined();
    expect(cleartextRefusal(REMOTE, 'cloud', { EC_ACCESS_ALLOW_INSECURE_HTTP: '1' })).toBeUndefined();
    expect(cleartextRefusal(REMOTE, 'cloud', { EC_ACCESS_ALLOW_INSECURE_HTTP: '0' })).toBeInstanceOf(ApiError);
    expect(cleartextRefusal('http://127.example.com', 'es', {})).toBeInstanceOf(ApiError);
  });
});
