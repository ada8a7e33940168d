/** bench/RESULTS.md: one summary table, then how each figure was obtained. */
import { BUSY_SHARE, type OtherWork } from './other-work.js';
import type { MeasureResult } from './result.js';

export interface RunInfo {
  readonly date: string;
  readonly commit: string;
  readonly machine: string;
  readonly node: string;
  readonly python: string;
  readonly runs: number;
  readonly durationMs: number;
  /** 1-minute load average before and after the run, and the CPU count, to judge whether the figures are fair. */
  readonly load: { readonly before: number; readonly after: number; readonly cpus: number };
  /** The CPU time the rest of the machine used while P1–P8 ran; undefined where /proc cannot tell. */
  readonly otherWork?: OtherWork;
}

/**
 * Whether other work loaded the machine: a load above its CPUs before the run, or other processes' share of the
 * CPUs during it. Only where that share cannot be read does the load at the end decide, though the bench's own
 * processes count in it.
 */
export function busyMachine(info: Pick<RunInfo, 'load' | 'otherWork'>): boolean {
  if (info.load.before > info.load.cpus) return true;
  return info.otherWork ? info.otherWork.share > BUSY_SHARE : info.load.after > info.load.cpus;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

const cell = (text: string | undefined) => (text ?? '—').replace(/\|/g, '\\|');

export function renderResults(results: readonly MeasureResult[], info: RunInfo): string {
  const lines = [
    '# ec-access benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Timings are medians of ' +
      `${info.runs} runs per side, taken side by side in one run against the sandbox on loopback.`,
    '',
    `- date: ${info.date}`,
    `- commit: ${info.commit}`,
    `- machine: ${info.machine}`,
    `- node ${info.node}, ${info.python}`,
    `- total bench time: ${(info.durationMs / 1000).toFixed(1)} s`,
    `- load average (1 min): ${info.load.before.toFixed(1)} before, ${info.load.after.toFixed(1)} after P1–P8, on ${info.load.cpus} CPUs`,
    ...(info.otherWork
      ? [
          `- other work on the machine during P1–P8: ${info.otherWork.cpuSeconds.toFixed(1)} CPU-seconds, ` +
            `${percent(info.otherWork.share)} of its ${info.load.cpus} CPUs over ${info.otherWork.spanSeconds.toFixed(0)} s ` +
            `(busy above ${percent(BUSY_SHARE)}; the bench's own processes keep the load average near ${info.load.cpus})`,
        ]
      : []),
    ...(busyMachine(info)
      ? [
          '',
          '> **Warning:** the machine was busy with other work during this run; timings are inflated and not representative. Re-run on an idle machine.',
        ]
      : []),
    '',
    '| | measure | ec-access | skill scripts | goal | result |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.id} | ${cell(r.title)} | ${cell(r.ours)} | ${cell(r.baseline)} | ${cell(r.goal)} | **${r.verdict}**: ${cell(r.summary)} |`,
    ),
    '',
    '## Details',
    '',
  ];
  for (const r of results) {
    lines.push(`### ${r.id} — ${r.title}`, '', `Goal: ${r.goal}. Result: **${r.verdict}** — ${r.summary}.`, '');
    for (const note of r.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
