/** The bench watches its own garbage collector over P3's typing, since its clock runs in the same process. */
import { expect, it } from 'vitest';
import { collectHarnessGarbage, watchHarnessGc } from '../../bench/harness-gc.js';

it('counts the collections and pauses of this process while watched', () => {
  const watch = watchHarnessGc();
  // Short-lived garbage well past any young generation: collections must happen.
  let kept = 0;
  for (let i = 0; i < 200; i++) kept += new Array(100_000).fill(i).length;
  const seen = watch.stop();
  expect(kept).toBe(20_000_000);
  expect(seen.collections).toBeGreaterThan(0);
  expect(seen.pauseMs).toBeGreaterThan(0);
});

it('says whether it could collect: only with node --expose-gc', () => {
  const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
  expect(collectHarnessGarbage()).toBe(exposed);
});
