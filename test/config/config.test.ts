import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, NO_KEY_HELP } from '../../src/config/config.js';

let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ec-access-config-'));
});

afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function writeEnv(text: string, mode = 0o600, name = '.env'): string {
  const path = join(cwd, name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

describe('loadConfig', () => {
  it('without any key runs on the sandbox with the default base URL', () => {
    const config = loadConfig({ env: {}, cwd });
    expect(config).toMatchObject({ mode: 'sandbox', baseUrl: 'https://api.elastic-cloud.com', warnings: [] });
    expect(config.apiKey).toBeUndefined();
    expect(config.envFile).toBeUndefined();
  });

  it('reads .env in the working directory without touching the environment object', () => {
    const path = writeEnv(
      'EC_API_KEY=file-key-0123456789\nEC_BASE_URL=https://file.example\nELASTICSEARCH_URL=https://es.example\nELASTICSEARCH_API_KEY=es-file-key\n',
    );
    const env: NodeJS.ProcessEnv = {};
    const config = loadConfig({ env, cwd });
    expect(config.mode).toBe('cloud');
    expect(config.apiKey?.reveal()).toBe('file-key-0123456789');
    expect(config.baseUrl).toBe('https://file.example');
    expect(config.esUrl).toBe('https://es.example');
    expect(config.esApiKey?.reveal()).toBe('es-file-key');
    expect(config.envFile).toBe(path);
    expect(env).toEqual({});
  });

  it('the environment wins over .env; an empty variable counts as unset', () => {
    writeEnv('EC_API_KEY=file-key\nEC_BASE_URL=https://file.example\n');
    const config = loadConfig({ env: { EC_API_KEY: 'env-key', EC_BASE_URL: '' }, cwd });
    expect(config.apiKey?.reveal()).toBe('env-key');
    expect(config.baseUrl).toBe('https://file.example');
  });

  it('flags win over both', () => {
    writeEnv('EC_BASE_URL=https://file.example\n');
    const config = loadConfig({
      flags: { baseUrl: 'https://flag.example', org: '42' },
      env: { EC_BASE_URL: 'https://env.example' },
      cwd,
    });
    expect(config.baseUrl).toBe('https://flag.example');
    expect(config.orgId).toBe('42');
  });

  it('--env-file reads another file and must exist', () => {
    writeEnv('EC_API_KEY=other-key\n', 0o600, 'other.env');
    expect(loadConfig({ flags: { envFile: 'other.env' }, env: {}, cwd }).apiKey?.reveal()).toBe('other-key');
    expect(() => loadConfig({ flags: { envFile: 'missing.env' }, env: {}, cwd })).toThrow(
      /missing\.env does not exist/,
    );
  });

  it('--sandbox forces the sandbox and keeps the real key out of it', () => {
    const config = loadConfig({
      flags: { sandbox: true },
      env: { EC_API_KEY: 'real-key', ELASTICSEARCH_API_KEY: 'es' },
      cwd,
    });
    expect(config.mode).toBe('sandbox');
    expect(config.apiKey).toBeUndefined();
    expect(config.esApiKey).toBeUndefined();
  });

  it('--no-sandbox without a key explains how to create one', () => {
    let error: unknown;
    try {
      loadConfig({ flags: { sandbox: false }, env: {}, cwd });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ConfigError)) throw new Error('expected a ConfigError', { cause: error });
    const { message } = error;
    expect(message).toContain(NO_KEY_HELP);
    expect(message).toMatch(/Organization → API keys/);
    expect(message).toMatch(/Organization owner/);
    expect(message).toMatch(/EC_API_KEY=/);
    expect(message).toMatch(/chmod 600 \.env/);
  });

  it('--no-sandbox with a key is plain cloud mode', () => {
    expect(loadConfig({ flags: { sandbox: false }, env: { EC_API_KEY: 'k' }, cwd }).mode).toBe('cloud');
  });

  it('warns when the .env holding a key is readable by others, with the chmod fix', () => {
    const path = writeEnv('EC_API_KEY=file-key\n', 0o644);
    const { warnings } = loadConfig({ env: {}, cwd });
    expect(warnings).toEqual([
      `${path} holds an API key and other users can read it (mode 644). Fix: chmod 600 ${path}`,
    ]);
  });

  it('does not warn for a private .env, or an open one without keys', () => {
    writeEnv('EC_API_KEY=file-key\n', 0o600);
    expect(loadConfig({ env: {}, cwd }).warnings).toEqual([]);
    writeEnv('EC_BASE_URL=https://x.example\n', 0o644);
    expect(loadConfig({ env: {}, cwd }).warnings).toEqual([]);
  });

  it('EC_HTTP2 is auto unless set, may come from .env (as `ec-access sandbox` prints it), and must be a known mode', () => {
    expect(loadConfig({ env: {}, cwd }).http2).toBe('auto');
    writeEnv('EC_HTTP2=h2c\n');
    expect(loadConfig({ env: {}, cwd }).http2).toBe('h2c');
    expect(loadConfig({ env: { EC_HTTP2: 'OFF' }, cwd }).http2).toBe('off');
    expect(() => loadConfig({ env: { EC_HTTP2: 'http3' }, cwd })).toThrow(
      new ConfigError('EC_HTTP2 must be auto, h2c, off, not http3'),
    );
  });

  it('rejects URLs it cannot use and warns about plain http beyond this machine', () => {
    expect(() => loadConfig({ env: { EC_BASE_URL: 'not a url' }, cwd })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { EC_BASE_URL: 'ftp://x.example' }, cwd })).toThrow(/http\(s\)/);
    expect(() => loadConfig({ env: { EC_BASE_URL: 'https://user:pw@x.example' }, cwd })).toThrow(/credentials/);
    expect(loadConfig({ env: { EC_BASE_URL: 'http://127.0.0.1:9200' }, cwd }).warnings).toEqual([]);
    expect(loadConfig({ env: { EC_BASE_URL: 'http://cloud.example' }, cwd }).warnings[0]).toMatch(/unencrypted/);
  });

  it('EC_SANDBOX_STATE names the sandbox state file, relative to the working directory, in sandbox mode only', () => {
    expect(loadConfig({ env: { EC_SANDBOX_STATE: 'org.json' }, cwd }).sandboxStateFile).toBe(join(cwd, 'org.json'));
    writeEnv('EC_SANDBOX_STATE=/tmp/elsewhere.json\n');
    expect(loadConfig({ env: {}, cwd }).sandboxStateFile).toBe('/tmp/elsewhere.json');
    expect(loadConfig({ env: {}, cwd: join(cwd, 'none') }).sandboxStateFile).toBeUndefined();
    const cloud = loadConfig({ env: { EC_API_KEY: 'a-real-key', EC_SANDBOX_STATE: 'org.json' }, cwd });
    expect(cloud.sandboxStateFile).toBeUndefined();
    expect(cloud.warnings).toEqual([expect.stringMatching(/EC_SANDBOX_STATE is ignored/)]);
  });
});
