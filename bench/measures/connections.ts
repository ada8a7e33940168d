/**
 * P5 — TCP connections the sandbox accepted during one full session: start, visit every screen, open a
 * project's details (which also asks the project's Elasticsearch endpoint for custom roles), quit. One
 * keep-alive connection per host is the ideal; the sandbox serves the Cloud API and the project endpoints
 * from one host.
 */
import { waitForList, type ScreenName } from '../../test/e2e/app-screen.js';
import { launchAgainst } from '../app.js';
import { NotMeasured, type MeasureResult } from '../result.js';
import { withSandbox } from '../sandbox.js';

const ID = 'P5';
const TITLE = 'TCP connections during a full session';
const GOAL = '≤ 2';
const SCREENS: ReadonlyArray<[string, ScreenName]> = [
  ['2', 'Projects'],
  ['3', 'Roles'],
  ['4', 'Keys'],
  ['1', 'Members'],
];

export async function measureConnections(): Promise<MeasureResult> {
  const seen = await withSandbox({}, async (sandbox) => {
    if (sandbox.connectionsSeen() === undefined)
      throw new NotMeasured('this sandbox build does not count connections (connectionsSeen)');
    const { app } = await launchAgainst(sandbox);
    try {
      await waitForList(app, 'Members');
      for (const [key, screen] of SCREENS) {
        await app.press(key);
        await waitForList(app, screen);
        if (screen === 'Projects') {
          await app.press('enter');
          await app.waitForText('Who has access here');
          await app.settle({ firstMs: 300, quietMs: 100 });
          await app.press('esc');
        }
      }
      await app.press('q');
      await app.exit();
    } finally {
      await app.close();
    }
    return sandbox.connectionsSeen() ?? 0;
  });
  return {
    id: ID,
    title: TITLE,
    goal: GOAL,
    ours: String(seen),
    verdict: seen <= 2 ? 'met' : 'missed',
    summary: seen <= 2 ? 'connections are reused' : `${seen - 2} more than the goal`,
    notes: ['connections counted by the sandbox from start to the process exiting'],
  };
}
