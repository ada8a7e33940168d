/** The bench's rank-sum test, which decides whether a patch's gain is beyond the noise. */
import { expect, it } from 'vitest';
import { rankSumPValue } from '../../bench/stats.js';

it('gives the exact chance of a complete separation: one ordering in C(m+n, m)', () => {
  expect(rankSumPValue([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toBeCloseTo(1 / 252, 10);
  expect(rankSumPValue([1, 2], [3, 4])).toBeCloseTo(1 / 6, 10);
  expect(rankSumPValue([1, 2, 3], [4])).toBeCloseTo(1 / 4, 10);
});

it('counts one pair out of order as the orderings at least that extreme', () => {
  // U = 1: C(10,5) = 252 orderings, 1 with U = 0 and 1 with U = 1.
  expect(rankSumPValue([1, 2, 3, 4, 6], [5, 7, 8, 9, 10])).toBeCloseTo(2 / 252, 10);
  // U = 2 (5 and 6 below 7): orderings with U = 0, 1 and 2 (two of those).
  expect(rankSumPValue([1, 2, 3, 4, 7], [5, 6, 8, 9, 10])).toBeCloseTo(4 / 252, 10);
});

it('finds no effect in the reverse direction or in interleaved samples', () => {
  expect(rankSumPValue([6, 7, 8, 9, 10], [1, 2, 3, 4, 5])).toBe(1);
  expect(rankSumPValue([1, 3, 5, 7, 9], [2, 4, 6, 8, 10])).toBeGreaterThan(0.3);
});

it('finds a small shift in larger samples that overlap at their ends', () => {
  const base = Array.from({ length: 15 }, (_, i) => 250 + i * 6);
  const shifted = base.map((v) => v + 30);
  expect(Math.min(...shifted)).toBeLessThan(Math.max(...base));
  expect(rankSumPValue(base, shifted)).toBeLessThan(0.01);
});

it('refuses an empty sample', () => {
  expect(() => rankSumPValue([], [1])).toThrow(/empty/);
});
