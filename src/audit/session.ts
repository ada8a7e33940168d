/**
 * The audit trail of one TUI session. The file is opened on the first write, not at start: a session that only
 * browses leaves no trace, and in Cloud mode the organization id is known only once discovery has answered
 * (writes always come later, from data the user has seen). Free of React: the session is made before the UI loads
 * (src/cli/commands/tui-session.ts); components/audit/session.ts hands it to the panels.
 */
import type { WriteObserver } from '../api/client.js';
import {
  auditPath,
  createAuditLog,
  readAuditEntries,
  type AuditEntry,
  type AuditInput,
  type AuditLog,
  type AuditMode,
} from './index.js';
import type { Secret } from '../util/secret.js';
import { errorCode, errorMessage } from '../util/errors.js';

export interface AuditSession {
  readonly path: string;
  /** Give this to the client factories as `onWrite`. */
  readonly observer: WriteObserver;
  /** The last `limit` entries, oldest first; every ec-access process writes to the same file. */
  read: (limit: number) => AuditEntry[];
  /** Appends a `verify` line (what a re-read showed after a write). */
  record(input: AuditInput): void;
  /** Problems with the trail itself (unwritable file, permissions narrowed), for the audit view. */
  warnings(): readonly string[];
}

export interface AuditSessionOptions {
  readonly mode: AuditMode;
  /** Read when the first write happens. */
  readonly organizationId: () => string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** The session's own credentials, scrubbed if a server message ever echoes them. */
  readonly secrets?: readonly Secret[];
}

export function createAuditSession(options: AuditSessionOptions): AuditSession {
  const warnings: string[] = [];
  let log: AuditLog | undefined;
  const open = (): AuditLog | undefined => {
    if (log) return log;
    try {
      log = createAuditLog({
        mode: options.mode,
        organizationId: options.organizationId() ?? 'unknown',
        ...(options.env ? { env: options.env } : {}),
        ...(options.secrets ? { secrets: options.secrets } : {}),
        onWarning: (message) => warnings.push(message),
      });
    } catch (error) {
      warnings.push(`cannot open the audit trail: ${errorCode(error) ?? errorMessage(error)}`);
    }
    return log;
  };
  return {
    path: auditPath(options.env),
    observer: (event) => open()?.observer(event),
    read: (limit) => readAuditEntries({ limit, ...(options.env ? { env: options.env } : {}) }),
    record(input) {
      try {
        open()?.record(input);
      } catch (error) {
        warnings.push(`could not add to the audit trail: ${errorCode(error) ?? errorMessage(error)}`);
      }
    },
    warnings: () => warnings,
  };
}
