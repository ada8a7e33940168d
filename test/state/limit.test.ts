import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/state/limit.js';

describe('createLimiter', () => {
  it('runs at most max tasks at once, the rest in arrival order, and passes results and failures through', async () => {
    const run = createLimiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const release: Array<() => void> = [];
    const task = (n: number) =>
      run(async () => {
        started.push(n);
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => release.push(resolve));
        active -= 1;
        if (n === 3) throw new Error('three');
        return n * 10;
      });
    const results = [1, 2, 3, 4, 5].map((n) => task(n).catch((e: Error) => e.message));
    // One macrotask: every promise already queued has settled (the tasks wait on nothing but `release`).
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(started).toEqual([1, 2]);
    while (release.length > 0 || started.length < 5) {
      release.shift()?.();
      await tick();
    }
    expect(await Promise.all(results)).toEqual([10, 20, 'three', 40, 50]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
