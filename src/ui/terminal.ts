/**
 * The alternate screen, written by hand because Ink 6.8 has no `alternateScreen` option, and raw input from the
 * start. Whatever ends the process (quit, crash, signal) must hand the user's terminal back as it was: main buffer,
 * visible cursor, cooked input.
 */
const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

export interface TerminalSession {
  /** Idempotent: safe to call from several exit paths. */
  restore(): void;
}

interface Writable {
  write(chunk: string): unknown;
}

interface RawCapable {
  readonly isTTY?: boolean;
  setRawMode?(on: boolean): unknown;
}

/**
 * Enter the alternate screen and arrange for it to be left on every way out. A crash is reported after the
 * terminal is restored, so the message lands on the main screen where the user can read it.
 *
 * With `stdin`, input turns raw at once, before Ink (which does it only once it has rendered): a key pressed while
 * the app starts then arrives as typed, instead of echoed on the screen and, for Enter, turned into a line feed
 * that no binding knows.
 */
export function enterAlternateScreen(
  stdout: Writable,
  proc: NodeJS.Process = process,
  stdin?: RawCapable,
): TerminalSession {
  let active = true;
  const restore = () => {
    if (!active) return;
    active = false;
    if (stdin?.isTTY) stdin.setRawMode?.(false);
    stdout.write(SHOW_CURSOR + LEAVE_ALT);
    proc.off('exit', restore);
    proc.off('SIGINT', onSignal);
    proc.off('SIGTERM', onSignal);
    proc.off('SIGHUP', onSignal);
    proc.off('uncaughtException', onCrash);
    proc.off('unhandledRejection', onCrash);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    proc.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
  const onCrash = (error: unknown) => {
    restore();
    proc.stderr.write(
      `ec-access crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    proc.exit(70);
  };
  // Raw before the first byte: whoever sees the screen change may type at once.
  if (stdin?.isTTY) stdin.setRawMode?.(true);
  stdout.write(ENTER_ALT);
  proc.on('exit', restore);
  proc.on('SIGINT', onSignal);
  proc.on('SIGTERM', onSignal);
  proc.on('SIGHUP', onSignal);
  proc.on('uncaughtException', onCrash);
  proc.on('unhandledRejection', onCrash);
  return { restore };
}
