/**
 * Preloaded into ec-access by the bench (`node --import`) to watch the garbage collector over a span the bench
 * chooses: the first SIGUSR2 starts V8's GC profiler (and writes BENCH_GC_FILE.started), the second stops it and
 * writes every collection it saw to BENCH_GC_FILE. Signals, not a timer, so the span is exactly the one measured
 * (P3's typing) and nothing runs in the app between them. Nothing happens without the variable.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { getHeapStatistics, GCProfiler } from 'node:v8';

const file = process.env['BENCH_GC_FILE'];
if (file) {
  let running: { profiler: GCProfiler; usedAtStart: number } | undefined;
  process.on('SIGUSR2', () => {
    if (!running) {
      const profiler = new GCProfiler();
      profiler.start();
      running = { profiler, usedAtStart: getHeapStatistics().used_heap_size };
      writeFileSync(`${file}.started`, '');
      return;
    }
    const { profiler, usedAtStart } = running;
    running = undefined;
    const profile = profiler.stop();
    // Renamed into place, so the bench never reads a half-written file.
    writeFileSync(
      `${file}.part`,
      JSON.stringify({ usedAtStart, usedAtEnd: getHeapStatistics().used_heap_size, statistics: profile?.statistics }),
    );
    renameSync(`${file}.part`, file);
  });
}
