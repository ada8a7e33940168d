/**
 * The bench's own garbage collector. The clock that times a keystroke runs in this process, beside the pty reader,
 * the terminal emulator and the sandbox; a collection here while a frame is on its way is counted as the app's
 * latency. `npm run bench` starts node with --expose-gc and a young generation large enough for one session's
 * typing, so the timed span starts from a clean heap; the collections that still fall in it are reported.
 */
import { PerformanceObserver } from 'node:perf_hooks';

export interface HarnessGc {
  readonly collections: number;
  readonly pauseMs: number;
}

/** Collects now when node was started with --expose-gc (say so when it was not: the figures are then noisier). */
export function collectHarnessGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}

/** Watches this process's collections until `stop()`. */
export function watchHarnessGc(): { stop(): Promise<HarnessGc> } {
  let collections = 0;
  let pauseMs = 0;
  const count = (entries: readonly { duration: number }[]) => {
    for (const entry of entries) {
      collections += 1;
      pauseMs += entry.duration;
    }
  };
  const observer = new PerformanceObserver((list) => count(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // Entries are delivered after a collection, asynchronously: a turn of the event loop, then what is still queued.
      await new Promise((resolve) => setTimeout(resolve, 0));
      count(observer.takeRecords());
      observer.disconnect();
      return { collections, pauseMs };
    },
  };
}
