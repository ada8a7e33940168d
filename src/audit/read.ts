/** Reading the audit trail back, for `ec-access audit` and the TUI. */
import { readFileSync } from 'node:fs';
import { AuditEntry } from './entry.js';
import { auditPath } from './file.js';
import { errorCode } from '../util/errors.js';

export interface ReadAuditOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Only the last `limit` entries. */
  readonly limit?: number;
}

/**
 * Entries oldest first (newest last); an empty list when there is no file yet. Lines that are not valid entries
 * are skipped rather than fatal: the last one may be torn by a crash mid-append, and a newer ec-access may have
 * written a kind of line this one does not know.
 */
export function readAuditEntries(options: ReadAuditOptions = {}): AuditEntry[] {
  let text: string;
  try {
    text = readFileSync(auditPath(options.env), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const entries = text.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return [];
    }
    const parsed = AuditEntry.safeParse(json);
    return parsed.success ? [parsed.data] : [];
  });
  return options.limit === undefined ? entries : entries.slice(Math.max(0, entries.length - options.limit));
}
