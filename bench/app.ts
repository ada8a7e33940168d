/** ec-access in a pty, pointed at the benchmark's sandbox as if it were the real Cloud API. */
import { launch, type PtyApp } from '../test/e2e/harness.js';
import { NotMeasured } from './result.js';
import type { BenchSandbox } from './sandbox.js';

export interface Launched {
  readonly app: PtyApp;
  /** performance.now() just before the process was spawned. */
  readonly startedAt: number;
}

export async function launchAgainst(
  sandbox: BenchSandbox,
  args: readonly string[] = [],
  options: { cols?: number; rows?: number; nodeArgs?: readonly string[]; env?: Readonly<Record<string, string>> } = {},
): Promise<Launched> {
  const startedAt = performance.now();
  // stderr goes to a file so a crash during a measurement can be reported (and does not land in the frame).
  const app = await launch({
    args,
    cols: options.cols ?? 120,
    rows: options.rows ?? 40,
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    captureStderr: true,
    // What `ec-access sandbox` prints for its clients: the sandbox speaks HTTP/2 in clear text, as the real API does over TLS.
    // FORCE_COLOR: the harness's CI=false would make chalk drop every colour and style, which a user's terminal has.
    env: {
      EC_BASE_URL: sandbox.baseUrl,
      EC_API_KEY: sandbox.apiKey,
      EC_HTTP2: 'h2c',
      FORCE_COLOR: '3',
      ...options.env,
    },
  });
  return { app, startedAt };
}

/** Throws a readable error when the app is gone: a figure from a crashed session means nothing. */
export function assertAlive(app: PtyApp, during: string): void {
  if (app.isAlive()) return;
  throw new Error(
    `ec-access exited during ${during}; stderr: ${app.stderr().trim().split('\n').slice(0, 3).join(' / ') || '(empty)'}`,
  );
}

/** Peak resident set size (VmHWM) of a live process, in bytes; throws saying why when it cannot be read. */
export async function peakRss(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch (error) {
    throw new NotMeasured(`cannot read /proc/${pid}/status: ${error instanceof Error ? error.message : String(error)}`);
  }
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kb) throw new NotMeasured(`no VmHWM line in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** Rows shown by a list title: 12 in ` Members[12/1000]` (filtered), 1000 in ` Members[1000]`. */
export function shownCount(screen: string, title: string): number | undefined {
  const match = new RegExp(`${title}\\[(\\d+)(?:/\\d+)?\\]`).exec(screen);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** The number in a list title such as ` Members[1000]`; with a filter (` Members[12/1000]`), the whole list's. */
export function listCount(screen: string, title: string): number | undefined {
  const match = new RegExp(`${title}\\[(?:\\d+/)?(\\d+)\\]`).exec(screen);
  return match?.[1] ? Number(match[1]) : undefined;
}
