/**
 * Preloaded into ec-access by the bench (`node --import`): appends the event loop's busy and idle time so far to
 * BENCH_BUSY_FILE every few milliseconds, so the bench can say how much of a measured span the process spent
 * working rather than waiting. Nothing happens without the variable.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env['BENCH_BUSY_FILE'];
if (file) {
  const timer = setInterval(() => {
    const { active, idle } = performance.eventLoopUtilization();
    appendFileSync(file, `${JSON.stringify({ at: performance.timeOrigin + performance.now(), active, idle })}\n`);
  }, 5);
  timer.unref();
}
