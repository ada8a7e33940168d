import { describe, expect, it } from 'vitest';
import { finish, runInSlices, Stopped, type Steps } from '../../src/util/stepwise.js';

/** `count` steps of about `stepMs` of busy work each, counting the steps run. */
function* busy(count: number, stepMs: number, ran: { steps: number }): Steps<number> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until);
    ran.steps++;
    yield;
  }
  return count;
}

describe('stepwise', () => {
  it('finish runs every step at once', () => {
    const ran = { steps: 0 };
    expect(finish(busy(5, 0, ran))).toBe(5);
    expect(ran.steps).toBe(5);
  });

  it('lets the event loop run between slices, so a callback queued by a step runs before the end', async () => {
    const ran = { steps: 0 };
    let stepsWhenCalled: number | undefined;
    function* queuing(): Steps<number> {
      setImmediate(() => (stepsWhenCalled = ran.steps));
      return yield* busy(20, 2, ran);
    }
    expect(await runInSlices(queuing(), new AbortController().signal, 5)).toBe(20);
    expect(stepsWhenCalled).toBeGreaterThan(0);
    expect(stepsWhenCalled).toBeLessThan(20);
  });

  it('stops at the next slice once aborted', async () => {
    const ran = { steps: 0 };
    const controller = new AbortController();
    const run = runInSlices(busy(1000, 1, ran), controller.signal, 3);
    setImmediate(() => controller.abort());
    await expect(run).rejects.toBeInstanceOf(Stopped);
    expect(ran.steps).toBeLessThan(1000);
  });
});
