/** The bench's garbage-collector figures: collections, pauses and allocated bytes from V8's GC profiler output. */
import { expect, it } from 'vitest';
import { describeGc, summarizeGc } from '../../bench/gc.js';

const used = (usedHeapSize: number) => ({ heapStatistics: { usedHeapSize } });

it('counts collections by type, sums their pauses and the bytes allocated between them', () => {
  const summary = summarizeGc({
    usedAtStart: 1_000,
    usedAtEnd: 1_700,
    statistics: [
      { gcType: 'Scavenge', cost: 500, beforeGC: used(3_000), afterGC: used(1_200) },
      { gcType: 'Scavenge', cost: 700, beforeGC: used(2_200), afterGC: used(1_100) },
      { gcType: 'MarkSweepCompact', cost: 2_500, beforeGC: used(1_500), afterGC: used(900) },
    ],
  });
  expect(summary).toEqual({
    collections: 3,
    byType: { Scavenge: 2, MarkSweepCompact: 1 },
    pauseMs: 3.7,
    maxPauseMs: 2.5,
    // 2,000 before the first, 1,000 and 400 between collections, 800 after the last.
    allocatedBytes: 4_200,
  });
  expect(describeGc(summary, { count: 2, unit: 'key' })).toBe(
    '3 collections (2 Scavenge, 1 MarkSweepCompact), 3.7 ms of pauses (longest 2.5 ms), 0.0 MB allocated (0.0 MB a key)',
  );
});

it('reads a span without collections as the growth of the heap', () => {
  const summary = summarizeGc({ usedAtStart: 5_000, usedAtEnd: 2 * 1024 * 1024 + 5_000 });
  expect(summary).toMatchObject({ collections: 0, pauseMs: 0, allocatedBytes: 2 * 1024 * 1024 });
  expect(describeGc(summary)).toBe('0 collections, 0.0 ms of pauses, 2.0 MB allocated');
});

it('refuses a file that is not the preload’s', () => {
  expect(() => summarizeGc({ statistics: [] })).toThrow();
});
