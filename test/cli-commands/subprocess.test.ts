/**
 * The built executable as a script or agent runs it: no terminal, JSON on stdout, exit codes, and no secret on
 * either stream.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { CreatedKeyResult, RevokeDoc, WriteDoc } from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let sandbox: RunningSandbox;
let dir: string;

/** Async, so the in-process sandbox keeps answering while the child runs. */
function ecAccess(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/ec-access.js'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, XDG_STATE_HOME: join(dir, 'state'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A run's stdout, checked against the document's schema (test/support/cli-docs.ts). */
function docOf<S extends z.ZodType>(schema: S, run: { stdout: string }): z.output<S> {
  return parseAs(schema, JSON.parse(run.stdout), 'stdout');
}

/** The first item's result of a `keys create`. */
const createdKey = (run: { stdout: string }) =>
  parseAs(CreatedKeyResult, docOf(WriteDoc, run).results[0]?.result, 'the created key');

const onSandbox = () => ({ EC_BASE_URL: sandbox.baseUrl, EC_API_KEY: sandbox.ownerKey });

beforeAll(async () => {
  // The built program is tested; `npm test` builds it before vitest starts (building here would rewrite dist/
  // under the pty tests that run at the same time).
  expect(existsSync(join(root, 'dist/src/cli/commands/registry.js'))).toBe(true);
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'ec-access-bin-'));
}, 180_000);

afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('node bin/ec-access.js', () => {
  it('without a key: a fresh sandbox, said on stderr; JSON on stdout because it is not a terminal', async () => {
    const r = await ecAccess(['members', 'list'], {});
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^ec-access: sandbox: simulated organization/);
    expect(JSON.parse(r.stdout)).toMatchObject({ schema: 'ec-access/members@1' });
  });

  it('keys create: exit 0, value only in the 0600 file', async () => {
    const r = await ecAccess(
      [
        'keys',
        'create',
        '--description',
        'subprocess',
        '--expiration',
        '1d',
        '--scope',
        'all:elasticsearch',
        '--stack-access',
        'viewer',
      ],
      onSandbox(),
    );
    expect(r.status, r.stderr).toBe(0);
    const { secret_file: file } = createdKey(r);
    const secret = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('exit 2 for a destructive command without --yes, exit 1 for an API refusal, exit 3 for a partial revoke', async () => {
    const noYes = await ecAccess(['keys', 'revoke', '--filter', 'subprocess'], onSandbox());
    expect(noYes.status).toBe(2);
    expect(noYes.stdout).toBe('');

    const refused = await ecAccess(['keys', 'create', '--description', 'x', '--expiration', '1d', '--scope', 'org'], {
      EC_BASE_URL: sandbox.baseUrl,
      EC_API_KEY: sandbox.viewerKey,
    });
    expect(refused.status).toBe(1);
    expect(docOf(WriteDoc, refused).results[0]?.error?.status).toBe(403);
    expect(refused.stderr).toMatch(/failed/);

    const ids: string[] = [];
    for (const d of ['partial-1', 'partial-2']) {
      const created = await ecAccess(
        ['keys', 'create', '--description', d, '--expiration', '1d', '--scope', 'org'],
        onSandbox(),
      );
      ids.push(createdKey(created).id);
    }
    await fetch(`${sandbox.controlUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'key-delete', ids: [ids[0]] }),
      headers: { 'content-type': 'application/json' },
    });
    const partial = await ecAccess(['keys', 'revoke', '--filter', 'partial-*', '--yes'], onSandbox());
    expect(partial.status).toBe(3);
    expect(docOf(RevokeDoc, partial).still_active).toEqual([ids[0]]);
  });
});
