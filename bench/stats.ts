/** The few statistics the benchmark reports, and how numbers are printed. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function ms(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

export const sleep = (delay: number) => new Promise<void>((resolve) => setTimeout(resolve, delay));

/**
 * One-sided p-value of the Mann–Whitney rank-sum test that `higher` tends to be larger than `lower`: the chance that
 * samples drawn from one and the same distribution would be at least this far apart. Exact (by counting
 * orderings), so it holds for the few sessions a bench takes; a tie counts half. Unlike "the ranges do not
 * overlap", it does not get stricter as sessions are added.
 */
export function rankSumPValue(lower: readonly number[], higher: readonly number[]): number {
  const m = lower.length;
  const n = higher.length;
  if (m === 0 || n === 0) throw new Error('rank-sum test of an empty sample');
  // U: pairs in which the `higher` value is not above the `lower` one. Small U is evidence for the effect.
  let u = 0;
  for (const h of higher) for (const l of lower) u += h < l ? 1 : h === l ? 0.5 : 0;
  // ways[i][j][k]: orderings of i lower and j higher values with U = k (standard recurrence on the largest value).
  let prev: number[][] = [];
  for (let i = 0; i <= m; i++) {
    const row: number[][] = [];
    for (let j = 0; j <= n; j++) {
      const counts = new Array<number>(i * j + 1).fill(0);
      if (i === 0 || j === 0) counts[0] = 1;
      else {
        // The largest value is a `lower` one: it is above all j `higher` values, adding j to U.
        prev[j]!.forEach((c, k) => (counts[k + j]! += c));
        // The largest is a `higher` one: it adds nothing.
        row[j - 1]!.forEach((c, k) => (counts[k]! += c));
      }
      row.push(counts);
    }
    prev = row;
  }
  const counts = prev[n]!;
  const total = counts.reduce((a, b) => a + b, 0);
  let atMost = 0;
  for (let k = 0; k <= Math.floor(u); k++) atMost += counts[k]!;
  return atMost / total;
}
