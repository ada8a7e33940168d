/**
 * `ec-access --version` and `--help` alone are answered by bin/ec-access.js from dist/app/cli/quick-answers.js,
 * which the build takes from the bundle (scripts/bundle.mjs), without loading the app (bench P7). The answers must
 * be exactly what the full command line prints, and the quick path must load that one module and nothing else.
 * Runs the build: `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WAIT_MS } from '../support/wait.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Records every module the process resolves (after the entry point) on stderr. The hooks run on their own thread,
 * whose buffered process.stderr can lose to a quick exit on a busy machine: the write is synchronous to fd 2.
 */
const HOOKS = `
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (context.parentURL) writeSync(2, '[import] ' + specifier + '\\n');
  return next(specifier, context);
}`;
const REGISTER = `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));`;

function run(entry: string, args: readonly string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, entry, ...args],
    { cwd: root, encoding: 'utf8', timeout: WAIT_MS },
  );
  const imported = result.stderr
    .split('\n')
    .filter((l) => l.startsWith('[import] '))
    .map((l) => l.slice('[import] '.length));
  return { status: result.status, stdout: result.stdout, imported };
}

beforeAll(() => {
  expect(existsSync(`${root}dist/app/cli/quick-answers.js`)).toBe(true);
});

describe('the quick answers of bin/ec-access.js', () => {
  it.each(['--version', '-v', '--help', '-h'])('%s prints what the full command line prints', (flag) => {
    const quick = run('bin/ec-access.js', [flag]);
    const full = run('dist/app/cli/main.js', [flag]);
    expect(full.status).toBe(0);
    expect(quick.status).toBe(0);
    expect(quick.stdout).toBe(full.stdout);
    expect(quick.stdout).toMatch(/^ec-access \d+\.\d+\.\d+/);
    // The full path loads the dispatcher and its chunks; the quick one, only its answers.
    expect(full.imported.some((s) => s.includes('chunks/'))).toBe(true);
    expect(quick.imported.filter((s) => !s.startsWith('node:'))).toEqual(['../dist/app/cli/quick-answers.js']);
  });

  it('anything more than the lone flag goes the full way', () => {
    const result = run('bin/ec-access.js', ['keys', 'revoke', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('keys revoke');
    expect(result.stdout).not.toBe(run('bin/ec-access.js', ['--help']).stdout);
    expect(result.imported).toContain('../dist/app/cli/main.js');
  });
});
