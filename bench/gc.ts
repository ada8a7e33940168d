/**
 * The garbage collector's share of a span of ec-access's life, from what bench/gc-preload.ts wrote: how many
 * collections of which kind, their pauses (main-thread time, as V8's GC profiler measures it), and how many bytes
 * the program allocated meanwhile (what each collection found in use before it, less what the previous one left).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { mb, ms, sleep } from './stats.js';

/** The compiled preload, for `--import`. */
export const GC_PRELOAD = fileURLToPath(new URL('./gc-preload.js', import.meta.url));

const Used = z.object({ heapStatistics: z.object({ usedHeapSize: z.number() }) });
/** What gc-preload.ts writes: V8's GCProfiler statistics (cost in µs) between the heap in use at start and end. */
const GcFile = z.object({
  usedAtStart: z.number(),
  usedAtEnd: z.number(),
  statistics: z.array(z.object({ gcType: z.string(), cost: z.number(), beforeGC: Used, afterGC: Used })).default([]),
});

export interface GcSummary {
  readonly collections: number;
  /** Collections by V8's type name (Scavenge, MarkSweepCompact, IncrementalMarking, …). */
  readonly byType: Readonly<Record<string, number>>;
  readonly pauseMs: number;
  readonly maxPauseMs: number;
  readonly allocatedBytes: number;
}

export function summarizeGc(raw: unknown): GcSummary {
  const { usedAtStart, usedAtEnd, statistics } = GcFile.parse(raw);
  const byType: Record<string, number> = {};
  let pauseUs = 0;
  let maxPauseUs = 0;
  let allocated = 0;
  let left = usedAtStart;
  for (const gc of statistics) {
    byType[gc.gcType] = (byType[gc.gcType] ?? 0) + 1;
    pauseUs += gc.cost;
    maxPauseUs = Math.max(maxPauseUs, gc.cost);
    allocated += Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - left);
    left = gc.afterGC.heapStatistics.usedHeapSize;
  }
  allocated += Math.max(0, usedAtEnd - left);
  return {
    collections: statistics.length,
    byType,
    pauseMs: pauseUs / 1000,
    maxPauseMs: maxPauseUs / 1000,
    allocatedBytes: allocated,
  };
}

/** "12 collections (11 Scavenge, 1 MarkSweepCompact), 9.1 ms of pauses (longest 2.3 ms), 41.0 MB allocated (1.2 MB a key)" */
export function describeGc(gc: GcSummary, perUnit?: { count: number; unit: string }): string {
  const types = Object.entries(gc.byType)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
  const each = perUnit && perUnit.count > 0 ? ` (${mb(gc.allocatedBytes / perUnit.count)} a ${perUnit.unit})` : '';
  return (
    `${gc.collections} collections${types ? ` (${types})` : ''}, ${ms(gc.pauseMs)} of pauses` +
    (gc.collections ? ` (longest ${ms(gc.maxPauseMs)})` : '') +
    `, ${mb(gc.allocatedBytes)} allocated${each}`
  );
}

/** A session to watch: what to start ec-access with, then start() and stop() around the span of interest. */
export interface GcWatch {
  readonly nodeArgs: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  start(pid: number): Promise<void>;
  stop(pid: number): Promise<GcSummary>;
}

async function appeared(file: string, what: string): Promise<void> {
  for (let waited = 0; !existsSync(file); waited += 5) {
    if (waited > 5_000) throw new Error(`the GC watch did not answer (${what})`);
    await sleep(5);
  }
}

export async function withGcWatch<T>(run: (watch: GcWatch) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ec-bench-gc-'));
  const file = join(dir, 'gc.json');
  try {
    return await run({
      nodeArgs: ['--import', GC_PRELOAD],
      env: { BENCH_GC_FILE: file },
      async start(pid) {
        process.kill(pid, 'SIGUSR2');
        await appeared(`${file}.started`, 'start');
      },
      async stop(pid) {
        process.kill(pid, 'SIGUSR2');
        await appeared(file, 'stop');
        return summarizeGc(JSON.parse(readFileSync(file, 'utf8')));
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
