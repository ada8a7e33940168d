/**
 * BENCH_PATCHES=compare: what each build-time dependency patch (scripts/dependency-patches.mjs) is worth. The bundle
 * is built once more per patch with that patch alone switched off (EC_PATCHES_OFF, into dist/variants), and once
 * with all of them off; each build then runs the rows its patch claims to help, in rounds (every build once per
 * round, the order rotated) so a busy spell of the machine falls on all of them alike. A patch is worth keeping when
 * its gain is beyond the noise: every session without it did worse than every session with it.
 *
 * Figures per session, the main thread's CPU time (from /proc) beside the clock, because the clock moves with
 * whatever else the machine runs:
 * - P2 cold start: spawn → the members list with rows (1,000 members); wall and CPU time until then.
 * - P3 keystroke: the filter typed and erased over 10,000 members, one key at a time as P3 does; p95 of the frame
 *   times, and CPU time per key.
 * - P4 memory: peak RSS after visiting every screen of the large organization.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitForList, type ScreenName } from '../test/e2e/app-screen.js';
import { binPath, launchProgram, repoRoot, type PtyApp } from '../test/e2e/harness.js';
import { peakRss } from './app.js';
import { CONFIG } from './config.js';
import { cpuMs } from './process.js';
import { withSandbox, type BenchSandbox } from './sandbox.js';
import { mb, median, ms, percentile, rankSumPValue, sleep } from './stats.js';

type Row = 'P2' | 'P3' | 'P4';

/** The rows each patch is there for (its comment in scripts/dependency-patches.mjs says why). */
const CLAIMS: Readonly<Record<string, readonly Row[]>> = {
  'tokenize-char-literal': ['P3', 'P4'],
  'tokenize-line-diff': ['P3'],
  'tokenize-graphemes': ['P3'],
  'yoga-no-fetch': ['P2'],
  'string-width-narrow': ['P3'],
};
const ALL_ROWS: readonly Row[] = ['P2', 'P3', 'P4'];

interface Figure {
  readonly name: string;
  /** Lower is better. */
  readonly format: (value: number) => string;
}

const FIGURES: Readonly<Record<Row, readonly Figure[]>> = {
  P2: [
    { name: 'cold start, wall', format: ms },
    { name: 'cold start, CPU', format: ms },
  ],
  P3: [
    { name: 'keystroke p95, wall', format: ms },
    { name: 'CPU per keystroke', format: ms },
  ],
  P4: [{ name: 'peak RSS', format: mb }],
};

interface Variant {
  readonly off: readonly string[];
  readonly bin: string;
  readonly rows: readonly Row[];
  /** Per row, per figure, one value per session. */
  readonly samples: Map<Row, number[][]>;
}

/** The patch names scripts/dependency-patches.mjs exports (it is plain JS beside the build, not compiled here). */
async function patchNames(): Promise<string[]> {
  const mod: unknown = await import(pathToFileURL(join(repoRoot(), 'scripts', 'dependency-patches.mjs')).href);
  const names: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'PATCH_NAMES') : undefined;
  if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string'))
    throw new Error('scripts/dependency-patches.mjs exports no PATCH_NAMES list');
  return names;
}

/** Builds the bundle without `off` (dist/src must be current: npm run bench builds it first); its launcher. */
function buildWithout(off: readonly string[]): string {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'scripts', 'bundle.mjs')], {
    cwd: repoRoot(),
    env: { ...process.env, EC_PATCHES_OFF: off.join(',') },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`EC_PATCHES_OFF=${off.join(',')} build failed: ${result.stderr.trim()}`);
  // bundle.mjs ends with "built without <names>: <launcher>".
  const launcher = /^built without .*: (.+)$/m.exec(result.stdout)?.[1];
  if (!launcher) throw new Error(`EC_PATCHES_OFF=${off.join(',')} build named no launcher: ${result.stdout.trim()}`);
  return launcher;
}

/** BENCH_PATCH_GROUPS=a+b;c: sets of patches switched off together (say, all those a first run found no gain in). */
function groups(names: readonly string[]): string[][] {
  const sets = (process.env.BENCH_PATCH_GROUPS ?? '')
    .split(';')
    .map((group) =>
      group
        .split('+')
        .map((n) => n.trim())
        .filter(Boolean),
    )
    .filter((group) => group.length > 0);
  const unknown = sets.flat().filter((n) => !names.includes(n));
  if (unknown.length > 0) throw new Error(`BENCH_PATCH_GROUPS: no patch named ${unknown.join(', ')}`);
  return sets;
}

/** A launcher in a pty against the sandbox, with the environment bench/app.ts gives the shipped one. */
function launchBin(bin: string, sandbox: BenchSandbox): Promise<PtyApp> {
  return launchProgram({
    file: process.execPath,
    args: [bin],
    cols: 120,
    rows: 40,
    captureStderr: true,
    env: {
      EC_BASE_URL: sandbox.baseUrl,
      EC_API_KEY: sandbox.apiKey,
      EC_HTTP2: 'h2c',
      FORCE_COLOR: '3',
    },
  });
}

async function coldStart(bin: string, sandbox: BenchSandbox): Promise<number[]> {
  const started = performance.now();
  const app = await launchBin(bin, sandbox);
  try {
    await waitForList(app, 'Members', { pollMs: 2, timeoutMs: 15_000 });
    return [performance.now() - started, cpuMs(app.pid)];
  } finally {
    await app.close();
  }
}

const QUIET_MS = 25;

/** The P3 session (measures/filter-latency.ts): each key sent once the previous frame is complete and quiet. */
async function keystrokes(bin: string, sandbox: BenchSandbox): Promise<number[]> {
  const app = await launchBin(bin, sandbox);
  try {
    await waitForList(app, 'Members', { timeoutMs: 30_000 });
    await app.press('/');
    await app.settle({ firstMs: 100, quietMs: QUIET_MS });
    const complete: number[] = [];
    const cpuBefore = cpuMs(app.pid);
    for (const query of CONFIG.filterQueries) {
      for (const key of [...query, ...[...query].map(() => '\x7f')]) {
        await sleep(QUIET_MS);
        const sentAt = performance.now();
        app.write(key);
        if ((await app.nextOutputAt(1000)) === undefined) continue;
        await app.settle({ firstMs: 0, quietMs: QUIET_MS });
        complete.push(app.lastOutputAt() - sentAt);
      }
    }
    if (complete.length === 0) throw new Error(`${bin}: no keystroke produced a frame`);
    return [percentile(complete, 95), (cpuMs(app.pid) - cpuBefore) / complete.length];
  } finally {
    await app.close();
  }
}

const SCREENS: ReadonlyArray<[string, ScreenName]> = [
  ['1', 'Members'],
  ['2', 'Projects'],
  ['3', 'Roles'],
  ['4', 'Keys'],
];

/** The P4 session (measures/memory.ts): every screen, then a details view. */
async function memory(bin: string, sandbox: BenchSandbox): Promise<number[]> {
  const app = await launchBin(bin, sandbox);
  try {
    for (const [key, screen] of SCREENS) {
      await app.press(key);
      await waitForList(app, screen, { timeoutMs: 30_000 });
    }
    await app.press('enter');
    await app.settle({ firstMs: 200, quietMs: 200 });
    return [await peakRss(app.pid)];
  } finally {
    await app.close();
  }
}

const SESSIONS: Readonly<Record<Row, (bin: string, sandbox: BenchSandbox) => Promise<number[]>>> = {
  P2: coldStart,
  P3: keystrokes,
  P4: memory,
};

function record(variant: Variant, row: Row, values: readonly number[]): void {
  const figures = variant.samples.get(row) ?? FIGURES[row].map(() => []);
  values.forEach((value, i) => figures[i]?.push(value));
  variant.samples.set(row, figures);
}

/** Every variant that runs `row` once, in an order rotated by `round`. */
async function runRound(variants: readonly Variant[], row: Row, round: number, sandbox: BenchSandbox): Promise<void> {
  const taking = variants.filter((v) => v.rows.includes(row));
  for (let i = 0; i < taking.length; i++) {
    const variant = taking[(i + round) % taking.length]!;
    record(variant, row, await SESSIONS[row](variant.bin, sandbox));
  }
}

/** The chance level below which a gain counts as beyond the noise (one-sided rank-sum test). */
const ALPHA = 0.01;

/**
 * How `without` compares with `withPatch`: the gain (how much worse the median is without), and whether sessions
 * without the patch are worse beyond what chance would give (rank-sum p below ALPHA), with the p-value.
 */
function verdict(withPatch: readonly number[], without: readonly number[]): { gain: number; beyondNoise: string } {
  const gain = median(without) - median(withPatch);
  const worse = rankSumPValue(withPatch, without);
  if (worse < ALPHA) return { gain, beyondNoise: `yes (p = ${worse.toFixed(3)})` };
  const better = rankSumPValue(without, withPatch);
  if (better < ALPHA) return { gain, beyondNoise: `no: worse with it (p = ${better.toFixed(3)})` };
  return { gain, beyondNoise: `no (p = ${worse.toFixed(2)})` };
}

const cell = (values: readonly number[], format: (v: number) => string) =>
  `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;

function table(variants: readonly Variant[], names: readonly string[]): string[] {
  const shipped = variants[0]!;
  const lines = [
    '| without | row | figure | with all patches | without | gain | beyond the noise? |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const variant of variants.slice(1)) {
    for (const row of variant.rows) {
      FIGURES[row].forEach((figure, i) => {
        const withPatch = shipped.samples.get(row)?.[i] ?? [];
        const without = variant.samples.get(row)?.[i] ?? [];
        if (withPatch.length === 0 || without.length === 0) return;
        const { gain, beyondNoise } = verdict(withPatch, without);
        lines.push(
          `| ${variant.off.length === names.length ? 'all' : variant.off.join(' + ')} | ${row} | ${figure.name} | ${cell(withPatch, figure.format)} | ` +
            `${cell(without, figure.format)} | ${gain < 0 ? '−' : ''}${figure.format(Math.abs(gain))} | ${beyondNoise} |`,
        );
      });
    }
  }
  return lines;
}

async function compare(runs: number): Promise<string[]> {
  const names = await patchNames();
  const unclaimed = names.filter((n) => !CLAIMS[n]);
  const variant = (off: readonly string[], bin: string, rows: readonly Row[]): Variant => ({
    off,
    bin,
    rows,
    samples: new Map(),
  });
  process.stdout.write(`\ndependency patches: building the bundles without them … `);
  const variants = [
    variant([], binPath(), ALL_ROWS),
    ...names.map((n) => variant([n], buildWithout([n]), CLAIMS[n] ?? ALL_ROWS)),
    ...groups(names).map((group) => variant(group, buildWithout(group), ALL_ROWS)),
    variant(names, buildWithout(names), ALL_ROWS),
  ];
  process.stdout.write('done\n');
  for (const row of ALL_ROWS) {
    const started = performance.now();
    process.stdout.write(`dependency patches, ${row} … `);
    // Starts are cheap and their differences small: P2 takes three times the sessions.
    const rounds = row === 'P2' ? 3 * runs : runs;
    await withSandbox(row === 'P2' ? CONFIG.p2Sandbox : CONFIG.largeSandbox, async (sandbox) => {
      for (let round = 0; round < rounds; round++) await runRound(variants, row, round, sandbox);
    });
    process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return [
    `Each build ran ${runs} sessions per row (P2: ${3 * runs}), in rounds; figures are medians (range). "without" is the bundle built ` +
      'with that patch alone switched off (EC_PATCHES_OFF=name), "all" with every one off. The gain is how much ' +
      'worse the median is without the patch; it is beyond the noise when a one-sided rank-sum test (Mann–Whitney, ' +
      `exact) says sessions without the patch are worse with p below ${ALPHA}: with 5 sessions a side, at most one ` +
      'pair out of order. Each patch is measured on the rows it claims to help (bench/patches.ts); ' +
      'a group (BENCH_PATCH_GROUPS) and "all" on every row. CPU is the main thread\'s (JavaScript, layout, ' +
      'rendering), from the scheduler; the clock moves with whatever else the machine runs.',
    ...(unclaimed.length ? ['', `Claiming no row, so measured on all: ${unclaimed.join(', ')}.`] : []),
    '',
    ...table(variants, names),
  ];
}

/**
 * The "Dependency patches" section of bench/RESULTS.md, or '' unless BENCH_PATCHES=compare. BENCH_PATCH_RUNS sets
 * the sessions per build and row (default 5); `BENCH_ONLY=none BENCH_PATCHES=compare` runs the comparison alone.
 */
export async function patchComparison(): Promise<string> {
  if (process.env.BENCH_PATCHES !== 'compare') return '';
  const runs = Math.max(2, Number(process.env.BENCH_PATCH_RUNS) || 5);
  let body: string[];
  try {
    body = await compare(runs);
  } catch (error) {
    body = [`Not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`];
  }
  return ['', '## Dependency patches', '', ...body, ''].join('\n');
}
