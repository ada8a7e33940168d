/**
 * The audit trail's line format, the single definition both the writer and the readers use.
 *
 * Two kinds of line, both append-only:
 * - `write`: one per request that changes something, written when its response arrives (or fails to). Its
 *   `outcome` is `done`, `failed` (refused, or never sent), or `unknown` when no answer, a 5xx or an unreadable
 *   2xx leaves open whether the change was made (src/api/outcome.ts); `unknown` lines carry `advice`. `note` says
 *   why a `done` does not look like one ("already gone": a retried DELETE found nothing left).
 * - `verify`: written later by whoever re-read the data to check the effect ("2 of 3 keys revoked"), or to settle
 *   an `unknown` write (`confirmed`: it was done; `not-applied`: it was not).
 *   It points at the write by `ref` (the write's `id`). A verification never rewrites the earlier line: a trail
 *   that can be edited in place is not a trail.
 */
import * as z from 'zod';

export const AuditMode = z.enum(['sandbox', 'cloud']);
export type AuditMode = z.infer<typeof AuditMode>;

/** Lines written before the outcome was named `done` say `ok`; they are read as `done`. */
export const WriteOutcome = z.preprocess((v) => (v === 'ok' ? 'done' : v), z.enum(['done', 'failed', 'unknown']));
export type WriteOutcome = z.infer<typeof WriteOutcome>;

/** confirmed: the change is visible; not-applied: it is not; partial: some of the items changed. */
export const VerifyResult = z.enum(['confirmed', 'not-applied', 'partial']);
export type VerifyResult = z.infer<typeof VerifyResult>;

export const UNKNOWN_OUTCOME_ADVICE = 'refresh and check whether it took effect';

const common = {
  id: z.string(),
  /** ISO 8601, wall clock. */
  time: z.string(),
  organizationId: z.string(),
  mode: AuditMode,
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  /** Below the service root, invitation tokens redacted. */
  path: z.string(),
  service: z.enum(['cloud', 'es']),
  /** The project whose Elasticsearch was called (service `es` only). */
  projectId: z.string().optional(),
};

export const AuditWriteEntry = z.object({
  type: z.literal('write'),
  ...common,
  /** Absolute URL, no credentials, invitation tokens redacted. */
  url: z.string(),
  summary: z.string(),
  /** The request body with secret fields redacted. */
  body: z.unknown().optional(),
  /** null when no response arrived. */
  status: z.number().int().nullable(),
  outcome: WriteOutcome,
  advice: z.string().optional(),
  note: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  durationMs: z.number(),
});
export type AuditWriteEntry = z.infer<typeof AuditWriteEntry>;

export const AuditVerifyEntry = z.object({
  type: z.literal('verify'),
  ...common,
  /** The `id` of the write being verified; absent when this session recorded no matching write. */
  ref: z.string().optional(),
  result: VerifyResult,
  detail: z.string().optional(),
});
export type AuditVerifyEntry = z.infer<typeof AuditVerifyEntry>;

export const AuditEntry = z.discriminatedUnion('type', [AuditWriteEntry, AuditVerifyEntry]);
export type AuditEntry = z.infer<typeof AuditEntry>;
