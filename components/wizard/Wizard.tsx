/**
 * A wizard panel: one step at a time with the answers so far above it, then the plan preview (PlanRunner). `esc`
 * steps back with every answer kept; on the first step it closes the panel. While anything has been entered,
 * quitting the app asks first (useDirty).
 */
import { Box, Text } from 'ink';
import { useEffect, useReducer, useRef, type ReactNode } from 'react';
import type { PlanOutcome } from '../../src/domain/plan.js';
import { useAppActions } from '../../src/ui/contexts.js';
import { useDirty } from '../../src/ui/dirty.js';
import { layoutFor } from '../../src/ui/layout.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { StepField, type FieldActions } from './fields.js';
import {
  ANSWERS,
  answered,
  currentId,
  currentStep,
  initialWizard,
  REVIEW,
  wizardReducer,
  type Note,
  type Step,
  type WizardAction,
} from './model.js';
import { noteLine, PlanRunner } from './PlanRunner.js';
import { wrapLine } from '../../src/ui/wrap.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import { Segments } from '../Segments.js';
import { ExplainPanel } from '../explain/ExplainPanel.js';
import { useExplain } from '../explain/use-explain.js';
import { WhyLine, whyLines } from '../explain/WhyLine.js';
import { wrapWords } from '../explain/wrap.js';
import type { RequestRouter } from './services.js';
import type { Plan } from '../../src/domain/plan.js';
import type { RefreshScope } from '../../src/state/store.js';
import { useInkInput } from '../../src/ui/ink-input-bridge.js';
import type { KeyPress } from '../../src/ui/keys.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';

/** What the review shows and sends for the answers given. */
export interface Draft<E> {
  readonly plan: Plan;
  /** Checks against the re-read data once the plan succeeded ("bob@acme.test is listed as invited"). */
  readonly verify?: (fresh: E) => readonly Note[];
  readonly notes?: readonly Note[];
  /** Refuse to send, and say why (an over-grant, a missing credential). */
  readonly blocked?: string;
}

export interface WizardSpec<V, E> {
  readonly title: string;
  readonly steps: readonly Step<V, E>[];
  readonly draft: (v: V, env: E) => Draft<E>;
  readonly refresh: (v: V) => readonly RefreshScope[];
}

export interface WizardProps<V, E> {
  readonly spec: WizardSpec<V, E>;
  readonly initial: V;
  readonly env: E;
  readonly router: RequestRouter;
  readonly onResponse?: (index: number, body: unknown) => void;
  /** `checks`: what the re-read after the plan verified. */
  readonly done?: (outcome: PlanOutcome, values: V, checks: readonly Note[]) => ReactNode;
  /**
   * Said on every step and above the plan: what a pre-filled wizard is for and what it could not carry over
   * ("replaces key …", "cannot express … exactly"), so a pre-fill never changes something without saying so.
   */
  readonly intro?: readonly Note[];
  /** A pre-fill that answers every step opens on the review (a complete `:` request); else on the first step it lacks. */
  readonly review?: boolean;
}

/** `intro` above a step leaves the field at least this many rows; what does not fit is in the review in full. */
const ROWS_BESIDE_INTRO = 16;
const SUMMARY_LINES = 4;
/** The longer explanation (ctrl+o) may take this much of a step, so the field stays usable at 80x24. */
const EXPLAIN_LINES = 6;

/** At most `room` lines, the last saying how many more the review shows. */
function fitted(lines: readonly Line[], room: number, ellipsis: string): Line[] {
  if (lines.length <= room) return [...lines];
  return [
    ...lines.slice(0, room - 1),
    line(tone('muted', `${ellipsis} ${lines.length - room + 1} more lines above the plan in the review`)),
  ];
}

export function Wizard<V, E>({
  spec,
  initial,
  env,
  router,
  onResponse,
  done,
  intro = [],
  review = false,
}: WizardProps<V, E>) {
  const actions = useAppActions();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  const [state, dispatch] = useReducer(wizardReducer<V, E>, undefined, () =>
    initialWizard(initial, spec.steps, env, { review }),
  );
  useDirty(state.touched);
  const id = currentId(state);
  const step = currentStep(state, spec.steps, env);
  const explain = useExplain(id === REVIEW ? undefined : step?.concept);

  useEffect(() => {
    if (state.closed === undefined) return;
    actions.closeOverlay();
    actions.notify(state.closed, 'accent');
  }, [state.closed, actions]);

  // A changed answer makes the status line's "Plan: …" (the request as first asked) stale: say what holds now.
  const revisit = useRef(state.revisit);
  useEffect(() => {
    const left = revisit.current;
    revisit.current = state.revisit;
    if (left && !state.revisit && left.values !== state.values)
      actions.notify('Answer changed: the review shows the request as it is now', 'accent', { whilePanelOpen: true });
  }, [state.revisit, state.values, actions]);

  const kind = id === REVIEW ? undefined : step?.kind;
  const list = kind === 'choice' || kind === 'multi';
  const of = { steps: spec.steps, env };
  // The step's Ink field (fields.tsx: ink-text-input, ink-select-input) hears only the presses these bindings forward
  // to it; a list that is ours (several choices, or too long for ink-select-input) has no Ink field, and `forward`
  // says so by returning false.
  const field = useInkInput();
  const ours = (action: WizardAction<V, E>) => (press: KeyPress) => {
    if (!field.forward(press)) dispatch(action);
  };
  // Each key is dispatched after the previous key's render (src/ui/keypress.tsx), so `state` here is current.
  usePanelBindings(
    'wizard',
    {
      'wizard.up': list ? ours({ type: 'move', by: -1, ...of }) : undefined,
      'wizard.down': list ? ours({ type: 'move', by: 1, ...of }) : undefined,
      // ink-select-input has no first/last: the reducer moves the cursor, and the field starts again there.
      'wizard.first': list ? () => dispatch({ type: 'moveTo', to: 'first', ...of }) : undefined,
      'wizard.last': list ? () => dispatch({ type: 'moveTo', to: 'last', ...of }) : undefined,
      'wizard.toggle': kind === 'multi' ? () => dispatch({ type: 'toggle', ...of }) : undefined,
      'wizard.choose': kind === 'choice' ? ours({ type: 'enter', ...of }) : undefined,
      'wizard.next': kind === 'text' || kind === 'multi' ? ours({ type: 'enter', ...of }) : undefined,
      'wizard.erase': kind === 'text' ? field.forward : undefined,
      'wizard.cursor': kind === 'text' ? field.forward : undefined,
      'wizard.explain': explain.explanation ? explain.toggle : undefined,
      'wizard.back': () => (state.trail.length === 1 ? actions.closeOverlay() : dispatch({ type: 'back', ...of })),
    },
    { active: id !== REVIEW, ...(kind === 'text' ? { onText: field.type } : {}) },
  );
  const fieldActions: FieldActions = {
    edit: (text) => dispatch({ type: 'edit', text, ...of }),
    submit: () => dispatch({ type: 'enter', ...of }),
    moveTo: (index) => dispatch({ type: 'moveTo', to: index, ...of }),
    choose: (index) => {
      dispatch({ type: 'moveTo', to: index, ...of });
      dispatch({ type: 'enter', ...of });
    },
  };

  const inner = layout.boxInner;
  const width = layout.width - 2;
  const summary = id === ANSWERS ? [] : answered(state, spec.steps, env).slice(-SUMMARY_LINES);
  const position = `${spec.title} · ${
    id === REVIEW
      ? 'review'
      : id === ANSWERS || state.revisit
        ? 'changing an answer (esc puts it back)'
        : `step ${state.trail.length}`
  }`;
  if (id === REVIEW) {
    const draft = spec.draft(state.values, env);
    return (
      <PlanRunner
        heading={position}
        plan={draft.plan}
        notes={[...intro, ...(draft.notes ?? [])]}
        blocked={draft.blocked}
        router={router}
        refresh={spec.refresh(state.values)}
        env={env}
        verify={draft.verify}
        onResponse={onResponse}
        onBack={() => dispatch({ type: 'back', steps: spec.steps, env })}
        onChange={() => dispatch({ type: 'change', steps: spec.steps, env })}
        onClose={actions.closeOverlay}
        done={done ? (outcome, checks) => done(outcome, state.values, checks) : undefined}
        width={width}
        height={inner}
      />
    );
  }
  if (!step) return <Text>{`Unknown step ${id}`}</Text>;
  const noteLines = (step.notes?.(state.values, env) ?? []).flatMap((n) =>
    wrapLine(noteLine(n, theme.symbols.warn), width - 2),
  );
  const introLines = fitted(
    intro.flatMap((n) => wrapLine(noteLine(n, theme.symbols.warn), width - 2)),
    Math.max(3, inner - ROWS_BESIDE_INTRO),
    theme.symbols.ellipsis,
  );
  const why = whyLines(explain, width, theme.unicode);
  // Continuations hang under the message, past the mark.
  const error = state.error
    ? wrapWords(state.error, width - 4).map((l, i) => `${i === 0 ? `${theme.symbols.fail} ` : '  '}${l}`)
    : [];
  // One line, cut at the edge if need be: at 60×20 a wrapped help would take the rows the options need.
  const help = step.help ? [step.help] : [];
  const explainLines = why.length + (explain.open ? EXPLAIN_LINES : 0);
  const listHeight = Math.max(
    3,
    inner - 4 - introLines.length - summary.length - noteLines.length - help.length - explainLines - error.length,
  );
  return (
    <Box flexDirection="column">
      <Text color={theme.colorOf('muted')} wrap="truncate">{` ${position}`}</Text>
      {introLines.map((l, i) => (
        <Text key={`intro${i}`} wrap="truncate">
          {' '}
          <Segments line={l} />
        </Text>
      ))}
      {summary.map((s) => (
        <Text key={s.title} wrap="truncate">
          <Text color={theme.colorOf('muted')}>{`   ${s.title} `}</Text>
          {s.text}
        </Text>
      ))}
      <Text bold color={theme.colorOf('title')} wrap="truncate">{` ${step.title}`}</Text>
      {help.map((l, i) => (
        <Text key={`help${i}`} color={theme.colorOf('muted')} wrap="truncate">{` ${l}`}</Text>
      ))}
      <WhyLine lines={why} />
      {explain.open && explain.explanation ? (
        <ExplainPanel explanation={explain.explanation} width={width} maxLines={EXPLAIN_LINES} />
      ) : null}
      <Box paddingLeft={1} flexDirection="column">
        <StepField step={step} state={state} env={env} height={listHeight} input={field} actions={fieldActions} />
      </Box>
      {error.map((l, i) => (
        <Text key={`error${i}`} color={theme.colorOf('danger')} wrap="truncate">{` ${l}`}</Text>
      ))}
      {noteLines.map((l, i) => (
        <Text key={i} wrap="truncate">
          {' '}
          <Segments line={l} />
        </Text>
      ))}
    </Box>
  );
}
