/**
 * The audit trail: every write, one redacted JSON line in `<stateDir>/audit.jsonl` (0600), plus optional `verify`
 * lines recording what a refresh showed afterwards. See entry.ts for the format.
 */
export {
  AuditEntry,
  AuditMode,
  AuditVerifyEntry,
  AuditWriteEntry,
  UNKNOWN_OUTCOME_ADVICE,
  VerifyResult,
  WriteOutcome,
} from './entry.js';
export { auditPath } from './file.js';
export { createAuditLog } from './log.js';
export type { AuditInput, AuditLog, AuditLogOptions } from './log.js';
export { readAuditEntries } from './read.js';
export type { ReadAuditOptions } from './read.js';
