/**
 * Scenario 8, the monkey: 10,000 seeded random key presses across every screen. The app must survive all of them
 * (process alive, nothing on stderr, no error or stack trace ever on screen) and still answer `?` afterwards.
 *
 * Reproduce a failure with the seed it prints: EC_MONKEY_SEED=<seed> npx vitest run test/e2e/monkey
 * (EC_MONKEY_KEYS=<n> changes the number of keys).
 */
import { afterEach, expect, it } from 'vitest';
import { FOOTER_LINE, HELP_OPEN, listTitle, waitForList, type ScreenName } from './app-screen.js';
import { closeAll, launch, sleep, type PtyApp } from './harness.js';
import { keyBytes } from './keys.js';
import { FORBIDDEN_KEYS, monkeyKeys } from './monkey.js';

afterEach(closeAll);

const SEED = Number(process.env.EC_MONKEY_SEED ?? 20261123);
const COUNT = Number(process.env.EC_MONKEY_KEYS ?? 10_000);
/** Keys written back to back before waiting for the app to draw; small so the app is not just buffering input. */
const BATCH = 20;

/** What a crash or an uncaught error looks like on screen (Ink's error box, a thrown Error, a stack frame). */
const CRASH_TEXT = [
  /\bERROR\b/,
  /\b(Type|Range|Reference|Syntax)?Error: /,
  /^\s*at .+:\d+:\d+\)?\s*$/m,
  /ec-access crashed/,
];

/**
 * Control characters a program has no business writing to a terminal (DEL, NUL, SO/SI, …). They come from input
 * echoed back unfiltered, e.g. a Backspace byte that ended up in a text field and then in the frame; the
 * terminal would act on them instead of showing text.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const STRAY_CONTROL = /[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f]/;

/** Control characters as \xNN so a report shows them (JSON.stringify leaves DEL as is). */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this makes visible
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function crashIn(frame: string): RegExp | undefined {
  return CRASH_TEXT.find((pattern) => pattern.test(frame));
}

function report(app: PtyApp, keys: readonly string[], upTo: number, what: string): string {
  const recent = keys
    .slice(Math.max(0, upTo - 30), upTo)
    .map((k) => JSON.stringify(k))
    .join(' ');
  return `${what} (seed ${SEED}, after key #${upTo})\nlast keys: ${recent}\nstderr: ${app.stderr() || '(empty)'}\nscreen:\n${app.screen()}`;
}

it(`survives ${COUNT} random keys (seed ${SEED})`, async () => {
  const keys = monkeyKeys(SEED, COUNT);
  expect(keys.some((k) => FORBIDDEN_KEYS.has(k))).toBe(false);

  const app = await launch({ cols: 100, rows: 30, captureStderr: true });
  await waitForList(app, 'Members');

  for (let i = 0; i < keys.length; i += BATCH) {
    const outputBefore = app.rawOutput().length;
    for (const key of keys.slice(i, i + BATCH)) {
      app.write(keyBytes(key));
      // One key per read on the app's side: a lone ESC is only an Escape key if nothing follows in the same chunk.
      await sleep(1);
    }
    await app.settle({ firstMs: 15, quietMs: 5 });
    const upTo = Math.min(i + BATCH, keys.length);
    if (!app.isAlive()) throw new Error(report(app, keys, upTo, 'the app exited'));
    const crash = crashIn(app.screen());
    if (crash) throw new Error(report(app, keys, upTo, `crash text ${crash} on screen`));
    if (app.stderr()) throw new Error(report(app, keys, upTo, 'the app wrote to stderr'));
    const output = app.rawOutput().slice(outputBefore);
    const stray = output.search(STRAY_CONTROL);
    if (stray >= 0) {
      const context = visible(output.slice(Math.max(0, stray - 60), stray + 10));
      throw new Error(report(app, keys, upTo, `a raw control character was written to the terminal: …${context}…`));
    }
  }

  // Back to browsing (esc closes overlays, details and filters, one a key), then ask for help. Each esc waits for
  // the frame it changes: an ESC read together with the next key would be Alt+that key.
  const browsing = (s: string) => FOOTER_LINE.test(s) && !HELP_OPEN.test(s);
  for (let n = 0; n < 10 && !browsing(app.screen()); n++) {
    const before = app.screen();
    await app.press('esc');
    await app
      .waitFor((s) => s !== before, 'esc to change the screen')
      .catch((error: Error) => {
        throw new Error(
          report(app, keys, keys.length, `esc did nothing after the monkey: ${error.message.split('\n')[0]}`),
        );
      });
  }
  await app.press('?');
  await app.waitForText(HELP_OPEN).catch((error: Error) => {
    throw new Error(report(app, keys, keys.length, `no help after the monkey: ${error.message.split('\n')[0]}`));
  });

  expect(app.isAlive()).toBe(true);
  expect(app.stderr()).toBe('');
  // Every frame seen during the run, not only the ones checked between batches.
  const frames = app.frames();
  const crashed = frames.find((f) => crashIn(f));
  expect(crashed, crashed).toBeUndefined();
  // The run really went everywhere: each screen's list and the help were on screen at some point.
  const screens: ScreenName[] = ['Members', 'Projects', 'Roles', 'Keys'];
  for (const name of screens)
    expect(
      frames.some((f) => listTitle(name).test(f)),
      `${name} was never shown`,
    ).toBe(true);
  expect(frames.some((f) => HELP_OPEN.test(f))).toBe(true);
});
