import { describe, expect, it } from 'vitest';
import { chooseEsCredential, sameEndpoint } from '../../src/config/es-credential.js';
import { chooseOrganization } from '../../src/config/organization.js';
import { Secret } from '../../src/util/secret.js';

describe('chooseOrganization', () => {
  const a = { id: 'a', name: 'A' };
  const b = { id: 'b', name: 'B' };

  it('uses the only organization', () => {
    expect(chooseOrganization([a])).toEqual({ kind: 'chosen', organization: a });
  });

  it('asks when there are several', () => {
    expect(chooseOrganization([a, b])).toEqual({ kind: 'ask', organizations: [a, b] });
  });

  it('--org wins, and must be one the key can see', () => {
    expect(chooseOrganization([a, b], 'b')).toEqual({ kind: 'chosen', organization: b });
    expect(chooseOrganization([a], 'z')).toEqual({ kind: 'not_found', orgId: 'z', organizations: [a] });
  });

  it('reports none', () => {
    expect(chooseOrganization([])).toEqual({ kind: 'none' });
  });
});

describe('chooseEsCredential', () => {
  const cloud = new Secret('cloud-key');
  const esKey = new Secret('es-key');
  const endpoint = 'http://127.0.0.1:9000/_es/p1';

  it('prefers ELASTICSEARCH_API_KEY for the project at ELASTICSEARCH_URL', () => {
    expect(
      chooseEsCredential(endpoint, { apiKey: cloud, esUrl: 'http://127.0.0.1:9000/_es/p1/', esApiKey: esKey }),
    ).toMatchObject({
      kind: 'elasticsearch_api_key',
      apiKey: esKey,
    });
  });

  it('uses the Cloud key (unified) for other projects, even on the same host', () => {
    const other = chooseEsCredential('http://127.0.0.1:9000/_es/p2', {
      apiKey: cloud,
      esUrl: endpoint,
      esApiKey: esKey,
    });
    expect(other).toMatchObject({ kind: 'unified', apiKey: cloud });
  });

  it('uses ELASTICSEARCH_API_KEY everywhere when no ELASTICSEARCH_URL narrows it', () => {
    expect(chooseEsCredential(endpoint, { apiKey: cloud, esApiKey: esKey })).toMatchObject({
      kind: 'elasticsearch_api_key',
    });
  });

  it('says what is missing when there is no usable key', () => {
    const missing = chooseEsCredential('https://es.example', { esUrl: endpoint, esApiKey: esKey });
    expect(missing.kind).toBe('missing');
    expect(missing.kind === 'missing' && missing.reason).toMatch(/ELASTICSEARCH_URL=https:\/\/es\.example/);
  });

  it('compares endpoints by scheme, host, port and path', () => {
    expect(sameEndpoint('https://ES.example:443/', 'https://es.example')).toBe(true);
    expect(sameEndpoint('https://es.example', 'http://es.example')).toBe(false);
    expect(sameEndpoint('https://es.example/a', 'https://es.example/b')).toBe(false);
    expect(sameEndpoint('nonsense', 'https://es.example')).toBe(false);
  });
});
