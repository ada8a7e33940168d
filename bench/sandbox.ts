/**
 * The standalone sandbox the benchmarks talk to, started in this process from the built app (dist/src/sandbox).
 * In-process because the connection count (P5) is only available from the handle; the sandbox does little work
 * per request, so sharing the event loop with the pty reader costs little. Both contestants (ec-access and the
 * Python scripts) reach it over loopback TCP, as they would a real API.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../test/e2e/harness.js';
import { NotMeasured } from './result.js';

export interface SandboxOptions {
  readonly scale?: string;
  readonly latencyMs?: number;
  readonly seed?: number;
  /** Anything else the sandbox accepts (e.g. a member count), passed through unchanged. */
  readonly [option: string]: unknown;
}

export interface BenchSandbox {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** TCP connections accepted so far; undefined when this sandbox build does not count them. */
  connectionsSeen(): number | undefined;
  stop(): Promise<void>;
}

interface SandboxHandle {
  readonly baseUrl: string;
  readonly ownerKey: string;
  connectionsSeen?: () => number;
  stop(): Promise<void> | void;
}

type StartSandbox = (options: Record<string, unknown>) => Promise<SandboxHandle>;

let loaded: Promise<StartSandbox> | undefined;

async function loadStartSandbox(): Promise<StartSandbox> {
  const file = join(repoRoot(), 'dist', 'src', 'sandbox', 'index.js');
  if (!existsSync(file))
    throw new NotMeasured(
      'the sandbox is not built (dist/src/sandbox/index.js is missing; src/sandbox/index.ts must export startSandbox)',
    );
  const mod = (await import(pathToFileURL(file).href)) as { startSandbox?: unknown };
  if (typeof mod.startSandbox !== 'function')
    throw new NotMeasured('dist/src/sandbox/index.js does not export startSandbox');
  return mod.startSandbox as StartSandbox;
}

export async function startBenchSandbox(options: SandboxOptions = {}): Promise<BenchSandbox> {
  loaded ??= loadStartSandbox();
  const start = await loaded;
  const handle = await start({ port: 0, seed: 1, ...options });
  return {
    baseUrl: handle.baseUrl,
    apiKey: handle.ownerKey,
    connectionsSeen: () => handle.connectionsSeen?.(),
    stop: async () => {
      await handle.stop();
    },
  };
}

/** Run `body` against a fresh sandbox and always stop it. */
export async function withSandbox<T>(options: SandboxOptions, body: (sandbox: BenchSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startBenchSandbox(options);
  try {
    return await body(sandbox);
  } finally {
    await sandbox.stop();
  }
}
