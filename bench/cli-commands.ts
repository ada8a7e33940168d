/**
 * The same "who has access to what" data through ec-access's scriptable commands, one process per command like
 * the skill's scripts: the like-for-like comparison of two command-line tools (P1 notes). The interactive
 * figure is the headline; this one shows how much of the difference is process start-up.
 */
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
  const started = performance.now();
  for (const args of CLI_OVERVIEW) {
    await timeProcess(
      process.execPath,
      [binPath(), ...args],
      { EC_API_KEY: sandbox.apiKey, EC_BASE_URL: sandbox.baseUrl, EC_HTTP2: 'h2c' },
      `ec-access ${args.join(' ')}`,
    );
  }
  return performance.now() - started;
}
