/**
 * Opt-in request/response log for troubleshooting (`EC_ACCESS_DEBUG=1`, or the path of a new file). It goes to a file and
 * never to stdout/stderr, because the TUI owns the terminal. Callers pass lines they have already redacted; every
 * line is scrubbed once more here so a slip cannot put a credential on disk.
 */
import { constants, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stateDir } from './state-dir.js';
import { scrubText } from './redact.js';

export interface DebugLog {
  readonly path: string;
  write(line: string): void;
}

const ON = new Set(['1', 'true', 'yes', 'on']);
const OFF = new Set(['', '0', 'false', 'no', 'off']);

/** The log file `EC_ACCESS_DEBUG` asks for, or undefined when debugging is off. */
export function debugLogPath(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const setting = env.EC_ACCESS_DEBUG?.trim() ?? '';
  if (OFF.has(setting.toLowerCase())) return undefined;
  if (ON.has(setting.toLowerCase())) return join(stateDir(env), 'debug.log');
  return resolve(cwd, setting);
}

const open = new Map<string, DebugLog>();

export interface DebugLogOptions {
  /**
   * The file is ec-access's own, in its private state directory: a previous run's log there is replaced. A path
   * the user named is never replaced, appended to or chmodded: it must not exist yet.
   */
  readonly ownFile?: boolean;
}

/** One writer per file, shared by every client in the process. */
export function openDebugLog(path: string, options: DebugLogOptions = {}): DebugLog {
  let log = open.get(path);
  if (!log) {
    log = createFileLog(path, options.ownFile ?? false);
    open.set(path, log);
  }
  return log;
}

export function debugLogFromEnv(env: NodeJS.ProcessEnv = process.env): DebugLog | undefined {
  const path = debugLogPath(env);
  if (path === undefined) return undefined;
  return openDebugLog(path, { ownFile: path === join(stateDir(env), 'debug.log') });
}

function createFileLog(path: string, ownFile: boolean): DebugLog {
  let broken = false;
  let fd: number | undefined;
  return {
    path,
    write(line) {
      if (broken) return;
      try {
        fd ??= createNew(path, ownFile);
        writeSync(fd, `${new Date().toISOString()} ${scrubText(line)}\n`);
      } catch {
        // A debug aid must never break the app, and it may not print: stop trying.
        broken = true;
      }
    },
  };
}

/**
 * A new file, 0600 from its first byte: O_EXCL refuses an existing file or a symlink planted at the path, so the
 * log can never be pointed at, or widen the permissions of, a file someone else made.
 */
function createNew(path: string, ownFile: boolean): number {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (ownFile) rmSync(path, { force: true });
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
}
