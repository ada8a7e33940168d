/**
 * `npm run bench`: runs P1–P8 one after the other and writes bench/RESULTS.md. A figure that cannot be taken on
 * this machine or with this build is reported as "not measured: <reason>"; only a bug in the bench itself makes
 * the command fail. These are measurements, never pass/fail tests: a missed goal is a line in the report.
 *
 * BENCH_ONLY=P1,P3 runs a subset (written to bench/RESULTS.partial.md); see config.ts for the other knobs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, closeAll, repoRoot } from '../test/e2e/harness.js';
import { CONFIG } from './config.js';
import { measureAccessExport } from './measures/access-export.js';
import { measureAccessOverview } from './measures/access-overview.js';
import { measureColdStart } from './measures/cold-start.js';
import { measureConnections } from './measures/connections.js';
import { measureDoctorMatrix } from './measures/doctor-matrix.js';
import { measureFilterLatency } from './measures/filter-latency.js';
import { measureMemory } from './measures/memory.js';
import { measureQuickAnswers } from './measures/quick-answers.js';
import { patchComparison } from './patches.js';
import { readmeBlock, withReadmeBlock } from './readme-block.js';
import { renderResults } from './report.js';
import { cpuSnapshot, otherWorkBetween } from './other-work.js';
import { NotMeasured, notMeasured, type MeasureResult } from './result.js';

interface Measure {
  readonly id: string;
  readonly title: string;
  readonly goal: string;
  readonly run: () => Promise<MeasureResult>;
}

const MEASURES: readonly Measure[] = [
  {
    id: 'P1',
    title: 'Who has access to what, 50 ms latency per request',
    goal: '≥ 5× faster than the scripts, ≤ 2 round trips + 300 ms',
    run: measureAccessOverview,
  },
  {
    id: 'P2',
    title: 'Cold start to the members list with data (1,000 members)',
    goal: '≤ 1.0× `cloud_access.py list-members`',
    run: measureColdStart,
  },
  {
    id: 'P3',
    title: 'Keystroke to frame while filtering 10,000 members',
    goal: 'p95 ≤ 16 ms (p99 and GC time reported)',
    run: measureFilterLatency,
  },
  { id: 'P4', title: 'Peak RSS, large organization, every screen visited', goal: '≤ 120 MB', run: measureMemory },
  { id: 'P5', title: 'TCP connections during a full session', goal: '≤ 2', run: measureConnections },
  {
    id: 'P6',
    title: 'Doctor and access matrix vs members list (10,000 members, 300 projects, 500 keys)',
    goal: '≤ 2× the time of `members list --json`',
    run: measureDoctorMatrix,
  },
  { id: 'P7', title: '`--version` and `--help` against a bare node start', goal: '≤ 1.5×', run: measureQuickAnswers },
  { id: 'P8', title: 'Access review export, 10,000 members', goal: '≤ 5 s (JSON)', run: measureAccessExport },
];

function quiet(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function runOne(measure: Measure): Promise<MeasureResult> {
  const started = performance.now();
  process.stdout.write(`${measure.id} ${measure.title} … `);
  let result: MeasureResult;
  try {
    result = await measure.run();
  } catch (error) {
    const reason =
      error instanceof NotMeasured
        ? error.message
        : `the measurement failed: ${error instanceof Error ? error.message : String(error)}`;
    result = notMeasured(
      measure.id,
      measure.title,
      measure.goal,
      reason.split('\n')[0]!,
      error instanceof NotMeasured ? [] : [reason],
    );
  } finally {
    await closeAll();
  }
  const figures = result.ours ? `${result.ours}${result.baseline ? ` vs ${result.baseline}` : ''}; ` : '';
  process.stdout.write(
    `${result.verdict}: ${figures}${result.summary} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  return result;
}

async function main(): Promise<void> {
  assertBuilt();
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim().toUpperCase());
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  if (loadBefore > cpus().length)
    process.stdout.write(
      `warning: load average ${loadBefore.toFixed(1)} on ${cpus().length} CPUs; timings will be inflated\n`,
    );
  const cpuBefore = cpuSnapshot();
  const results: MeasureResult[] = [];
  for (const measure of MEASURES) {
    if (only && !only.includes(measure.id)) continue;
    results.push(await runOne(measure));
  }
  // Read before the patch comparison, whose own builds and sessions load the machine: the figure is about the
  // window in which the table above was measured.
  const loadAfter = loadavg()[0]!;
  const cpuAfter = cpuSnapshot();
  const patches = await patchComparison(); // '' unless BENCH_PATCHES=compare
  const cpu = cpus();
  const info = {
    date: new Date().toISOString(),
    commit:
      quiet('git', ['-C', repoRoot(), 'rev-parse', '--short', 'HEAD']) +
      (quiet('git', ['-C', repoRoot(), 'status', '--porcelain']) ? ' (with uncommitted changes)' : ''),
    machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ${process.platform}`,
    node: process.version,
    python: quiet('python3', ['--version']),
    runs: CONFIG.runs,
    durationMs: performance.now() - started,
    load: { before: loadBefore, after: loadAfter, cpus: cpu.length },
    ...(cpuBefore && cpuAfter ? { otherWork: otherWorkBetween(cpuBefore, cpuAfter, cpu.length) } : {}),
  };
  const markdown = renderResults(results, info);
  // A subset run must not replace the full record.
  const file = join(repoRoot(), 'bench', only ? 'RESULTS.partial.md' : 'RESULTS.md');
  writeFileSync(file, markdown + patches);
  process.stdout.write(`\nwrote ${file}\n`);
  if (!only) {
    const readme = join(repoRoot(), 'README.md');
    writeFileSync(readme, withReadmeBlock(readFileSync(readme, 'utf8'), readmeBlock(results, info)));
    process.stdout.write(`wrote the performance figures in ${readme}\n`);
  }
}

await main();
