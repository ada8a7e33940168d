/**
 * The last stage of every write: show the plan with each exact request, send it on `enter` only, re-read the
 * affected data, then show what was verified or, on failure, the error and which steps already took effect.
 */
import { Box, Text } from 'ink';
import { useContext, useReducer, useRef, useState, type ReactNode } from 'react';
import { describeOutcome, runPlan, type Plan, type PlanOutcome } from '../../src/domain/plan.js';
import type { RefreshScope } from '../../src/state/store.js';
import { dataOf } from '../../src/state/resource.js';
import { settleWrite } from '../../src/state/settle-io.js';
import { AppStateContext, useAppActions } from '../../src/ui/contexts.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import { wrapWords } from '../../src/ui/text-width.js';
import { useTheme } from '../../src/ui/theme.js';
import { wrapLine } from '../../src/ui/wrap.js';
import { PlanView } from '../PlanView.js';
import type { Note } from './model.js';
import { planLines } from './plan-lines.js';
import { useWizardServices, type RequestRouter } from './services.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';

type Phase = 'review' | 'running' | 'verifying' | 'done';

interface RunnerState {
  readonly phase: Phase;
  readonly plan: Plan;
  readonly scroll: number;
  readonly outcome?: PlanOutcome;
}

type RunnerAction =
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'start' }
  | { type: 'progress'; plan: Plan }
  | { type: 'sent'; outcome: PlanOutcome }
  | { type: 'verified' };

function runnerReducer(s: RunnerState, a: RunnerAction): RunnerState {
  switch (a.type) {
    case 'scroll':
      return { ...s, scroll: Math.max(0, Math.min(a.max, s.scroll + a.delta)) };
    case 'start':
      return s.phase === 'review' ? { ...s, phase: 'running' } : s;
    case 'progress':
      return { ...s, plan: a.plan };
    case 'sent':
      return { ...s, phase: 'verifying', plan: a.outcome.plan, outcome: a.outcome };
    case 'verified':
      return { ...s, phase: 'done' };
  }
}

export interface PlanRunnerProps<E> {
  /** The header line ("Invite · review"): what has been sent so far is added to it. */
  readonly heading?: string;
  readonly plan: Plan;
  readonly router: RequestRouter;
  /** Shown above the plan: warnings, labels such as "Cloud-only". */
  readonly notes?: readonly Note[];
  /** A refusal: the plan is shown but `enter` does nothing, and this says why. */
  readonly blocked?: string;
  readonly refresh: readonly RefreshScope[];
  /** The data the app currently holds; after the re-read it is what `verify` checks. */
  readonly env?: E;
  /** What the re-read data shows; the function given when the plan started is the one used (it knows the plan). */
  readonly verify?: (fresh: E) => readonly Note[];
  readonly onResponse?: (index: number, body: unknown) => void;
  readonly onBack: () => void;
  /** In the review: pick an answer to change (a wizard's review; absent where there are no answers). */
  readonly onChange?: () => void;
  readonly onClose: () => void;
  /** Shown under the result once done (a follow-up offer, the hand-off to the one-time secret panel), with what the re-read verified. */
  readonly done?: (outcome: PlanOutcome, checks: readonly Note[]) => ReactNode;
  readonly width: number;
  readonly height: number;
}

export const noteLine = (n: Note, warn: string): Line =>
  line(tone(n.tone, n.tone === 'warning' || n.tone === 'danger' ? `${warn} ${n.text}` : n.text));

export function PlanRunner<E>(props: PlanRunnerProps<E>) {
  const {
    heading,
    plan,
    router,
    notes = [],
    blocked,
    refresh,
    env,
    onResponse,
    onBack,
    onChange,
    onClose,
    done,
    width,
    height,
  } = props;
  const actions = useAppActions();
  const services = useWizardServices();
  // Optional: a runner shown outside the app (a test) settles without the organization's lists.
  const appState = useContext(AppStateContext);
  const theme = useTheme();
  const [state, dispatch] = useReducer(runnerReducer, { phase: 'review', plan, scroll: 0 });
  // Two enters before the next render both see phase 'review'; the plan must still go out once.
  const started = useRef(false);
  // The check given when the plan started (it knows the plan), not a later render's.
  const [check, setCheck] = useState(() => props.verify);
  const warn = theme.symbols.warn;
  const wrap = (lines: readonly Line[]) => lines.flatMap((l) => wrapLine(l, width - 2));
  const before = wrap([
    ...notes.map((n) => noteLine(n, warn)),
    // A refusal is about sending: once sent, the answers judged against the re-read data would refuse what was done.
    ...(blocked && state.phase === 'review' ? [line(tone('danger', `${theme.symbols.fail} ${blocked}`, true))] : []),
  ]);
  const checks = state.phase === 'done' && state.outcome?.ok && check && env !== undefined ? check(env) : [];
  const result = wrap(resultLines(state, checks, warn));
  const followUp = state.phase === 'done' && state.outcome && done ? done(state.outcome, checks) : null;
  // Wrapped, not cut: at 60 columns "nothing is sent until you press enter" would lose its last words.
  const head = heading === undefined ? [] : wrapWords(`${heading} · ${sentSoFar(state)}`, width - 2);
  // Rows for the follow-up only when there is one: a result without it keeps its checks in view.
  const viewHeight = Math.max(3, height - 2 - head.length - (followUp === null || followUp === undefined ? 0 : 4));
  const total =
    before.length + planLines(state.plan, router.urlOf, theme.symbols, true, width - 1).length + result.length;
  const max = Math.max(0, total - viewHeight);

  const run = async () => {
    if (started.current) return;
    started.current = true;
    setCheck(() => props.verify);
    dispatch({ type: 'start' });
    const orgId = appState ? dataOf(appState.data.organization)?.id : undefined;
    // A step whose outcome is unknown is settled by re-reading the Cloud lists (ES roles stay unknown here).
    const settle = services
      ? (request: Parameters<typeof settleWrite>[1], sentAt: number) =>
          settleWrite({ cloud: services.cloud, ...(orgId ? { orgId } : {}) }, request, { sentAt })
      : undefined;
    const outcome = await runPlan(
      state.plan,
      router.send,
      (p) => dispatch({ type: 'progress', plan: p }),
      onResponse,
      settle,
    );
    dispatch({ type: 'sent', outcome });
    await actions.refresh(refresh);
    dispatch({ type: 'verified' });
    actions.notify(`${state.plan.title}: ${describeOutcome(outcome)}`, outcome.ok ? 'success' : 'danger');
  };

  const review = state.phase === 'review';
  const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
  usePanelBindings('plan', {
    'plan.send': review && !blocked && state.plan.steps.length > 0 ? () => void run() : undefined,
    'plan.back': review ? onBack : undefined,
    'plan.change': review ? onChange : undefined,
    'plan.close': state.phase === 'done' ? onClose : undefined,
    'plan.up': scroll(-1),
    'plan.down': scroll(1),
    'plan.pageUp': scroll(-viewHeight),
    'plan.pageDown': scroll(viewHeight),
  });

  // What is going on while no key but scrolling works; the keys themselves are in the footer.
  const status = {
    review: blocked ? 'change the answers (esc) to send' : undefined,
    running: 'sending…',
    verifying: 're-reading to verify…',
    done: undefined,
  }[state.phase];
  return (
    <Box flexDirection="column">
      {head.map((l, i) => (
        <Text key={`head${i}`} color={theme.colorOf('muted')} wrap="truncate">{` ${l}`}</Text>
      ))}
      <PlanView
        plan={state.plan}
        urlOf={router.urlOf}
        width={width}
        height={viewHeight}
        scroll={state.scroll}
        before={before}
        after={result}
      />
      {followUp}
      {status === undefined ? null : <Text color={theme.colorOf('muted')} wrap="truncate">{` ${status}`}</Text>}
    </Box>
  );
}

/** What the header says has been sent, phase by phase. */
function sentSoFar(state: RunnerState): string {
  if (state.phase === 'review') return 'nothing is sent until you press enter';
  if (state.phase === 'running') return 'sending…';
  return state.outcome?.ok || state.outcome?.failed === undefined ? 'sent' : 'stopped at a failed step';
}

/** `checks`: what the re-read verified, once done (empty before). */
function resultLines(state: RunnerState, checks: readonly Note[], warn: string): Line[] {
  if (!state.outcome) return state.phase === 'review' ? [line(tone('muted', 'Nothing has been sent yet.'))] : [];
  const head = line(tone(state.outcome.ok ? 'success' : 'danger', describeOutcome(state.outcome), true));
  return [head, ...checks.map((n) => noteLine(n, warn))];
}
