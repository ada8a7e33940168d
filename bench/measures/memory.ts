/**
 * P4 — peak resident memory (VmHWM from /proc/<pid>/status) of the ec-access process with the large sandbox's
 * data loaded on every screen. The sandbox runs in the benchmark process, so its data is not counted; the
 * embedded sandbox (no key) would add its own model to the app's memory.
 *
 * The peak moves by ±10 MB between identical sessions (where the garbage collector happens to run), so the figure
 * is the median of several sessions. The same session on the small organization (25 members) is measured too:
 * the difference is what the large organization's data costs, the rest is the program itself.
 */
import { waitForList, type ScreenName } from '../../test/e2e/app-screen.js';
import { assertAlive, launchAgainst, peakRss } from '../app.js';
import { CONFIG } from '../config.js';
import type { MeasureResult } from '../result.js';
import { withSandbox, type SandboxOptions } from '../sandbox.js';
import { mb, median } from '../stats.js';

const ID = 'P4';
const TITLE = 'Peak RSS, large organization, every screen visited';
const GOAL_MB = 120;
const GOAL = `≤ ${GOAL_MB} MB`;
const SCREENS: ReadonlyArray<[string, ScreenName]> = [
  ['1', 'Members'],
  ['2', 'Projects'],
  ['3', 'Roles'],
  ['4', 'Keys'],
];

async function peakOfSession(options: SandboxOptions): Promise<number> {
  return withSandbox(options, async (sandbox) => {
    const { app } = await launchAgainst(sandbox);
    try {
      for (const [key, screen] of SCREENS) {
        await app.press(key);
        await waitForList(app, screen, { timeoutMs: 30_000 });
      }
      // Open a details view too, and let any deferred work finish before reading the high-water mark.
      await app.press('enter');
      await app.settle({ firstMs: 200, quietMs: 200 });
      assertAlive(app, 'the memory session');
      // Awaited here: the finally below ends the process.
      return await peakRss(app.pid);
    } finally {
      await app.close();
    }
  });
}

export async function measureMemory(): Promise<MeasureResult> {
  const large: number[] = [];
  const small: number[] = [];
  for (let run = 0; run < CONFIG.runs; run++) {
    large.push(await peakOfSession(CONFIG.largeSandbox));
    small.push(await peakOfSession({ scale: 'small' }));
  }
  const peak = median(large);
  const base = median(small);
  const limit = GOAL_MB * 1024 * 1024;
  return {
    id: ID,
    title: TITLE,
    goal: GOAL,
    ours: mb(peak),
    verdict: peak <= limit ? 'met' : 'missed',
    summary: peak <= limit ? `${mb(limit - peak)} under the limit` : `over the limit by ${mb(peak - limit)}`,
    notes: [
      'VmHWM of the ec-access node process after visiting 1–4 and opening a details view (sandbox out of process)',
      `large organization (10,000 members, 500 keys, 300 projects), ${large.length} sessions: ${large.map(mb).join(', ')}`,
      `the same session on the small organization (25 members): median ${mb(base)} (${small.map(mb).join(', ')}); ` +
        `so the large organization's data costs ${mb(peak - base)} at the peak and the program itself ${mb(base)}`,
    ],
  };
}
