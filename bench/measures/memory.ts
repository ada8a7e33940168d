/**
 * P4 — peak resident memory (VmHWM from /proc/<pid>/status) of the ec-access process with the large sandbox's
 * data loaded on every screen. The sandbox runs in the benchmark process, so its data is not counted; the
 * embedded sandbox (no key) would add its own model to the app's memory.
 */
import { waitForList, type ScreenName } from '../../test/e2e/app-screen.js';
import { assertAlive, launchAgainst, peakRss } from '../app.js';
import { CONFIG } from '../config.js';
import type { MeasureResult } from '../result.js';
import { withSandbox } from '../sandbox.js';
import { mb } from '../stats.js';

const ID = 'P4';
const TITLE = 'Peak RSS, large organization, every screen visited';
const GOAL = '≤ 150 MB';
const SCREENS: ReadonlyArray<[string, ScreenName]> = [['1', 'Members'], ['2', 'Projects'], ['3', 'Roles'], ['4', 'Keys']];

export async function measureMemory(): Promise<MeasureResult> {
  const peak = await withSandbox(CONFIG.largeSandbox, async (sandbox) => {
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
  const limit = 150 * 1024 * 1024;
  return {
    id: ID, title: TITLE, goal: GOAL, ours: mb(peak),
    verdict: peak <= limit ? 'met' : 'missed',
    summary: peak <= limit ? `${mb(limit - peak)} under the limit` : `over the limit by ${mb(peak - limit)}`,
    notes: ['VmHWM of the ec-access node process after visiting 1–4 and opening a details view (sandbox out of process)'],
  };
}
