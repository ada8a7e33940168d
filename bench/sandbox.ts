/**
 * The standalone sandbox the benchmarks talk to, started in this process from the built app (dist/src/sandbox).
 * In-process because the connection count (P5) is only available from the handle; the sandbox does little work
 * per request, so sharing the event loop with the pty reader costs little. Both contestants (ec-access and the
 * Python scripts) reach it over loopback TCP, as they would a real API.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
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

type StartSandbox = (options: Record<string, unknown>) => Promise<BenchSandbox>;

let loaded: Promise<StartSandbox> | undefined;

/** startSandbox from the built app. Its types are not compiled here (see above), so what it answers is checked. */
async function loadStartSandbox(): Promise<StartSandbox> {
  const file = join(repoRoot(), 'dist', 'src', 'sandbox', 'index.js');
  if (!existsSync(file))
    throw new NotMeasured(
      'the sandbox is not built (dist/src/sandbox/index.js is missing; src/sandbox/index.ts must export startSandbox)',
    );
  const mod: unknown = await import(pathToFileURL(file).href);
  const start = methodOf(mod, 'startSandbox');
  if (!start) throw new NotMeasured('dist/src/sandbox/index.js does not export startSandbox');
  return async (options) => benchSandbox(await start(options));
}

const HandleFields = z.looseObject({ baseUrl: z.string(), ownerKey: z.string() });

function benchSandbox(handle: unknown): BenchSandbox {
  const fields = HandleFields.safeParse(handle);
  const stop = methodOf(handle, 'stop');
  if (!fields.success || !stop) throw new NotMeasured('startSandbox answered something that is not a sandbox handle');
  const connectionsSeen = methodOf(handle, 'connectionsSeen');
  return {
    baseUrl: fields.data.baseUrl,
    apiKey: fields.data.ownerKey,
    connectionsSeen: () => {
      const seen = connectionsSeen?.();
      return typeof seen === 'number' ? seen : undefined;
    },
    stop: async () => {
      await stop();
    },
  };
}

/** `target[name]` bound to `target`, when it is a function. */
function methodOf(target: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const method: unknown = Reflect.get(target, name);
  if (typeof method !== 'function') return undefined;
  return (...args) => {
    const result: unknown = Reflect.apply(method, target, args);
    return result;
  };
}

export async function startBenchSandbox(options: SandboxOptions = {}): Promise<BenchSandbox> {
  loaded ??= loadStartSandbox();
  const start = await loaded;
  return start({ port: 0, seed: 1, ...options });
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
