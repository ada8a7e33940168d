/**
 * The same "who has access to what" data through ec-access's scriptable commands, one process per command like
 * the skill's scripts: the like-for-like comparison of two command-line tools (P1 notes). The interactive
 * figure is the headline; this one shows how much of the difference is process start-up. The commands share one
 * state directory, as a person's do: the first discovers the organization, the others use it as remembered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath } from '../test/e2e/harness.js';
import { timeProcess } from './process.js';
import type { BenchSandbox } from './sandbox.js';

export const CLI_OVERVIEW: readonly (readonly string[])[] = [
  ['members', 'list', '--json'],
  ['invitations', 'list', '--json'],
  ['keys', 'list', '--json'],
  ['projects', 'list', '--json'],
];

export async function runCliOverview(sandbox: BenchSandbox): Promise<number> {
  const stateHome = mkdtempSync(join(tmpdir(), 'ec-bench-state-'));
  const env = { EC_API_KEY: sandbox.apiKey, EC_BASE_URL: sandbox.baseUrl, EC_HTTP2: 'h2c', XDG_STATE_HOME: stateHome };
  try {
    const started = performance.now();
    for (const args of CLI_OVERVIEW) {
      await timeProcess(process.execPath, [binPath(), ...args], env, `ec-access ${args.join(' ')}`);
    }
    return performance.now() - started;
  } finally {
    rmSync(stateHome, { recursive: true, force: true });
  }
}
