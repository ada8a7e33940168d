/**
 * `--allow-insecure-http`: plain http to a non-loopback host is refused by default and sent only with the flag (or
 * EC_ACCESS_ALLOW_INSECURE_HTTP=1). Nothing leaves loopback: the command's requests go through a loopback forward
 * proxy (HTTP_PROXY) that records which host it was asked to tunnel to and refuses every tunnel, so "sent" means
 * "handed to the proxy", and no DNS lookup or connection to the remote host ever happens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleartextRefusal } from '../../src/api/cleartext.js';
import { closeConnections } from '../../src/api/http.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { scriptCommandSpecs } from '../../src/cli/commands/registry.js';
import { COMMANDS, runCli, type CommandLoader } from '../../src/cli/dispatch.js';
import { loadConfig } from '../../src/config/config.js';

const REMOTE = 'http://cloud.example.com';
const KEY = 'essu_INSECURETEST_abcdefghijklmnop';

describe('the decision', () => {
  it('refuses plain http to a non-loopback host by default, naming the flag', () => {
    const refusal = cleartextRefusal(REMOTE, 'cloud', {});
    expect(refusal?.message).toMatch(/refusing plain http to http:\/\/cloud\.example\.com/);
    expect(refusal?.hint).toMatch(/--allow-insecure-http/);
    expect(cleartextRefusal('http://search.example.com:9200', 'es', {})?.hint).toMatch(/--allow-insecure-http/);
  });

  it('allows it with the flag, as with the environment variable', () => {
    expect(cleartextRefusal(REMOTE, 'cloud', {}, true)).toBeUndefined();
    expect(cleartextRefusal('http://search.example.com:9200', 'es', {}, true)).toBeUndefined();
    expect(cleartextRefusal(REMOTE, 'cloud', { EC_ACCESS_ALLOW_INSECURE_HTTP: 'yes' }, false)).toBeUndefined();
  });

  it('is a global flag that reaches the configuration, off unless given', () => {
    const line = parseCommandLine(['members', 'list', '--allow-insecure-http'], COMMANDS);
    if (line.kind !== 'run') throw new Error('expected a command to run');
    expect(line.flags.allowInsecureHttp).toBe(true);
    const env = { EC_API_KEY: KEY, EC_BASE_URL: REMOTE };
    expect(loadConfig({ flags: line.flags, env, cwd: tmpdir() }).allowInsecureHttp).toBe(true);
    expect(loadConfig({ flags: {}, env, cwd: tmpdir() }).allowInsecureHttp).toBeUndefined();
  });
});

/** A forward proxy on loopback that records each CONNECT and refuses it: nothing is forwarded anywhere. */
let proxy: Server;
let proxyUrl = '';
const tunnels: string[] = [];
let dir = '';

beforeAll(async () => {
  proxy = createServer((_req, res) => {
    tunnels.push('(plain request)');
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, socket) => {
    tunnels.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${portOf(proxy.address())}`;
  dir = mkdtempSync(join(tmpdir(), 'ec-access-insecure-'));
});
beforeEach(() => {
  tunnels.length = 0;
});
afterAll(async () => {
  await closeConnections();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function portOf(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error('the proxy is not listening on a port');
  return address.port;
}

/** The command modules from source: their typed import()s resolve to src/ under vitest. */
const loadFromSource: CommandLoader = (load) => load();

async function run(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stdinIsTty: false,
      stdoutIsTty: false,
      env: { EC_API_KEY: KEY, HTTP_PROXY: proxyUrl, XDG_STATE_HOME: dir, EC_HTTP2: 'off' },
      cwd: dir,
    },
    { commands: scriptCommandSpecs(), load: loadFromSource },
  );
  return { code, stdout, stderr };
}

describe('ec-access members list against a plain-http base URL', () => {
  it('is refused before any connection without the flag, and the message names the flag', async () => {
    const result = await run(['members', 'list', '--org', '1234567890', '--base-url', REMOTE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing plain http to http:\/\/cloud\.example\.com/);
    expect(result.stderr).toMatch(/pass --allow-insecure-http/);
    expect(result.stderr).not.toContain(KEY);
    expect(tunnels).toEqual([]);
  });

  it('goes out with --allow-insecure-http (here, to the loopback proxy, which refuses it)', async () => {
    const result = await run(['members', 'list', '--org', '1234567890', '--base-url', REMOTE, '--allow-insecure-http']);
    expect(tunnels[0]).toBe('cloud.example.com:80');
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/refusing plain http/);
    expect(result.stderr).not.toContain(KEY);
  });
});
