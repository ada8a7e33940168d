/**
 * Runs a program in a real pseudo-terminal and reads what a user would see, through a headless xterm of the same
 * size. Used by the e2e scenarios (vitest) and by the benchmarks (plain Node, compiled), so it depends on neither.
 *
 *   const app = await launch({ cols: 80, rows: 24 });
 *   await app.waitForText('SANDBOX');
 *   await app.press('?');
 *   ...
 *   await closeAll(); // in afterEach: kills whatever is still running
 *
 * Why a pty and not ink-testing-library: the things this proves (alternate screen, cursor, resize, raw-mode keys,
 * the process exiting and giving the terminal back) only exist with a real terminal on the other side.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as nodePty from '@lydell/node-pty';
// @xterm/headless is CommonJS: a named import works under vitest but not in plain Node ESM (the compiled
// benchmarks), so take the default export and destructure it.
import xtermHeadless from '@xterm/headless';
import { WAIT_MS } from '../support/wait.js';
import { keyBytes } from './keys.js';
import { screenCells, type ScreenCell } from './screen-cells.js';
import { altScreenActive, cursorVisible, synchronizedUpdateOpen } from './terminal-modes.js';

const { Terminal } = xtermHeadless;
type XTerminal = InstanceType<typeof Terminal>;

export interface LaunchOptions {
  readonly args?: readonly string[];
  readonly cols?: number;
  readonly rows?: number;
  /** Added to the child's clean environment; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Send the child's stderr to a file (read with `stderr()`) instead of the terminal. A real user sees stderr on
   * screen; tests that must prove "nothing was written to stderr" turn this on.
   */
  readonly captureStderr?: boolean;
  /** Working directory; defaults to the fresh temporary HOME so no `.env` from the repository is read. */
  readonly cwd?: string;
  /** Flags for node itself, before the script (e.g. `--cpu-prof`); only for `launch()`. */
  readonly nodeArgs?: readonly string[];
}

export interface ProgramOptions extends LaunchOptions {
  /** Executable and its arguments, e.g. `process.execPath, ['-e', script]`. */
  readonly file: string;
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  /** How often to look at the screen; the benchmarks poll faster to time things. */
  readonly pollMs?: number;
}

export interface SettleOptions {
  /** Give up waiting for output after this long with nothing written (a key that changes nothing). */
  readonly firstMs?: number;
  /** Once output arrived, consider the frame complete after this long without more. */
  readonly quietMs?: number;
}

export interface PtyApp {
  readonly pid: number;
  /** The fresh temporary HOME (XDG dirs below it); deleted by `close()`. */
  readonly home: string;
  /** The child's working directory and environment, for running a second command on the same files. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly cols: number;
  readonly rows: number;
  /** The visible screen, lines joined with `\n`, trailing blanks trimmed per line. Recorded in `frames()`. */
  screen(): string;
  /** The visible screen as cells with colours and attributes (for screenshots). */
  cells(): ScreenCell[][];
  /** Visible line `i` (0-based, from the top of the viewport). */
  line(i: number): string;
  lines(): string[];
  /**
   * Visible rows the terminal marked as the continuation of a wrapped line: text written wider than the
   * terminal, or old wide lines reflowed by a resize and never redrawn. A clean full-screen frame has none.
   */
  wrappedRows(): number[];
  waitForText(text: string | RegExp, options?: WaitOptions): Promise<string>;
  waitFor(predicate: (screen: string) => boolean, description: string, options?: WaitOptions): Promise<string>;
  /** One key (a name such as `enter`, `shift+tab`, `ctrl+c`, or one character), then wait for the next frame. */
  press(key: string, options?: SettleOptions): Promise<void>;
  /** Character by character, each as its own key press. */
  type(text: string, options?: SettleOptions): Promise<void>;
  /** Raw bytes, no waiting (for the monkey and for timing). */
  write(bytes: string): void;
  /** Wait until the program has finished writing its reaction to the last input. */
  settle(options?: SettleOptions): Promise<void>;
  resize(cols: number, rows: number): Promise<void>;
  /** Wait for the process to end; resolves to its exit code. */
  exit(options?: WaitOptions): Promise<number>;
  isAlive(): boolean;
  /** Every byte the program wrote (escape sequences included). */
  rawOutput(): string;
  /** The child's stderr when launched with `captureStderr`, otherwise ''. */
  stderr(): string;
  isAltScreenActive(): boolean;
  isCursorVisible(): boolean;
  /**
   * Every distinct screen snapshot taken through `screen()` and the waits, in order, but none taken inside a
   * synchronized update (half a frame, which the user's terminal never shows).
   */
  frames(): readonly string[];
  /** How many output chunks arrived so far (a change means the program wrote something). */
  outputCount(): number;
  /** performance.now() of the last output chunk. */
  lastOutputAt(): number;
  /**
   * Resolves with performance.now() at the arrival of the next output chunk (for timing key-to-frame latency:
   * event-driven, so it does not add polling delay), or undefined after `timeoutMs` with no output.
   */
  nextOutputAt(timeoutMs?: number): Promise<number | undefined>;
  kill(): void;
  /** Kill if still running, free the terminal, delete the temporary HOME. */
  close(): Promise<void>;
}

/**
 * What the scenario helpers (app-screen.ts, the tour's learner.ts) need of an app: a screen to read and keys to
 * press. The in-process harness offers the same (test/support/ink-screen.ts), so a scenario that needs no real
 * terminal runs there, on the same helpers.
 */
export type ScreenApp = Pick<
  PtyApp,
  'cols' | 'rows' | 'screen' | 'line' | 'lines' | 'wrappedRows' | 'waitForText' | 'waitFor' | 'press' | 'type'
>;

/** Every frame recorded by every app in this process, so a test can grep all of them (e.g. for secrets). */
const recordedFrames: string[] = [];
export function allFrames(): readonly string[] {
  return recordedFrames;
}

const running = new Set<PtyApp>();

/** Close every app still open; call from afterEach so a failed test never leaves a process behind. */
export async function closeAll(): Promise<void> {
  await Promise.all([...running].map((app) => app.close()));
}

/** The repository root: the nearest folder up with bin/ec-access.js (works from test/e2e and from dist/test/e2e). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'bin', 'ec-access.js')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new Error(
        'cannot find the ec-access repository root (bin/ec-access.js) above ' + fileURLToPath(import.meta.url),
      );
    dir = up;
  }
}

export function binPath(): string {
  return join(repoRoot(), 'bin', 'ec-access.js');
}

/** Throws a clear message when the build output the e2e tests run is missing. */
export function assertBuilt(): void {
  const main = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(main)) {
    throw new Error(
      `${main} does not exist: the e2e tests run the built program. Run \`npm run build\` first (\`npm test\` does).`,
    );
  }
}

/** Start ec-access (the built bin) in a pty. Without EC_API_KEY in `env` it runs on its embedded sandbox. */
export async function launch(options: LaunchOptions = {}): Promise<PtyApp> {
  assertBuilt();
  return launchProgram({
    ...options,
    file: process.execPath,
    args: [...(options.nodeArgs ?? []), binPath(), ...(options.args ?? [])],
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function cleanEnv(home: string, extra: LaunchOptions['env']): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    // Ink renders nothing until exit when it thinks it runs in CI (is-in-ci); the child must know it has a terminal.
    CI: 'false',
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Start any program in a pty (the harness's own tests use small `node -e` fixtures). A promise like launch(), which
 * callers await either way; the program is spawned before it resolves.
 */
export function launchProgram(options: ProgramOptions): Promise<PtyApp> {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const home = mkdtempSync(join(tmpdir(), 'ec-access-e2e-'));
  mkdirSync(join(home, '.local', 'state'), { recursive: true });
  const stderrFile = join(home, 'stderr.log');

  const env = cleanEnv(home, options.env);
  const cwd = options.cwd ?? home;
  let file = options.file;
  let args = [...(options.args ?? [])];
  if (options.captureStderr) {
    // exec keeps the pid the program's own (so VmHWM and kill reach it), with fd 2 pointing at a file.
    args = ['-c', `exec "$@" 2>${shellQuote(stderrFile)}`, 'sh', file, ...args];
    file = '/bin/sh';
  }

  // logLevel off: xterm would print parser complaints (e.g. a stray DEL) to our stdout; tests check the raw
  // stream for those themselves (the monkey does).
  const term: XTerminal = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000, logLevel: 'off' });
  const child = nodePty.spawn(file, args, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd,
    env,
  });

  let raw = '';
  let chunks = 0;
  let lastDataAt = performance.now();
  let parsed: Promise<void> = Promise.resolve();
  // How much of `raw` the terminal has drawn: its screen is the program's output up to there.
  let parsedUpTo = 0;
  // Half a frame is not a screen a user ever sees (see synchronizedUpdateOpen): a terminal keeps the previous one.
  const midFrame = () => synchronizedUpdateOpen(raw.slice(0, parsedUpTo));
  let exitCode: number | undefined;
  let exitResolve: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (exitResolve = resolve));
  const frames: string[] = [];
  let closed = false;

  const outputWaiters = new Set<(at: number) => void>();
  child.onData((data) => {
    raw += data;
    chunks += 1;
    lastDataAt = performance.now();
    for (const waiter of outputWaiters) waiter(lastDataAt);
    outputWaiters.clear();
    const upTo = raw.length;
    parsed = new Promise<void>((resolve) =>
      term.write(data, () => {
        parsedUpTo = upTo;
        resolve();
      }),
    );
  });
  child.onExit(({ exitCode: code, signal }) => {
    exitCode = signal ? 128 + signal : code;
    exitResolve(exitCode);
  });

  const lines = (): string[] => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < term.rows; i++) out.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return out;
  };
  const screen = (): string => {
    const text = lines().join('\n');
    // Every snapshot goes to the process-wide record (a secret must not show even for an instant); an app's own
    // frames are the ones its user could see.
    if (recordedFrames[recordedFrames.length - 1] !== text) recordedFrames.push(text);
    if (!midFrame() && frames[frames.length - 1] !== text) frames.push(text);
    return text;
  };

  const describe = (): string => {
    const err = options.captureStderr && existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '';
    const status = exitCode === undefined ? 'running' : `exited with code ${exitCode}`;
    return (
      `process ${status}; last screen (${term.cols}×${term.rows}):\n` +
      '┌' +
      '─'.repeat(term.cols) +
      '┐\n' +
      lines()
        .map((l) => '│' + l.padEnd(term.cols) + '│')
        .join('\n') +
      '\n└' +
      '─'.repeat(term.cols) +
      '┘' +
      (err ? `\nstderr:\n${err}` : '')
    );
  };

  const waitFor = async (
    predicate: (s: string) => boolean,
    description: string,
    opts: WaitOptions = {},
  ): Promise<string> => {
    const timeoutMs = opts.timeoutMs ?? WAIT_MS;
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      await parsed;
      const complete = !midFrame();
      const s = screen();
      if (complete && predicate(s)) return s;
      if (performance.now() > deadline)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}\n${describe()}`);
      if (exitCode !== undefined && performance.now() - lastDataAt > 50) {
        throw new Error(`the program exited while waiting for ${description}\n${describe()}`);
      }
      await sleep(opts.pollMs ?? 10);
    }
  };

  const settle = async (opts: SettleOptions = {}): Promise<void> => {
    const firstMs = opts.firstMs ?? 30;
    const quietMs = opts.quietMs ?? 8;
    const before = chunks;
    const start = performance.now();
    // Nothing yet: wait up to firstMs for the program to start answering.
    while (chunks === before && performance.now() - start < firstMs) await sleep(2);
    // Something arrived: Ink may write one frame in several chunks, so wait for a short silence.
    if (chunks !== before) {
      while (
        (performance.now() - lastDataAt < quietMs || synchronizedUpdateOpen(raw)) &&
        performance.now() - start < 1000
      )
        await sleep(2);
    }
    await parsed;
  };

  const app: PtyApp = {
    pid: child.pid,
    home,
    cwd,
    env,
    get cols() {
      return term.cols;
    },
    get rows() {
      return term.rows;
    },
    screen,
    cells: () => screenCells(term.buffer.active, term.cols, term.rows),
    line: (i) => lines()[i] ?? '',
    lines,
    wrappedRows() {
      const buffer = term.buffer.active;
      const rows: number[] = [];
      for (let i = 0; i < term.rows; i++) if (buffer.getLine(buffer.viewportY + i)?.isWrapped) rows.push(i);
      return rows;
    },
    waitForText: (text, opts) =>
      waitFor(
        (s) => (typeof text === 'string' ? s.includes(text) : text.test(s)),
        `${typeof text === 'string' ? JSON.stringify(text) : String(text)} on screen`,
        opts,
      ),
    waitFor,
    async press(key, opts) {
      if (exitCode !== undefined) throw new Error(`cannot press ${key}: ${describe()}`);
      child.write(keyBytes(key));
      await settle(opts);
    },
    async type(text, opts) {
      for (const ch of text) await app.press(ch, opts);
    },
    write(bytes) {
      if (exitCode === undefined) child.write(bytes);
    },
    settle,
    async resize(newCols, newRows) {
      child.resize(newCols, newRows);
      term.resize(newCols, newRows);
      await settle({ firstMs: 100 });
    },
    async exit(opts = {}) {
      const timeoutMs = opts.timeoutMs ?? WAIT_MS;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the program did not exit within ${timeoutMs} ms\n${describe()}`)),
          timeoutMs,
        );
      });
      try {
        const code = await Promise.race([exited, timeout]);
        // node-pty reports the exit once the terminal's output was read to its end (EIO), so every byte, the
        // terminal restore included, has arrived; what is left is xterm parsing it.
        await parsed;
        return code;
      } finally {
        clearTimeout(timer);
      }
    },
    isAlive: () => exitCode === undefined,
    rawOutput: () => raw,
    stderr: () => (options.captureStderr && existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : ''),
    isAltScreenActive: () => altScreenActive(raw),
    isCursorVisible: () => cursorVisible(raw),
    frames: () => frames,
    outputCount: () => chunks,
    lastOutputAt: () => lastDataAt,
    nextOutputAt(timeoutMs = 1000) {
      return new Promise<number | undefined>((resolve) => {
        const timer = setTimeout(() => {
          outputWaiters.delete(done);
          resolve(undefined);
        }, timeoutMs);
        const done = (at: number) => {
          clearTimeout(timer);
          resolve(at);
        };
        outputWaiters.add(done);
      });
    },
    kill() {
      if (exitCode === undefined) {
        try {
          child.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      running.delete(app);
      app.kill();
      await Promise.race([exited, sleep(2000)]);
      term.dispose();
      rmSync(home, { recursive: true, force: true });
    },
  };
  running.add(app);
  return Promise.resolve(app);
}
