/**
 * How busy ec-access was until a moment the bench observed: the event loop's active and idle time from its start,
 * read from what bench/busy-preload.ts wrote. A process that is busy nearly all the time is limited by its own work
 * (start-up, loading, rendering), not by the round trips it waits for.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ms } from './stats.js';

/** The compiled preload, for `--import`. */
export const BUSY_PRELOAD = fileURLToPath(new URL('./busy-preload.js', import.meta.url));

/** One line of what busy-preload.ts writes. */
const Sample = z.object({ at: z.number(), active: z.number(), idle: z.number() });

export interface Busy {
  readonly active: number;
  readonly idle: number;
}

/** The last sample written at or before `until` (epoch ms); undefined when none was. */
export function busyUntil(file: string, until: number): Busy | undefined {
  if (!existsSync(file)) return undefined;
  const samples = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => Sample.parse(JSON.parse(l)));
  const last = samples.filter((s) => s.at <= until).at(-1);
  return last && { active: last.active, idle: last.idle };
}

/** A session to watch: what to start ec-access with, and what it wrote. Its folder also takes a --cpu-prof profile. */
export interface BusyWatch {
  readonly dir: string;
  readonly nodeArgs: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** How busy the process was up to now (or `until`, epoch ms). */
  seen(until?: number): Busy | undefined;
}

export async function withBusyWatch<T>(run: (watch: BusyWatch) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ec-bench-busy-'));
  const file = join(dir, 'busy.jsonl');
  try {
    return await run({
      dir,
      nodeArgs: ['--import', BUSY_PRELOAD],
      env: { BENCH_BUSY_FILE: file },
      seen: (until = performance.timeOrigin + performance.now()) => busyUntil(file, until),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeBusy(busy: Busy | undefined, span: string): string {
  if (!busy) return 'not measured (no busy samples were written)';
  const share = busy.active / Math.max(1, busy.active + busy.idle);
  return `the process was working ${Math.round(share * 100)}% of the time ${span} (busy ${ms(busy.active)}, idle ${ms(busy.idle)}, from the event loop's start)`;
}
