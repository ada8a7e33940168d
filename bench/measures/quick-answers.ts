/**
 * P7 — `ec-access --version` and `ec-access --help` from spawn to exit against a bare node start (node printing one
 * character). Differences of a few milliseconds on a start of a few tens, so many runs, the three commands
 * alternated (a burst of load elsewhere falls on all of them), and the median of each.
 */
import { binPath } from '../../test/e2e/harness.js';
import { CONFIG } from '../config.js';
import { timeProcess } from '../process.js';
import type { MeasureResult } from '../result.js';
import { median, ms, ratio } from '../stats.js';

const ID = 'P7';
const TITLE = '`--version` and `--help` against a bare node start';
const GOAL = '≤ 1.5× a bare node start';
const GOAL_RATIO = 1.5;

export async function measureQuickAnswers(): Promise<MeasureResult> {
  const contestants = {
    node: ['-e', 'process.stdout.write("x")'],
    version: [binPath(), '--version'],
    help: [binPath(), '--help'],
  } as const;
  const times: Record<keyof typeof contestants, number[]> = { node: [], version: [], help: [] };
  for (let i = 0; i < CONFIG.startRuns; i++) {
    for (const name of ['node', 'version', 'help'] as const) {
      times[name].push((await timeProcess(process.execPath, contestants[name], {})).ms);
    }
  }
  const node = median(times.node);
  const version = median(times.version) / node;
  const help = median(times.help) / node;
  const worst = Math.max(version, help);
  return {
    id: ID,
    title: TITLE,
    goal: GOAL,
    ours: `--version ${ratio(version)}, --help ${ratio(help)}`,
    baseline: `node ${ms(node)}`,
    verdict: worst <= GOAL_RATIO ? 'met' : 'missed',
    summary:
      `--version ${ms(median(times.version))}, --help ${ms(median(times.help))}, node ${ms(node)} (median of ${CONFIG.startRuns})` +
      (worst <= GOAL_RATIO ? '' : `; over the goal by ${ratio(worst - GOAL_RATIO)}`),
    notes: [
      'Spawn to exit of `node bin/ec-access.js --version`, `… --help` and `node -e \'process.stdout.write("x")\'`, alternated (BENCH_START_RUNS sets how many).',
      `node runs: ${times.node.map(ms).join(', ')}.`,
      `--version runs: ${times.version.map(ms).join(', ')}.`,
      `--help runs: ${times.help.map(ms).join(', ')}.`,
    ],
  };
}
