/**
 * A plan: the ordered requests one user action sends, each with its status. Every write in the app is shown as a
 * plan before it is sent, and run by `runPlan`, which stops at the first failure so nothing after a failed step is
 * attempted, and says afterwards exactly which steps took effect. Pure data plus one async executor; no Ink.
 */
import type { ApiRequest } from '../api/requests.js';

export type StepStatus = 'pending' | 'running' | 'ok' | 'failed' | 'skipped';

export interface PlanStep {
  readonly request: ApiRequest;
  readonly status: StepStatus;
  /** Why it failed: the ApiError message and its hint, kept as text so a plan can be rendered or logged safely. */
  readonly error?: { readonly message: string; readonly hint?: string };
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
  readonly failed?: PlanStep;
  /** Steps never sent because an earlier one failed. */
  readonly notRun: readonly PlanStep[];
}

export function createPlan(title: string, requests: readonly ApiRequest[]): Plan {
  return { title, steps: requests.map((request) => ({ request, status: 'pending' })) };
}

function withStep(plan: Plan, index: number, step: PlanStep): Plan {
  return { ...plan, steps: plan.steps.map((s, i) => (i === index ? step : s)) };
}

function errorText(error: unknown): { message: string; hint?: string } {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    const hint = 'hint' in error ? error.hint : undefined;
    return typeof hint === 'string' && hint ? { message: error.message, hint } : { message: error.message };
  }
  return { message: String(error) };
}

export function outcomeOf(plan: Plan): PlanOutcome {
  const failed = plan.steps.find((s) => s.status === 'failed');
  return {
    plan,
    ok: plan.steps.every((s) => s.status === 'ok'),
    tookEffect: plan.steps.filter((s) => s.status === 'ok'),
    ...(failed ? { failed } : {}),
    notRun: plan.steps.filter((s) => s.status === 'skipped'),
  };
}

export type Send = (request: ApiRequest) => Promise<unknown>;

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
    try {
      const body = await send(step.request);
      set(i, { request: step.request, status: 'ok' });
      onResponse(i, body);
    } catch (error) {
      set(i, { request: step.request, status: 'failed', error: errorText(error) });
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
  const done = outcome.tookEffect.map((s) => s.request.summary);
  const failed = outcome.failed ? `Step ${outcome.plan.steps.indexOf(outcome.failed) + 1} failed` : 'Stopped';
  const effect = done.length === 0 ? 'nothing was changed' : `already took effect: ${done.join('; ')}`;
  return `${failed}; ${effect}.${outcome.notRun.length > 0 ? ` Not sent: ${outcome.notRun.length}.` : ''}`;
}
