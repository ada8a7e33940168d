import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EMPTY_ORG_MEMORY,
  forgetOrganization,
  keyFingerprint,
  openOrgMemory,
  ORG_MEMORY_FILE,
  parseOrgMemory,
  recallOrganization,
  rememberOrganization,
} from '../../src/config/org-memory.js';
import { Secret } from '../../src/util/secret.js';

const KEY = 'essu_c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkw';
const API = 'https://api.elastic-cloud.com';
const ACME = { id: 'org-1', name: 'Acme' };

describe('organization memory (pure)', () => {
  it('files a key under a digest that holds nothing of the key', () => {
    const fingerprint = keyFingerprint(new Secret(KEY), API);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).not.toContain(KEY);
    expect(fingerprint).not.toContain(KEY.slice(-8));
    // Not the plain hash of the key either: the digest is domain-separated.
    expect(fingerprint).not.toBe(createHash('sha256').update(KEY).digest('hex'));
  });

  it('tells keys and APIs apart, but not spellings of the same API', () => {
    const key = new Secret(KEY);
    expect(keyFingerprint(key, API)).not.toBe(keyFingerprint(new Secret(`${KEY}x`), API));
    expect(keyFingerprint(key, API)).not.toBe(keyFingerprint(key, 'http://127.0.0.1:9000'));
    expect(keyFingerprint(key, `${API}/api/v1/`)).toBe(keyFingerprint(key, API));
  });

  it('remembers, recalls, replaces and forgets', () => {
    let doc = rememberOrganization(EMPTY_ORG_MEMORY, 'a', ACME);
    doc = rememberOrganization(doc, 'b', { id: 'org-2', name: 'Beta' });
    expect(recallOrganization(doc, 'a')).toEqual(ACME);
    doc = rememberOrganization(doc, 'a', { id: 'org-3', name: 'Moved' });
    expect(recallOrganization(doc, 'a')).toEqual({ id: 'org-3', name: 'Moved' });
    doc = forgetOrganization(doc, 'a');
    expect(recallOrganization(doc, 'a')).toBeUndefined();
    expect(recallOrganization(doc, 'b')?.id).toBe('org-2');
    expect(recallOrganization(doc, 'constructor')).toBeUndefined();
  });

  it('keeps the newest entries only', () => {
    let doc = EMPTY_ORG_MEMORY;
    for (let i = 0; i < 40; i++) doc = rememberOrganization(doc, `key-${i}`, { id: `org-${i}`, name: `Org ${i}` });
    expect(Object.keys(doc.organizations)).toHaveLength(32);
    expect(recallOrganization(doc, 'key-0')).toBeUndefined();
    expect(recallOrganization(doc, 'key-39')?.id).toBe('org-39');
  });

  it('reads anything unexpected as an empty memory', () => {
    expect(parseOrgMemory('not json')).toEqual(EMPTY_ORG_MEMORY);
    expect(parseOrgMemory('{"version":2,"organizations":{}}')).toEqual(EMPTY_ORG_MEMORY);
    expect(parseOrgMemory('{"version":1,"organizations":{"a":{"id":1}}}')).toEqual(EMPTY_ORG_MEMORY);
  });

  it('makes a stored name inert, as one from the API', () => {
    const doc = parseOrgMemory(
      JSON.stringify({ version: 1, organizations: { a: { id: 'o', name: 'Evil\u001b[2J' } } }),
    );
    expect(recallOrganization(doc, 'a')?.name).not.toContain('\u001b');
  });
});

describe('organization memory (file)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const envIn = () => {
    dir = mkdtempSync(join(tmpdir(), 'ec-org-memory-'));
    return { HOME: dir, XDG_STATE_HOME: join(dir, 'state') };
  };

  it('writes a private file that holds no key material', () => {
    const env = envIn();
    const memory = openOrgMemory(env, new Secret(KEY), API);
    expect(memory.recall()).toBeUndefined();
    memory.remember(ACME);
    const file = join(env.XDG_STATE_HOME, 'ec-access', ORG_MEMORY_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('org-1');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(5, 25));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(env.XDG_STATE_HOME, 'ec-access')).mode & 0o777).toBe(0o700);
    expect(openOrgMemory(env, new Secret(KEY), API).recall()).toEqual(ACME);
    expect(openOrgMemory(env, new Secret(`${KEY}2`), API).recall()).toBeUndefined();
  });

  it('forgets one key and leaves the others', () => {
    const env = envIn();
    const mine = openOrgMemory(env, new Secret(KEY), API);
    const other = openOrgMemory(env, new Secret(`${KEY}2`), API);
    mine.remember(ACME);
    other.remember({ id: 'org-2', name: 'Beta' });
    mine.forget();
    expect(mine.recall()).toBeUndefined();
    expect(other.recall()?.id).toBe('org-2');
  });

  it('treats a damaged file as empty and replaces it', () => {
    const env = envIn();
    const memory = openOrgMemory(env, new Secret(KEY), API);
    memory.remember(ACME);
    const file = join(env.XDG_STATE_HOME, 'ec-access', ORG_MEMORY_FILE);
    writeFileSync(file, '{"version":1,"organ');
    expect(memory.recall()).toBeUndefined();
    memory.remember(ACME);
    expect(memory.recall()).toEqual(ACME);
  });
});
