/**
 * A plan: the ordered requests one user action sends, each with its status. Every write in the app is shown as a
 * plan before it is sent, and run by `runPlan`, which stops at the first failure so nothing after a failed step is
 * attempted, and says afterwards exactly which steps took effect. Pure data plus one async executor; no Ink.
 */
import { failedWriteOutcome } from '../api/outcome.js';
import type { ApiRequest } from '../api/requests.js';

/**
 * `failed`: the server did not act; `unknown`: the request went out and its effect is not known (a 5xx, a reset, a
 * timeout, an unreadable answer), so it is never counted as "nothing changed".
 */
export type StepStatus = 'pending' | 'running' | 'ok' | 'failed' | 'unknown' | 'skipped';

export interface PlanStep {
  readonly request: ApiRequest;
  readonly status: StepStatus;
  /** Why it failed: the ApiError message and its hint, kept as text so a plan can be rendered or logged safely. */
  readonly error?: { readonly message: string; readonly hint?: string };
  /**
   * A key this step created whose one-time value never arrived (its outcome was unknown, the re-read found it):
   * it exists, but nothing can use it, so it should be revoked and a new one created.
   */
  readonly orphanKeyId?: string;
}

export interface Plan {
  readonly title: string;
  readonly steps: readonly PlanStep[];
}

export interface PlanOutcome {
  readonly plan: Plan;
  readonly ok: boolean;
  /** Steps whose request succeeded, in order: what changed on the server. */
  readonly tookEffect: readonly PlanStep[];
  /** The step that stopped the plan: `failed`, or `unknown` when its effect is not known. */
  readonly failed?: PlanStep;
  /** Steps never sent because an earlier one failed. */
  readonly notRun: readonly PlanStep[];
  /** Keys created without their value arriving (PlanStep.orphanKeyId): the plan did not give the user what they asked. */
  readonly orphanKeyIds: readonly string[];
}

export function createPlan(title: string, requests: readonly ApiRequest[]): Plan {
  return { title, steps: requests.map((request) => ({ request, status: 'pending' })) };
}

function withStep(plan: Plan, index: number, step: PlanStep): Plan {
  return { ...plan, steps: plan.steps.map((s, i) => (i === index ? step : s)) };
}

function errorText(error: unknown): { message: string; hint?: string } {
  // Returned fresh and mutable: a settled step appends what the re-read showed.
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    const hint = 'hint' in error ? error.hint : undefined;
    return typeof hint === 'string' && hint ? { message: error.message, hint } : { message: error.message };
  }
  return { message: String(error) };
}

export function outcomeOf(plan: Plan): PlanOutcome {
  const failed = plan.steps.find((s) => s.status === 'failed' || s.status === 'unknown');
  const orphanKeyIds = plan.steps.flatMap((s) => (s.orphanKeyId === undefined ? [] : [s.orphanKeyId]));
  return {
    plan,
    ok: plan.steps.every((s) => s.status === 'ok') && orphanKeyIds.length === 0,
    orphanKeyIds,
    tookEffect: plan.steps.filter((s) => s.status === 'ok'),
    ...(failed ? { failed } : {}),
    notRun: plan.steps.filter((s) => s.status === 'skipped'),
  };
}

export type Send = (request: ApiRequest) => Promise<unknown>;

/**
 * Re-reads to decide a step whose outcome is unknown (src/state/settle-io.ts): `done` lets the plan go on,
 * `failed` means nothing changed, `unknown` stops the plan as it is.
 */
export type Settle = (
  request: ApiRequest,
  sentAt: number,
) => Promise<{
  readonly outcome: 'done' | 'failed' | 'unknown';
  readonly detail: string;
  readonly orphanKeyId?: string;
}>;

/**
 * Send the steps in order. `onUpdate` sees every status change (for the live plan view); `onResponse` receives
 * each successful response body once and is the only place it goes, so a created key's secret is never kept in the
 * plan (which is rendered, and may be logged).
 */
export async function runPlan(
  plan: Plan,
  send: Send,
  onUpdate: (plan: Plan) => void = () => {},
  onResponse: (index: number, body: unknown) => void = () => {},
  settle?: Settle,
): Promise<PlanOutcome> {
  let current = plan;
  const set = (index: number, step: PlanStep) => {
    current = withStep(current, index, step);
    onUpdate(current);
  };
  for (let i = 0; i < current.steps.length; i++) {
    const step = current.steps[i]!;
    if (step.status === 'ok') continue;
    set(i, { request: step.request, status: 'running' });
    const sentAt = Date.now();
    try {
      const body = await send(step.request);
      set(i, { request: step.request, status: 'ok' });
      onResponse(i, body);
    } catch (error) {
      const text = errorText(error);
      let status: StepStatus = failedWriteOutcome(error);
      let orphanKeyId: string | undefined;
      if (status === 'unknown' && settle) {
        const settled = await settle(step.request, sentAt);
        status = settled.outcome === 'done' ? 'ok' : settled.outcome;
        orphanKeyId = settled.orphanKeyId;
        text.message = `${text.message} (re-read: ${settled.detail})`;
      }
      set(i, { request: step.request, status, error: text, ...(orphanKeyId === undefined ? {} : { orphanKeyId }) });
      if (status === 'ok') continue;
      for (let j = i + 1; j < current.steps.length; j++)
        set(j, { request: current.steps[j]!.request, status: 'skipped' });
      break;
    }
  }
  return outcomeOf(current);
}

/** "2 of 3 steps took effect: …", for the result line after a failure. */
export function describeOutcome(outcome: PlanOutcome): string {
  const total = outcome.plan.steps.length;
  if (outcome.ok) return total === 1 ? 'Done.' : `All ${total} steps done.`;
  if (outcome.orphanKeyIds.length > 0 && !outcome.failed) return orphanMessage(outcome.orphanKeyIds);
  const done = outcome.tookEffect.map((s) => s.request.summary);
  const stopped = outcome.failed;
  const number = stopped ? outcome.plan.steps.indexOf(stopped) + 1 : 0;
  const notSent = outcome.notRun.length > 0 ? ` Not sent: ${outcome.notRun.length}.` : '';
  const before = done.length === 0 ? '' : `; already took effect: ${done.join('; ')}`;
  if (stopped?.status === 'unknown') {
    return `Step ${number} outcome unknown: it may or may not have taken effect (refresh and check before retrying)${before}.${notSent}`;
  }
  const failed = stopped ? `Step ${number} failed` : 'Stopped';
  const effect = done.length === 0 ? 'nothing was changed' : `already took effect: ${done.join('; ')}`;
  return `${failed}; ${effect}.${notSent}`;
}

/** Said plainly: the key exists, but nobody has its value, so the only way on is a new key (and revoking this one). */
export function orphanMessage(keyIds: readonly string[]): string {
  const keys = keyIds.length === 1 ? `API key ${keyIds[0]} was` : `API keys ${keyIds.join(', ')} were`;
  return `${keys} created, but the value never arrived, so nothing can use ${keyIds.length === 1 ? 'it' : 'them'}. Revoke ${keyIds.length === 1 ? 'it' : 'them'} and create a new one.`;
}
