/**
 * The bench's own garbage collector. The clock that times a keystroke runs in this process, beside the pty reader,
 * the terminal emulator and the sandbox; a collection here while a frame is on its way is counted as the app's
 * latency. `npm run bench` starts node with --expose-gc and a young generation large enough for one session's
 * typing, so the timed span starts from a clean heap; the collections that still fall in it are reported.
 */
import { getHeapStatistics, GCProfiler } from 'node:v8';
import { summarizeGc, type GcSummary } from './gc.js';

/** Collects now when node was started with --expose-gc (say so when it was not: the figures are then noisier). */
export function collectHarnessGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}

/** Watches this process's collections until `stop()`, with V8's GC profiler as gc-preload.ts watches the app's. */
export function watchHarnessGc(): { stop(): GcSummary } {
  const profiler = new GCProfiler();
  profiler.start();
  const usedAtStart = getHeapStatistics().used_heap_size;
  return {
    stop: () =>
      summarizeGc({
        usedAtStart,
        usedAtEnd: getHeapStatistics().used_heap_size,
        statistics: profiler.stop()?.statistics,
      }),
  };
}
