/**
 * Knobs of the benchmark run, with environment overrides so a slow machine or a quick check can change them
 * without editing code (BENCH_RUNS=3 npm run bench).
 */
const int = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const CONFIG = {
  /** Runs per side for the timed comparisons (P1, P2, P6); the median is reported. */
  runs: int('BENCH_RUNS', 5),
  /** Runs per command for P7, whose differences are a few milliseconds. */
  startRuns: int('BENCH_START_RUNS', 20),
  /** The project whose audience P1 opens (a seeded sandbox project). */
  project: process.env.BENCH_PROJECT ?? 'search-prod',
  /** Injected per-request latency for P1. */
  latencyMs: int('BENCH_LATENCY_MS', 50),
  /** Sandbox options for P2's 1,000 members. */
  p2Sandbox: { scale: process.env.BENCH_P2_SCALE ?? 'medium' },
  /** Sandbox options for P3/P4's 10,000 members. */
  largeSandbox: { scale: 'large' },
  /** Keystrokes P3 types into the filter, in rounds (each round is typed, then erased). */
  filterQueries: (process.env.BENCH_FILTER_QUERIES ?? 'alex,son,example,dev').split(','),
};
