/** Time one non-interactive process from spawn to exit, in a scratch working directory with a minimal environment. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TimedRun {
  readonly command: string;
  readonly ms: number;
  readonly stdoutBytes: number;
}

/**
 * Fails on a non-zero exit or an empty stdout: a contestant that did not produce the answer has no time.
 * The working directory is fresh so no `.env` from the repository is read (both ec-access and the skill's
 * manage-project.py read ./.env).
 */
export function timeProcess(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
  label = `${file} ${args.join(' ')}`,
): Promise<TimedRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'ec-bench-'));
  const started = performance.now();
  return new Promise<TimedRun>((resolve, reject) => {
    const child = spawn(file, [...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      rmSync(cwd, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`${label} exited with ${code}: ${err.trim().slice(0, 400)}`));
      else if (out === 0) reject(new Error(`${label} printed nothing`));
      else resolve({ command: label, ms, stdoutBytes: out });
    });
  });
}

/**
 * CPU time the process's main thread (JavaScript, layout, rendering) has used so far, in ms, from the scheduler's
 * nanosecond count: /proc/<pid>/stat counts in 10 ms ticks, too coarse for a keystroke.
 */
export function cpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}
