/**
 * Every write command ends here: show the plan (`--dry-run`), pass the confirmation gate (destructive commands),
 * then send the requests one by one and report each. Items are separate requests on purpose: one refused email or
 * member does not sink the others, and the result says exactly which failed. Each item's `outcome` is done, failed
 * or unknown (src/api/outcome.ts); an unknown one is settled by re-reading (src/domain/settle.ts) before it is
 * reported. Exit codes: 0 all done, 1 none done (or the only one failed), 3 some done and some not, 4 some outcome
 * still unknown after the re-read.
 */
import { isApiError } from '../../../api/errors.js';
import { failedWriteOutcome, type WriteOutcome } from '../../../api/outcome.js';
import type { ApiRequest } from '../../../api/requests.js';
import { SecretFileError } from '../../../secrets/index.js';
import { redactJson } from '../../../util/redact.js';
import type { CommandContext } from '../../command-spec.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, EXIT_UNKNOWN, EXIT_USAGE } from '../../exit-codes.js';
import { confirmDestructive, type ConfirmRequest } from './confirm.js';
import type { Output } from './output.js';
import type { Session } from './connect.js';

export interface PlannedWrite {
  /** What the request is about, as the user named it ("alice@example.com", a user id). */
  readonly target: string;
  readonly request: ApiRequest;
  /** The item's `result` in the output, made from the response. May throw: the item is then reported failed. */
  readonly describe?: (response: unknown) => unknown;
  /** Extra lines under the item in table mode, from its `result` (where the key's secret file is, say). */
  readonly humanize?: (result: unknown) => string;
}

export interface WritePlan {
  /** The command words ("members remove"). */
  readonly operation: string;
  readonly writes: readonly PlannedWrite[];
  /** Worth knowing but not blocking (an over-grant, a role that does not exist yet, the last owner leaving). */
  readonly warnings?: readonly string[];
  /** Present for destructive commands. */
  readonly confirm?: ConfirmRequest;
}

interface ErrorJson {
  readonly kind: string;
  readonly status: number | null;
  readonly code: string | null;
  readonly message: string;
  readonly hint: string | null;
}

function errorJson(error: unknown): ErrorJson {
  if (isApiError(error)) {
    return {
      kind: error.kind,
      status: error.status ?? null,
      code: error.code ?? null,
      message: error.message,
      hint: error.hint || null,
    };
  }
  return {
    kind: 'local',
    status: null,
    code: null,
    message: error instanceof Error ? error.message : String(error),
    hint: null,
  };
}

/** The exact request as it would go out: method, absolute URL (invitation tokens redacted), body. */
export function requestJson(session: Session, request: ApiRequest, withBody: boolean) {
  return {
    method: request.method,
    url: session.urlOf(request),
    ...(withBody && request.body !== undefined ? { body: redactJson(request.body) } : {}),
    summary: request.summary,
  };
}

function printDryRun(
  out: Output,
  session: Session,
  operation: string,
  requests: readonly ApiRequest[],
  warnings: readonly string[],
): void {
  const planned = requests.map((r) => requestJson(session, r, true));
  out.result({ schema: 'ec-access/dry-run@1', operation, requests: planned, warnings }, () =>
    [
      ...warnings.map((w) => `warning: ${w}`),
      `dry run: ${planned.length} request${planned.length === 1 ? '' : 's'} not sent`,
      ...planned.map((r) => `${r.method} ${r.url}${'body' in r ? `\n${JSON.stringify(r.body, null, 2)}` : ''}`),
    ].join('\n'),
  );
}

/**
 * What happens before any write is sent, in this order: the dry run (print and stop), the warnings, the
 * confirmation of a destructive command. Returns the exit code when the command stops here, undefined to send.
 */
export async function beforeSending(
  ctx: CommandContext,
  session: Session,
  out: Output,
  plan: {
    readonly operation: string;
    readonly requests: readonly ApiRequest[];
    readonly warnings?: readonly string[];
    readonly confirm?: ConfirmRequest;
  },
): Promise<number | undefined> {
  const warnings = plan.warnings ?? [];
  if (ctx.values['dry-run'] === true) {
    printDryRun(out, session, plan.operation, plan.requests, warnings);
    return EXIT_OK;
  }
  for (const warning of warnings) out.note(`warning: ${warning}`);
  if (plan.confirm && !(await confirmDestructive(ctx, plan.confirm))) {
    out.note('not confirmed; nothing was sent');
    return EXIT_USAGE;
  }
  return undefined;
}

/** Exit code for `succeeded` of `total` items. */
export function exitFor(succeeded: number, total: number): number {
  if (succeeded === total) return EXIT_OK;
  return succeeded === 0 ? EXIT_FAILURE : EXIT_PARTIAL;
}

interface ItemResult {
  readonly target: string;
  readonly ok: boolean;
  readonly outcome: WriteOutcome;
  readonly request: ReturnType<typeof requestJson>;
  readonly result: unknown;
  readonly error: ErrorJson | null;
}

export async function executePlan(
  ctx: CommandContext,
  session: Session,
  out: Output,
  plan: WritePlan,
): Promise<number> {
  const stop = await beforeSending(ctx, session, out, { ...plan, requests: plan.writes.map((w) => w.request) });
  if (stop !== undefined) return stop;

  const results: ItemResult[] = [];
  const lines: string[] = [];
  for (const write of plan.writes) {
    const request = requestJson(session, write.request, false);
    const sentAt = Date.now();
    let sent = false;
    try {
      const response = await session.send(write.request);
      sent = true;
      const result = write.describe ? write.describe(response) : null;
      results.push({ target: write.target, ok: true, outcome: 'done', request, result, error: null });
      lines.push(`ok      ${request.summary}${write.humanize ? `\n        ${write.humanize(result)}` : ''}`);
    } catch (error) {
      // Anything but an API or local failure is a bug; let it surface as one.
      if (!isApiError(error) && !(error instanceof SecretFileError)) throw error;
      // A local failure after a 2xx (the key's value could not be saved) still means the change was made.
      let outcome: WriteOutcome = sent && !isApiError(error) ? 'done' : failedWriteOutcome(error);
      let json = errorJson(error);
      let orphan = false;
      if (outcome === 'unknown') {
        const settled = await session.settle(write.request, { sentAt });
        outcome = settled.outcome;
        json = { ...json, message: `${json.message}; re-read: ${settled.detail}` };
        if (settled.outcome === 'done' && settled.orphanKeyId !== undefined) {
          orphan = true;
          json = {
            ...json,
            hint:
              `API key ${settled.orphanKeyId} exists but its value never arrived, so nothing can use it. Revoke it ` +
              `(ec-access keys revoke --ids ${settled.orphanKeyId} --yes) and create a new one.`,
          };
        }
      }
      // A settled `done` is a success, except for a key whose value was lost: the caller still has no usable key.
      const ok = outcome === 'done' && isApiError(error) && !orphan;
      results.push({ target: write.target, ok, outcome, request, result: null, error: ok ? null : json });
      const label = ok ? 'ok     ' : outcome === 'unknown' ? 'UNKNOWN' : outcome === 'done' ? 'DONE*  ' : 'FAILED ';
      lines.push(
        `${label} ${request.summary}${ok ? '' : `: ${json.message}${json.hint ? `\n        ${json.hint}` : ''}`}`,
      );
      // stdout is JSON for a program; a person watching the same run still sees what failed.
      if (out.format === 'json' && !ok)
        out.note(`${request.summary} ${outcome === 'unknown' ? 'outcome unknown' : 'failed'}: ${json.message}`);
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  out.result(
    {
      schema: 'ec-access/write@1',
      operation: plan.operation,
      results,
      summary: {
        succeeded,
        failed: results.length - succeeded,
        unknown: results.filter((r) => r.outcome === 'unknown').length,
      },
      warnings: plan.warnings ?? [],
    },
    () => lines.join('\n'),
  );
  return results.some((r) => r.outcome === 'unknown') ? EXIT_UNKNOWN : exitFor(succeeded, results.length);
}
