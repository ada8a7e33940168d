import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloudRequests } from '../../src/api/requests.js';
import { createAuditLog } from '../../src/audit/index.js';
import { runAudit, runAuditCommand } from '../../src/cli/commands/audit.js';
import type { CommandContext } from '../../src/cli/dispatch.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-audit-cmd-'));
  env = { XDG_STATE_HOME: dir, HOME: dir };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runAuditCommand(argv, {
    env,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

function seed() {
  let tick = 0;
  const log = createAuditLog({
    env,
    organizationId: 'org-1',
    mode: 'sandbox',
    clock: () => new Date(Date.UTC(2026, 2, 1, 12, 0, tick++)),
  });
  const revoke = cloudRequests.deleteApiKeys(['k1', 'k2']);
  log.observer({
    request: cloudRequests.removeMembers('org-1', ['u1']),
    url: 'https://x/api/v1/organizations/org-1/members/u1',
    status: 200,
    ok: true,
    outcome: 'done',
    durationMs: 5,
  });
  log.observer({
    request: revoke,
    url: 'https://x/api/v1/users/auth/keys',
    status: undefined,
    ok: false,
    outcome: 'unknown',
    durationMs: 30_000,
  });
  log.record({ type: 'verify', request: revoke, result: 'partial', detail: '1 of 2 revoked' });
}

describe('ec-access audit', () => {
  it('prints recent entries as a table, newest last', async () => {
    seed();
    const { code, stdout } = await run();
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'TIME                  MODE     METHOD  PATH                             STATUS  OUTCOME',
        '2026-03-01T12:00:00Z  sandbox  DELETE  /organizations/org-1/members/u1  200     done',
        '2026-03-01T12:00:01Z  sandbox  DELETE  /users/auth/keys                 -       unknown (refresh and check whether it took effect)',
        '2026-03-01T12:00:02Z  sandbox  DELETE  /users/auth/keys                         verified: partial (1 of 2 revoked)',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON, honouring --limit', async () => {
    seed();
    const { code, stdout } = await run('--limit', '2', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([{ type: 'write' }, { type: 'verify' }]);
    expect((await run('--limit=1')).stdout.split('\n')).toHaveLength(3);
  });

  it('says where it looked when nothing is recorded', async () => {
    const { code, stdout } = await run();
    expect(code).toBe(0);
    expect(stdout).toContain(`No writes recorded yet (${join(dir, 'ec-access', 'audit.jsonl')})`);
  });

  it('rejects bad arguments with usage and exit code 2', async () => {
    for (const argv of [['--limit', 'x'], ['--limit'], ['--limit', '0'], ['--what']]) {
      const { code, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: ec-access audit');
    }
  });
});

describe('runAudit (dispatcher entry)', () => {
  it('passes the arguments after `audit` through', async () => {
    seed();
    let stdout = '';
    const ctx: CommandContext = {
      name: 'audit',
      args: ['--json', '--limit', '1'],
      flags: { help: false, version: false },
      values: {},
      io: { env, stdout: (t) => void (stdout += t), stderr: () => {}, stdinIsTty: false, stdoutIsTty: false, cwd: dir },
      loadConfig: () => {
        throw new Error('audit reads no configuration');
      },
      load: () => Promise.resolve(undefined),
    };
    expect(await runAudit(ctx)).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });
});
