/**
 * Opt-in request/response log for troubleshooting (`EC_ACCESS_DEBUG=1`, or a file path). It goes to a file and
 * never to stdout/stderr, because the TUI owns the terminal. Callers pass lines they have already redacted; every
 * line is scrubbed once more here so a slip cannot put a credential on disk.
 */
import { appendFileSync, chmodSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stateDir } from './state-dir.js';
import { scrubText } from './redact.js';
import { errorCode } from './errors.js';

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

/** One writer per file, shared by every client in the process. */
export function openDebugLog(path: string): DebugLog {
  let log = open.get(path);
  if (!log) {
    log = createFileLog(path);
    open.set(path, log);
  }
  return log;
}

export function debugLogFromEnv(env: NodeJS.ProcessEnv = process.env): DebugLog | undefined {
  const path = debugLogPath(env);
  return path === undefined ? undefined : openDebugLog(path);
}

function createFileLog(path: string): DebugLog {
  let broken = false;
  let prepared = false;
  return {
    path,
    write(line) {
      if (broken) return;
      try {
        if (!prepared) {
          mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
          tightenExisting(path);
          prepared = true;
        }
        appendFileSync(path, `${new Date().toISOString()} ${scrubText(line)}\n`, { mode: 0o600 });
      } catch {
        // A debug aid must never break the app, and it may not print: stop trying.
        broken = true;
      }
    },
  };
}

/** `mode` on append applies only when the file is created; an older, wider file is narrowed here. */
function tightenExisting(path: string): void {
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}
