/**
 * P8 — the access review of a 10,000-member organization: `ec-access access --format json` (and csv) from spawn to
 * exit against the large sandbox on loopback, every member's grants computed, sorted and printed. The median of
 * CONFIG.runs runs per format; the process start-up floor (node printing one character) is noted beside it.
 */
import { binPath } from '../../test/e2e/harness.js';
import { CONFIG } from '../config.js';
import { timeProcess } from '../process.js';
import type { MeasureResult } from '../result.js';
import { withSandbox } from '../sandbox.js';
import { median, ms } from '../stats.js';

const ID = 'P8';
const TITLE = 'Access review export, 10,000 members';
const GOAL = '≤ 5 s (JSON, spawn to exit)';
const GOAL_MS = 5000;

export async function measureAccessExport(): Promise<MeasureResult> {
  return withSandbox(CONFIG.largeSandbox, async (sandbox) => {
    const env = { EC_API_KEY: sandbox.apiKey, EC_BASE_URL: sandbox.baseUrl, EC_HTTP2: 'h2c' };
    const times: Record<'json' | 'csv', number[]> = { json: [], csv: [] };
    let bytes = 0;
    for (let i = 0; i < CONFIG.runs; i++) {
      for (const format of ['json', 'csv'] as const) {
        const run = await timeProcess(process.execPath, [binPath(), 'access', '--format', format], env);
        times[format].push(run.ms);
        if (format === 'json') bytes = run.stdoutBytes;
      }
    }
    const floor = await timeProcess(process.execPath, ['-e', 'process.stdout.write("x")'], {}, 'node -e');
    const json = median(times.json);
    const csv = median(times.csv);
    return {
      id: ID,
      title: TITLE,
      goal: GOAL,
      ours: ms(json),
      verdict: json <= GOAL_MS ? 'met' : 'missed',
      summary: `JSON ${ms(json)}, CSV ${ms(csv)} (median of ${CONFIG.runs}); ${(bytes / 1e6).toFixed(1)} MB of JSON`,
      notes: [
        `\`ec-access access --format json|csv\` against the large sandbox (10,000 members), spawn to exit.`,
        `JSON runs: ${times.json.map(ms).join(', ')}; CSV runs: ${times.csv.map(ms).join(', ')}.`,
        `Node start-up alone on this machine: ${ms(floor.ms)}.`,
      ],
    };
  });
}
