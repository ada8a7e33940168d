/**
 * The user scenarios that need no real terminal (invite, custom role, API key), in-process: the whole app on the
 * real sandbox (test/support/sandbox-app.tsx), read and driven with the pty scenarios' helpers
 * (test/e2e/app-screen.ts) through inkScreen. What only a terminal shows (start and quit, resize, raw input,
 * styles, the monkey) stays in test/e2e.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ScreenApp } from '../e2e/harness.js';
import { inkScreen } from '../support/ink-screen.js';
import { startSandboxApp, testEnv, type SandboxApp } from '../support/sandbox-app.js';

/** The sandbox's state file in the session's HOME, as EC_SANDBOX_STATE gives it to the app in the pty scenarios. */
export const SANDBOX_STATE = 'sandbox-state.json';

export interface ScenarioApp {
  /** The app itself: its sandbox, client, audit session, HOME and raw frames. */
  readonly app: SandboxApp;
  /** The same app as a terminal screen. */
  readonly screen: ScreenApp;
}

const running = new Set<SandboxApp>();

/** Call at the top level of a scenario file: stops whatever a test started, failed or not. */
export function stopScenariosAfterEach(): void {
  afterEach(async () => {
    await Promise.all([...running].map((app) => app.stop()));
    running.clear();
  });
}

/** The app on Members at `columns`×`rows`, its sandbox saving its state in the session's HOME. */
export async function startScenario(columns: number, rows: number): Promise<ScenarioApp> {
  const env = testEnv();
  const app = await startSandboxApp({ env, columns, rows, sandbox: { stateFile: join(env.home, SANDBOX_STATE) } });
  running.add(app);
  return { app, screen: inkScreen(app, { columns, rows }) };
}
