/**
 * Keyboard and eyes for an ink-testing-library render: what one terminal read would hold is split into keys
 * (split-keys.ts), and each key is written on its own once Ink and React are idle again (`settled`), as a person
 * typing would send them; the app's own handling of several keys in one read is tested in test/ui/keypress. So `press('saved\r')` is five
 * letters and an Enter, as in the app. Nothing here waits a fixed time: what a key starts beyond React (a request,
 * a timer) is waited for with `waitFor`, on the frame.
 */
// The scheduler react-reconciler (so Ink) renders with: one queue, so an idle task runs after the renders.
import scheduler from 'scheduler';
import { loadsSettled } from '../../src/ui/pending-loads.js';
import { splitKeys } from './split-keys.js';
import { WAIT_MS, waitUntil } from './wait.js';

export { WAIT_MS, waitUntil } from './wait.js';

export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  backspace: '\x7f',
  space: ' ',
  ctrlC: '\x03',
  home: '\x1b[H',
  end: '\x1b[F',
} as const;

// eslint-disable-next-line no-control-regex -- ESC is the point: this removes terminal escape sequences
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string) => s.replace(ANSI, '');

/**
 * Resolves once Ink and React have finished with everything already queued: input Ink holds back (a lone escape
 * waits one setImmediate for more bytes), the renders that input caused (React queues them in a microtask, so the
 * idle task is queued after one) and their effects, where a panel that just appeared subscribes to keys.
 */
export async function settled(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  // A key that opens a panel may load the panel's code first (src/ui/pending-loads.ts); the keypress provider waits for it.
  for (let loading = loadsSettled(); loading; loading = loadsSettled()) {
    await loading;
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  }
  await new Promise<void>((resolve) => {
    scheduler.unstable_scheduleCallback(scheduler.unstable_IdlePriority, () => resolve());
  });
}

/**
 * Kept for the tests that call it: no longer a fixed time (the argument is ignored) but `settled()`. To wait for
 * something React does not schedule (a request, a timer), use `waitFor` or `waitUntil` on what it changes.
 */
export const tick = (_ms?: number): Promise<void> => settled();

/** What is used of ink-testing-library's render result. */
export interface InkInstance {
  readonly stdin: { write(data: string): void };
  lastFrame(): string | undefined;
}

export interface DriverOptions {
  /** @deprecated Ignored: each key now waits until Ink and React are idle (`settled`). */
  readonly keyMs?: number;
  /** How long waitFor waits by default (the suite's WAIT_MS); only a test of the timeout itself should change it. */
  readonly timeoutMs?: number;
  /** @deprecated Ignored: waitFor now waits until the frame's effects ran (`settled`) once it saw its text. */
  readonly settleMs?: number;
}

export interface InkDriver {
  /** The last frame without colour. */
  frame(): string;
  /** Each argument is what one terminal read holds: one key (KEY.down) or several ("ab\x7f\r"), split as the app splits them. */
  press(...reads: string[]): Promise<void>;
  /** Text typed key by key. */
  type(text: string): Promise<void>;
  /** Waits until the frame shows `text`, then until its effects ran, so the next key meets the panel that shows it. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Waits until `condition` holds on the frame (e.g. a text gone), then until its effects ran. */
  waitUntil(condition: (frame: string) => boolean, what: string, timeoutMs?: number): Promise<void>;
}

export function inkDriver(instance: InkInstance, options: DriverOptions = {}): InkDriver {
  const defaultTimeout = options.timeoutMs ?? WAIT_MS;
  const frame = () => strip(instance.lastFrame() ?? '');
  const press = async (...reads: string[]) => {
    for (const key of reads.flatMap(splitKeys)) {
      instance.stdin.write(key);
      await settled();
    }
  };
  const until = async (condition: (frame: string) => boolean, what: string, timeoutMs = defaultTimeout) => {
    await settled();
    await waitUntil(
      () => condition(frame()),
      () => `${what}; frame:\n${frame()}`,
      timeoutMs,
    );
    await settled();
  };
  return {
    frame,
    press,
    type: (text) => press(text),
    waitFor: (text, timeoutMs) =>
      until(
        (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)),
        `${String(text)} on the frame`,
        timeoutMs,
      ),
    waitUntil: until,
  };
}
