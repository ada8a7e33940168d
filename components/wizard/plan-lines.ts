/**
 * A plan as styled lines: a numbered list with each step's status, and under each step the exact request it sends
 * (so the preview and the plan view are the same text before and after running).
 */
import type { ApiRequest } from '../../src/api/requests.js';
import type { Plan, PlanStep, StepStatus } from '../../src/domain/plan.js';
import { blank, line, tone, type Line, type Segment } from '../../src/ui/lines.js';
import type { Symbols } from '../../src/ui/theme.js';
import { wrapLine } from '../../src/ui/wrap.js';
import { requestLines } from './preview-lines.js';

function statusSegment(status: StepStatus, symbols: Symbols): Segment {
  switch (status) {
    case 'pending':
      return tone('muted', `${symbols.bullet} pending`);
    case 'running':
      return tone('accent', `${symbols.ellipsis} sending`);
    case 'ok':
      return tone('success', `${symbols.ok} done`);
    case 'failed':
      return tone('danger', `${symbols.fail} failed`, true);
    case 'unknown':
      return tone('warning', `${symbols.warn} outcome unknown`, true);
    case 'skipped':
      return tone('muted', `${symbols.dash} not sent`);
  }
}

function stepLines(
  step: PlanStep,
  index: number,
  urlOf: (r: ApiRequest) => string,
  symbols: Symbols,
  withRequests: boolean,
  width: number,
): Line[] {
  const head = line(`${index + 1}. `, statusSegment(step.status, symbols), '  ', step.request.summary);
  const error = step.error
    ? [
        line('   ', tone('danger', step.error.message)),
        ...(step.error.hint ? [line('   ', tone('muted', step.error.hint))] : []),
      ]
    : [];
  const request = withRequests
    ? requestLines(step.request, urlOf(step.request), width - 3).map((l) => [{ text: '   ' }, ...l])
    : [];
  return [head, ...error, ...request];
}

/**
 * `width`: the columns the lines get, so each request's URL is shown whole (broken after slashes) and every other
 * line (a step's summary, a long string in a body) wraps, never cut with "…" (as the typed confirmations show it).
 */
export function planLines(
  plan: Plan,
  urlOf: (r: ApiRequest) => string,
  symbols: Symbols,
  withRequests = true,
  width = Number.POSITIVE_INFINITY,
): Line[] {
  const steps = plan.steps.flatMap((step, i) => [
    ...(i > 0 && withRequests ? [blank] : []),
    ...stepLines(step, i, urlOf, symbols, withRequests, width),
  ]);
  const lines = [line(tone('title', plan.title, true)), ...steps];
  return Number.isFinite(width) ? lines.flatMap((l) => wrapLine(l, width)) : lines;
}
