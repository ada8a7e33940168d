/**
 * The real executable, built: `--help` and `--version` must work without a terminal or a key, and without loading
 * Ink or React (a resolve hook records every bare package the process imports).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WAIT_MS } from '../support/wait.js';
import { hasOpenssl, selfSignedCert } from '../api/support/tls.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const HOOKS = `
export async function resolve(specifier, context, next) {
  if (!specifier.startsWith('.') && !specifier.startsWith('node:') && !specifier.startsWith('file:') && !specifier.startsWith('data:')) {
    process.stderr.write('[import] ' + specifier + '\\n');
  }
  return next(specifier, context);
}`;
const REGISTER = `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));`;

function ecAccess(args: string[]) {
  const env = { ...process.env };
  for (const name of ['EC_API_KEY', 'ELASTICSEARCH_API_KEY', 'EC_ACCESS_DEBUG']) delete env[name];
  return spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, 'bin/ec-access.js', ...args],
    {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: WAIT_MS,
    },
  );
}

beforeAll(() => {
  // The built program is tested; `npm test` builds it before vitest starts (building here would rewrite dist/
  // under the pty tests that run at the same time).
  expect(existsSync(`${root}dist/src/cli/main.js`)).toBe(true);
}, 180_000);

describe('bin/ec-access.js', () => {
  it('--help prints usage, commands, flags and environment, without a TTY, key, Ink or React', () => {
    for (const flag of ['--help', '-h']) {
      const result = ecAccess([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^ec-access \d+\.\d+\.\d+: /);
      expect(result.stdout).toContain('Commands:');
      expect(result.stdout).toContain('--no-sandbox');
      expect(result.stdout).toContain('EC_API_KEY');
      const imported = result.stderr.split('\n').filter((l) => l.startsWith('[import] '));
      expect(imported.filter((l) => /\b(ink|react|undici|zod)\b/.test(l))).toEqual([]);
    }
  });

  it('--version prints the package version', () => {
    const result = ecAccess(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ec-access \d+\.\d+\.\d+\n$/);
  });

  it('the TUI without a terminal exits 2 with advice', () => {
    const result = ecAccess([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal/);
  });

  it('an unknown flag exits 2', () => {
    const result = ecAccess(['--frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option --frobnicate');
  });
});

describe.skipIf(!hasOpenssl)('the built client and NODE_EXTRA_CA_CERTS', () => {
  it('trusts a CA given in NODE_EXTRA_CA_CERTS (TLS stays verified)', async () => {
    const tls = selfSignedCert();
    const server = createServer({ cert: tls.cert, key: tls.key }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"organizations":[{"id":"o1","name":"Acme"}]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the TLS server is not listening on a port');
    const url = `https://127.0.0.1:${address.port}`;
    const script = [
      `import { createCloudClient } from './dist/src/api/cloud-client.js';`,
      `import { Secret } from './dist/src/util/secret.js';`,
      `const cloud = createCloudClient({ baseUrl: ${JSON.stringify(url)}, apiKey: new Secret('k'.repeat(20)) });`,
      `const orgs = await cloud.listOrganizations();`,
      `process.stdout.write(JSON.stringify(orgs));`,
      `await cloud.close();`,
    ].join('\n');
    try {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        cwd: root,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.certPath },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(JSON.parse(stdout)).toEqual([{ id: 'o1', name: 'Acme' }]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(tls.dir, { recursive: true, force: true });
    }
  });
});
