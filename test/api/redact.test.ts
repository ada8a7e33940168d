import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debugLogFromEnv, debugLogPath, openDebugLog } from '../../src/util/debug-log.js';
import { collectSecrets, mayHoldSecrets, redactJson, redactPath, scrubText, SecretSet } from '../../src/util/redact.js';

describe('redactJson', () => {
  it('replaces secret string fields at any depth and leaves the rest', () => {
    const value = {
      id: 'k1',
      key: 'created-secret',
      invitations: [{ token: 'tok-1', email: 'a@example.com' }],
      credentials: { username: 'admin', password: 'pw' },
      api_key: { id: 'x', name: 'n' }, // ES _authenticate: an object, not a secret
      keys: ['k1', 'k2'],
    };
    expect(redactJson(value)).toEqual({
      id: 'k1',
      key: '[redacted]',
      invitations: [{ token: '[redacted]', email: 'a@example.com' }],
      credentials: { username: 'admin', password: '[redacted]' },
      api_key: { id: 'x', name: 'n' },
      keys: ['k1', 'k2'],
    });
    expect(value.key).toBe('created-secret'); // a copy, not a mutation
  });

  it('collects the secret values it would redact', () => {
    expect(collectSecrets({ a: [{ token: 't1' }, { Key: 'k' }], b: { password: 'p' } })).toEqual(['t1', 'k', 'p']);
  });
});

describe('redactPath', () => {
  it('hides invitation tokens in paths, and nothing else', () => {
    expect(redactPath('/organizations/123/invitations/tok1,tok2')).toBe('/organizations/123/invitations/[redacted]');
    expect(redactPath('/organizations/invitations/tok/_accept')).toBe('/organizations/invitations/[redacted]/_accept');
    expect(redactPath('/organizations/123/invitations')).toBe('/organizations/123/invitations');
    expect(redactPath('/organizations/123/members/u1')).toBe('/organizations/123/members/u1');
  });
});

describe('scrubText', () => {
  it('removes known secrets and credential-shaped strings', () => {
    expect(scrubText('key abcdefgh12345 leaked', ['abcdefgh12345'])).toBe('key [redacted] leaked');
    expect(scrubText('Authorization: ApiKey Zm9vOmJhcg==abc')).toBe('Authorization: ApiKey [redacted]');
    expect(scrubText('use essu_abcdefghijklmnop now')).toBe('use [redacted] now');
  });

  it('ignores secrets too short to scrub safely', () => {
    expect(scrubText('the id is 42', ['42'])).toBe('the id is 42');
  });

  it('SecretSet remembers secrets seen in responses', () => {
    const set = new SecretSet();
    set.addFrom({ invitations: [{ token: 'tok-abcdefgh' }] });
    expect(set.scrub('invitation tok-abcdefgh not found')).toBe('invitation [redacted] not found');
  });

  it('an answer is walked for secrets only when its text may hold a secret field, escapes included', () => {
    expect(mayHoldSecrets('{"invitations":[{"token" : "tok-abcdefgh"}]}')).toBe(true);
    expect(mayHoldSecrets('{"id":"k1","KEY":"essu_abcdefgh"}')).toBe(true);
    expect(mayHoldSecrets('{"k\\u0065y":"essu_abcdefgh"}')).toBe(true);
    // Words in values are not fields.
    expect(mayHoldSecrets('{"members":[{"email":"a@b.c","description":"rotate the key","name":"token"}]}')).toBe(false);
    const text = '{"id":"k1","key":"essu_abcdefgh1234"}';
    const set = new SecretSet();
    set.addFromAnswer(text, JSON.parse(text));
    expect(set.scrub('echo essu_abcdefgh1234')).toBe('echo [redacted]');
  });
});

describe('debug log', () => {
  it('is off unless EC_ACCESS_DEBUG asks for it; 1 means the state directory', () => {
    expect(debugLogPath({})).toBeUndefined();
    expect(debugLogPath({ EC_ACCESS_DEBUG: '0' })).toBeUndefined();
    expect(debugLogPath({ EC_ACCESS_DEBUG: '1', XDG_STATE_HOME: '/xdg' })).toBe('/xdg/ec-access/debug.log');
    expect(debugLogPath({ EC_ACCESS_DEBUG: 'true', HOME: '/home/me' })).toBe(
      '/home/me/.local/state/ec-access/debug.log',
    );
    expect(debugLogPath({ EC_ACCESS_DEBUG: 'trace.log' }, '/work')).toBe('/work/trace.log');
  });

  it('writes scrubbed lines to a new 0600 file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-access-log-'));
    try {
      const path = join(dir, 'trace.log');
      const log = openDebugLog(path);
      log.write('→ GET /x with ApiKey abcdefghijklmnop');
      log.write('second');
      expect(readFileSync(path, 'utf8')).toMatch(/^\S+ → GET \/x with ApiKey \[redacted\]\n\S+ second\n$/);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never appends to, chmods or follows a file it did not create', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-access-log-'));
    try {
      const existing = join(dir, 'existing.log');
      writeFileSync(existing, 'old\n', { mode: 0o644 });
      openDebugLog(existing).write('→ GET /x');
      expect(readFileSync(existing, 'utf8')).toBe('old\n');
      expect(statSync(existing).mode & 0o777).toBe(0o644);

      const target = join(dir, 'target');
      writeFileSync(target, 'precious\n', { mode: 0o644 });
      const link = join(dir, 'link.log');
      symlinkSync(target, link);
      openDebugLog(link).write('→ GET /x');
      expect(readFileSync(target, 'utf8')).toBe('precious\n');
      expect(statSync(target).mode & 0o777).toBe(0o644);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('EC_ACCESS_DEBUG=1 starts its own log afresh in the private state directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-access-log-'));
    try {
      const env = { EC_ACCESS_DEBUG: '1', XDG_STATE_HOME: dir };
      const path = join(dir, 'ec-access', 'debug.log');
      mkdirSync(join(dir, 'ec-access'), { mode: 0o700 });
      writeFileSync(path, 'a previous run\n', { mode: 0o644 });
      debugLogFromEnv(env)!.write('fresh');
      expect(readFileSync(path, 'utf8')).toMatch(/^\S+ fresh\n$/);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
