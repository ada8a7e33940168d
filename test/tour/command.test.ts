/** `ec-access tour`: refuses a real organization, keeps progress with its sandbox, and --reset starts over. */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiKeyList } from '../../src/api/schemas.js';
import { moduleCommand, runCli, type CliIo, type CommandLoader } from '../../src/cli/dispatch.js';
import { openTourSandbox } from '../../src/cli/commands/tour.js';
import { FRESH, loadProgress, saveProgress, tourFiles } from '../../src/tour/progress.js';
import { parseAs } from '../support/json.js';

/** The command modules from source: their typed import()s resolve to src/ under vitest. */
const loadFromSource: CommandLoader = (load) => load();
const TOUR = [
  moduleCommand(
    { words: ['tour'], usage: 'tour', summary: '', group: 'command', options: { reset: { type: 'boolean' } } },
    () => import('../../src/cli/commands/tour.js'),
    ({ runTour }, ctx) => runTour(ctx),
  ),
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-tour-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdinIsTty: false,
    stdoutIsTty: false,
    env: { XDG_STATE_HOME: dir, ...env },
    cwd: dir,
  };
  const code = await runCli(argv, io, { commands: TOUR, load: loadFromSource });
  return { code, stdout, stderr };
}

describe('ec-access tour', () => {
  it('refuses with exit code 2 when a Cloud API key is configured', async () => {
    const result = await run(['tour'], { EC_API_KEY: 'essu_not_a_real_key_123456' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/only runs on the built-in sandbox/);
    expect(result.stderr).not.toContain('essu_not_a_real_key_123456');
    expect(existsSync(join(dir, 'ec-access', 'tour.json'))).toBe(false);
  });

  it('refuses in cloud mode even with --reset, leaving the progress alone', async () => {
    const files = tourFiles(join(dir, 'ec-access'));
    await run(['tour'], {}); // creates the state directory
    saveProgress(files.progress, { ...FRESH, current: 3, completed: ['a', 'b', 'c'] });
    const result = await run(['tour', '--reset'], { EC_API_KEY: 'essu_not_a_real_key_123456' });
    expect(result.code).toBe(2);
    expect(loadProgress(files.progress).current).toBe(3);
  });

  it('--reset removes the progress and the sandbox organization', async () => {
    const files = tourFiles(join(dir, 'ec-access'));
    await run(['tour'], {});
    saveProgress(files.progress, { ...FRESH, current: 2, completed: ['who-has-access', 'invite-viewer'] });
    writeFileSync(files.sandbox, '{}');
    const result = await run(['tour', '--reset'], {});
    expect(result.stderr).toMatch(/reset/);
    expect(existsSync(files.progress)).toBe(false);
    expect(existsSync(files.sandbox)).toBe(false);
    // Without a terminal it stops there, saying why.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal/);
  });
});

describe('tour progress and sandbox', () => {
  it('resumes the same organization, with its changes, from the state file; a reset seeds a new one', async () => {
    const files = tourFiles(dir);
    const first = await openTourSandbox(files);
    await fetch(`${first.baseUrl}/api/v1/users/auth/keys`, {
      method: 'POST',
      headers: { authorization: `ApiKey ${first.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'made in lesson 4', expiration: '30d' }),
    });
    await first.stop();

    const again = await openTourSandbox(files);
    expect(again.organizationId).toBe(first.organizationId);
    const answer = await fetch(`${again.baseUrl}/api/v1/users/auth/keys`, {
      headers: { authorization: `ApiKey ${again.ownerKey}` },
    });
    const keys = parseAs(ApiKeyList, await answer.json(), 'the key list');
    expect(keys.keys.map((k) => k.description)).toContain('made in lesson 4');
    await again.stop();

    rmSync(files.sandbox);
    const fresh = await openTourSandbox(files);
    expect(fresh.organizationId).not.toBe(first.organizationId);
    await fresh.stop();
  });

  it('reads back what it saved, and starts over from a file it cannot read', () => {
    const { progress } = tourFiles(dir);
    expect(loadProgress(progress)).toEqual(FRESH);
    const saved = { ...FRESH, current: 4, completed: ['who-has-access'], answer: 'x' };
    saveProgress(progress, saved);
    expect(loadProgress(progress)).toEqual(saved);
    // Replaced whole through a temporary file: nothing else is left beside it, and only the owner may read it.
    expect(readdirSync(dir)).toEqual(['tour.json']);
    expect(statSync(progress).mode & 0o777).toBe(0o600);
    writeFileSync(progress, '{not json');
    expect(loadProgress(progress)).toEqual(FRESH);
  });
});
