/**
 * Keyboard and eyes for an ink-testing-library render, fed the way the app's terminal feeds Ink: what one terminal
 * read would hold is split into keys by the app's own splitKeys (src/ui/key-stream.ts), and each key is written on
 * its own with a wait after it, because Ink applies a key against the last render and the key stream offers the
 * next key only after the previous one's render. So `press('saved\r')` is five letters and an Enter, as in the app.
 */
import { splitKeys } from '../../src/ui/key-stream.js';

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

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string) => s.replace(ANSI, '');

export const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** What is used of ink-testing-library's render result. */
export interface InkInstance {
  readonly stdin: { write(data: string): void };
  lastFrame(): string | undefined;
}

export interface DriverOptions {
  /** The wait after each key. */
  readonly keyMs?: number;
  /** How long waitFor waits by default. */
  readonly timeoutMs?: number;
  /** The wait after waitFor saw its text: a panel that just appeared subscribes to keys in an effect, a little after its first frame. */
  readonly settleMs?: number;
}

export interface InkDriver {
  /** The last frame without colour. */
  frame(): string;
  /** Each argument is what one terminal read holds: one key (KEY.down) or several ("ab\x7f\r"), split as the app splits them. */
  press(...reads: string[]): Promise<void>;
  /** Text typed key by key. */
  type(text: string): Promise<void>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export function inkDriver(instance: InkInstance, options: DriverOptions = {}): InkDriver {
  const { keyMs = 20, timeoutMs: defaultTimeout = 4000, settleMs = 0 } = options;
  const frame = () => strip(instance.lastFrame() ?? '');
  const press = async (...reads: string[]) => {
    for (const key of reads.flatMap(splitKeys)) {
      instance.stdin.write(key);
      await tick(keyMs);
    }
  };
  return {
    frame,
    press,
    type: (text) => press(text),
    async waitFor(text, timeoutMs = defaultTimeout) {
      const deadline = Date.now() + timeoutMs;
      const seen = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
      while (!seen()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; frame:\n${frame()}`);
        await tick(10);
      }
      if (settleMs > 0) await tick(settleMs);
    },
  };
}
