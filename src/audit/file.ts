/**
 * The audit file itself: `<stateDir>/audit.jsonl`, owner-only, one JSON object per line, append-only.
 * Each line goes out in a single append, which local filesystems apply whole, so two ec-access processes
 * writing at once interleave lines but never characters.
 */
import { appendFileSync, closeSync, fchmodSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from '../util/state-dir.js';

export function auditPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'audit.jsonl');
}

export interface PreparedFile {
  /** Set when an existing file was readable by others and has been narrowed to 0600. */
  readonly tightened?: { readonly from: number };
  /** The file ends in a torn line (a crash mid-append); the next line must start on a fresh one. */
  readonly needsNewline: boolean;
}

/** Creates the file 0600, or narrows an existing one that is looser (append's `mode` applies only at creation). */
export function prepareAuditFile(path: string): PreparedFile {
  const fd = openSync(path, 'a+', 0o600);
  try {
    const { mode, size } = fstatSync(fd);
    const permissions = mode & 0o777;
    let tightened: PreparedFile['tightened'];
    if ((permissions & 0o077) !== 0) {
      fchmodSync(fd, 0o600);
      tightened = { from: permissions };
    }
    let needsNewline = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      needsNewline = last[0] !== 0x0a;
    }
    return { ...(tightened ? { tightened } : {}), needsNewline };
  } finally {
    closeSync(fd);
  }
}

export function appendLine(path: string, line: string): void {
  appendFileSync(path, `${line}\n`, { mode: 0o600 });
}
