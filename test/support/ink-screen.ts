/**
 * The in-process app (sandbox-app.tsx) seen as a terminal screen, with the pty harness's reading and typing API
 * (ScreenApp in test/e2e/harness.ts): so a scenario written with the helpers of test/e2e/app-screen.ts, one that
 * needs no real terminal, runs in-process, where each key waits for Ink and React to be idle instead of for output.
 */
import type { ScreenApp } from '../e2e/harness.js';
import { keyBytes } from '../e2e/keys.js';
import type { InkDriver } from './ink-driver.js';

export function inkScreen(driver: InkDriver, size: { readonly columns: number; readonly rows: number }): ScreenApp {
  // As a terminal shows it: `rows` lines, trailing blanks trimmed per line.
  const linesOf = (frame: string) => {
    const lines = frame.split('\n').map((l) => l.trimEnd());
    while (lines.length < size.rows) lines.push('');
    return lines;
  };
  const lines = () => linesOf(driver.frame());
  const waitFor = async (predicate: (screen: string) => boolean, description: string) => {
    await driver.waitUntil((frame) => predicate(linesOf(frame).join('\n')), description);
    return lines().join('\n');
  };
  const app: ScreenApp = {
    cols: size.columns,
    rows: size.rows,
    screen: () => lines().join('\n'),
    line: (i) => lines()[i] ?? '',
    lines,
    // No terminal wraps here: a line wider than the screen is what a terminal would have wrapped.
    wrappedRows: () => lines().flatMap((l, i) => ([...l].length > size.columns ? [i] : [])),
    waitFor,
    waitForText: (text) =>
      waitFor(
        (s) => (typeof text === 'string' ? s.includes(text) : text.test(s)),
        `${typeof text === 'string' ? JSON.stringify(text) : String(text)} on screen`,
      ),
    press: (key) => driver.press(keyBytes(key)),
    type: (text) => driver.type(text),
  };
  return app;
}
