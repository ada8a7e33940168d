/**
 * The wizard engine as pure data and a reducer. A wizard is an ordered list of steps over one values object;
 * answering a step writes into the values, `esc` walks back through the steps actually visited (loops included)
 * with every answer kept, and each step validates before the next one opens. The wizard's bindings (the `wizard`
 * scope of src/ui/bindings.ts) dispatch these actions; no key name reaches the reducer.
 *
 * From the review the user can pick any answer (`change`), edit it, and come back: the steps after it that were
 * answered before are passed as they are (as if `enter` were pressed on each), so only what the change makes new
 * (a confirmation, an unanswered step) is asked. A complete pre-fill opens on the review the same way.
 */
import type { ConceptId } from '../../src/domain/explanations.js';
import type { Tone } from '../../src/ui/theme.js';

export interface Option {
  readonly id: string;
  readonly label: string;
  /** Muted text after the label ("3 projects", "expires in 20d"). */
  readonly hint?: string;
}

export interface Note {
  readonly tone: Extract<Tone, 'warning' | 'danger' | 'muted' | 'success' | 'accent'>;
  readonly text: string;
}

/** Where to go after a step: another step (loops), or close the wizard with a message (nothing is sent). */
export type Next = string | { readonly close: string };

interface StepBase<V, E> {
  readonly id: string;
  /** The question ("Who should be invited?"). */
  readonly title: string;
  readonly help?: string;
  /** What the step's why-line and `i` explain (src/domain/explanations.ts); every step teaches something. */
  readonly concept: ConceptId;
  /** Skipped when false; skipped steps keep their values for when they come back. */
  readonly when?: (v: V, env: E) => boolean;
  /** A message here blocks `enter` and is shown under the field. */
  readonly validate?: (v: V, env: E) => string | undefined;
  /** Warnings and facts shown under the field; they never block. */
  readonly notes?: (v: V, env: E) => readonly Note[];
  readonly next?: (v: V, env: E) => Next | undefined;
  /** Tidies the values once the step is answered (an emptied loop entry is dropped), before `next` is asked. */
  readonly commit?: (v: V, env: E) => V;
  /** One line for the answered-steps summary; empty leaves the step out. */
  readonly summary?: (v: V, env: E) => string;
}

export type Step<V, E> =
  | (StepBase<V, E> & {
      readonly kind: 'text';
      readonly get: (v: V) => string;
      readonly set: (v: V, text: string) => V;
      /** Rules enforced as you type: a character this refuses never enters the field. */
      readonly accept?: (char: string, current: string) => boolean;
      readonly placeholder?: string;
    })
  | (StepBase<V, E> & {
      readonly kind: 'choice';
      readonly options: (v: V, env: E) => readonly Option[];
      readonly get: (v: V) => string | undefined;
      readonly set: (v: V, id: string) => V;
    })
  | (StepBase<V, E> & {
      readonly kind: 'multi';
      readonly options: (v: V, env: E) => readonly Option[];
      readonly get: (v: V) => readonly string[];
      readonly set: (v: V, ids: readonly string[]) => V;
    });

export interface WizardState<V> {
  readonly values: V;
  /** Step ids visited, current last. `review` is the plan preview after the last step. */
  readonly trail: readonly string[];
  /** List cursor per step id, kept when walking back. */
  readonly cursors: Readonly<Record<string, number>>;
  readonly error?: string;
  /** Anything typed or chosen: quitting asks first. */
  readonly touched: boolean;
  /** Set when a step closed the wizard without sending anything. */
  readonly closed?: string;
  /** While an answer picked in the review is changed: the review's trail and the values to restore on `esc`. */
  readonly revisit?: { readonly trail: readonly string[]; readonly values: V };
}

export const REVIEW = 'review';
/** The review's list of answers (`change`): choosing one opens its step. */
export const ANSWERS = 'answers';

/** What the wizard's bindings (and a pre-fill) do to its state; list actions apply to list steps, text to text steps. */
export type WizardAction<V, E> =
  | { readonly type: 'move'; readonly by: number; readonly steps: readonly Step<V, E>[]; readonly env: E }
  | {
      readonly type: 'moveTo';
      /** An option's index: the list field moved its own highlight there. */
      readonly to: 'first' | 'last' | number;
      readonly steps: readonly Step<V, E>[];
      readonly env: E;
    }
  | { readonly type: 'toggle'; readonly steps: readonly Step<V, E>[]; readonly env: E }
  /** enter: a choice takes the option under the cursor; every step then validates and moves on. */
  | { readonly type: 'enter'; readonly steps: readonly Step<V, E>[]; readonly env: E }
  /** The text field's whole new text (typed, pasted, erased, inserted at its cursor), checked character by character. */
  | { readonly type: 'edit'; readonly text: string; readonly steps: readonly Step<V, E>[]; readonly env: E }
  | { readonly type: 'back'; readonly steps: readonly Step<V, E>[]; readonly env: E }
  /** In the review: list the answers, to pick one to change. */
  | { readonly type: 'change'; readonly steps: readonly Step<V, E>[]; readonly env: E }
  | { readonly type: 'set'; readonly values: V };

/**
 * `review`: a pre-fill that answers every step opens on the review, having passed each step as `enter` would (so
 * `esc` walks back through them); it stops at the first step that still needs the user.
 */
export function initialWizard<V, E>(
  values: V,
  steps: readonly Step<V, E>[],
  env: E,
  options: { review?: boolean } = {},
): WizardState<V> {
  const first = steps.find((s) => s.when?.(values, env) ?? true);
  const start: WizardState<V> = { values, trail: [first?.id ?? REVIEW], cursors: {}, touched: false };
  return options.review ? { ...passAnswered(start, steps, env, () => true), touched: false } : start;
}

export const currentId = (s: WizardState<unknown>) => s.trail.at(-1) ?? REVIEW;

/** The step shown now: one of `steps`, or the review's list of answers. */
export function currentStep<V, E>(s: WizardState<V>, steps: readonly Step<V, E>[], env: E): Step<V, E> | undefined {
  if (currentId(s) === ANSWERS) return answersStep(s, steps, env);
  return steps.find((step) => step.id === currentId(s));
}

/** The review's answers as a choice: one option per answered step, its title and answer. */
export function answersStep<V, E>(
  s: WizardState<V>,
  steps: readonly Step<V, E>[],
  env: E,
): Extract<Step<V, E>, { kind: 'choice' }> {
  return {
    kind: 'choice',
    id: ANSWERS,
    concept: 'request-preview',
    title: 'Which answer do you want to change?',
    help: 'Enter opens it; after it the review comes back with the rest kept',
    options: () =>
      answered({ ...s, trail: [...s.trail, ANSWERS] }, steps, env).map((a) => ({
        id: a.id,
        label: `${a.title}: ${a.text}`,
      })),
    get: () => undefined,
    set: (v) => v,
  };
}

const visible = <V, E>(step: Step<V, E>, v: V, env: E) => step.when?.(v, env) ?? true;

function following<V, E>(steps: readonly Step<V, E>[], from: Step<V, E>, v: V, env: E): Next {
  const jump = from.next?.(v, env);
  if (jump !== undefined) return jump;
  const after = steps.slice(steps.indexOf(from) + 1).find((s) => visible(s, v, env));
  return after?.id ?? REVIEW;
}

function advance<V, E>(s: WizardState<V>, steps: readonly Step<V, E>[], step: Step<V, E>, env: E): WizardState<V> {
  const problem = step.validate?.(s.values, env);
  if (problem) return { ...s, error: problem };
  const values = step.commit ? step.commit(s.values, env) : s.values;
  const next = following(steps, step, values, env);
  if (typeof next !== 'string') return { ...s, values, error: undefined, closed: next.close };
  // Arriving forward, a list's cursor rests on its answer (or first option: "Done" in a loop), not where it was left.
  const { [next]: _left, ...cursors } = s.cursors;
  return { ...s, values, cursors, error: undefined, trail: [...s.trail, next] };
}

/** A step `enter` can pass without the user: a choice needs an answer (a loop's menu answers "done"). */
const answeredNow = <V, E>(step: Step<V, E>, v: V) => step.kind !== 'choice' || step.get(v) !== undefined;

/**
 * Presses `enter` on each step while `settled` says it was answered before and it still validates; stops at the
 * review, at a step the answers now need (new, invalid or unanswered), or when a loop would come round again.
 */
function passAnswered<V, E>(
  s: WizardState<V>,
  steps: readonly Step<V, E>[],
  env: E,
  settled: (step: Step<V, E>, v: V) => boolean,
): WizardState<V> {
  let state = s;
  for (let guard = 0; guard < steps.length * 4; guard++) {
    const step = currentStep(state, steps, env);
    if (!step || !settled(step, state.values) || !answeredNow(step, state.values)) return state;
    const after = advance(choose(state, step, env), steps, step, env);
    if (after.error !== undefined || after.closed !== undefined || after.trail.length === state.trail.length)
      return state;
    state = after;
  }
  return state;
}

/**
 * After a step changed from the review is answered: on to the review, passing what was answered before. A loop's
 * sub-steps (no line of their own in the answers) are part of the entry being changed, so they are shown.
 */
function resume<V, E>(s: WizardState<V>, steps: readonly Step<V, E>[], env: E): WizardState<V> {
  if (!s.revisit || s.error !== undefined) return s;
  const before = new Set(s.revisit.trail);
  const passed = passAnswered(s, steps, env, (step, v) => before.has(step.id) && summaryOf(step, v, env) !== '');
  return currentId(passed) === REVIEW ? { ...passed, trail: s.revisit.trail, revisit: undefined } : passed;
}

/** `change` from the review, then the answer picked: its step opens, with the review's state kept to come back to. */
function jump<V, E>(s: WizardState<V>, steps: readonly Step<V, E>[], env: E): WizardState<V> {
  const step = answersStep(s, steps, env);
  const options = step.options(s.values, env);
  const target = options[cursorOf(s, step, options)]?.id;
  if (target === undefined) return s;
  const review = s.trail.slice(0, -1);
  const { [target]: _left, ...cursors } = s.cursors;
  return { ...s, cursors, trail: [...review, target], revisit: { trail: review, values: s.values } };
}

function clampCursor(cursor: number, length: number) {
  return Math.max(0, Math.min(length - 1, cursor));
}

function editText<V, E>(s: WizardState<V>, step: Extract<Step<V, E>, { kind: 'text' }>, text: string): WizardState<V> {
  let current = '';
  let refused = false;
  // The whole text is checked as if typed from the start, so a character inserted mid-text or pasted meets the same
  // rules as one typed at the end: each character the step refuses stays out, and the step says so.
  for (const char of Array.from(text)) {
    if (step.accept?.(char, current) ?? true) current += char;
    else refused = true;
  }
  return {
    ...s,
    values: step.set(s.values, current),
    touched: true,
    error: refused ? 'That character is not allowed here' : undefined,
  };
}

/** Where a list's cursor is: where the user left it, else on the current answer of a choice. */
export function cursorOf<V, E>(
  s: WizardState<V>,
  step: Extract<Step<V, E>, { kind: 'choice' | 'multi' }>,
  options: readonly Option[],
): number {
  const saved = s.cursors[step.id];
  const answer =
    step.kind === 'choice'
      ? options.findIndex((o) => o.id === step.get(s.values))
      : options.findIndex((o) => step.get(s.values).includes(o.id));
  return clampCursor(saved ?? Math.max(0, answer), options.length);
}

type ListStep<V, E> = Extract<Step<V, E>, { kind: 'choice' | 'multi' }>;

const isList = <V, E>(step: Step<V, E> | undefined): step is ListStep<V, E> =>
  step !== undefined && step.kind !== 'text';

function moveCursor<V, E>(
  s: WizardState<V>,
  step: ListStep<V, E>,
  env: E,
  to: (cursor: number, count: number) => number,
) {
  const options = step.options(s.values, env);
  const cursor = to(cursorOf(s, step, options), options.length);
  return { ...s, cursors: { ...s.cursors, [step.id]: clampCursor(cursor, options.length) } };
}

function toggle<V, E>(s: WizardState<V>, step: ListStep<V, E>, env: E): WizardState<V> {
  if (step.kind !== 'multi') return s;
  const options = step.options(s.values, env);
  const option = options[cursorOf(s, step, options)];
  if (!option) return s;
  const chosen = step.get(s.values);
  const ids = chosen.includes(option.id) ? chosen.filter((id) => id !== option.id) : [...chosen, option.id];
  return { ...s, values: step.set(s.values, ids), touched: true, error: undefined };
}

/** enter on a choice takes the option under the cursor, so the step advances with the value it just took. */
function choose<V, E>(s: WizardState<V>, step: Step<V, E>, env: E): WizardState<V> {
  if (step.kind !== 'choice') return s;
  const options = step.options(s.values, env);
  const option = options[cursorOf(s, step, options)];
  return option ? { ...s, values: step.set(s.values, option.id), touched: true } : s;
}

export function wizardReducer<V, E>(s: WizardState<V>, a: WizardAction<V, E>): WizardState<V> {
  switch (a.type) {
    case 'set':
      return { ...s, values: a.values, touched: true };
    case 'change':
      return currentId(s) === REVIEW
        ? { ...s, trail: [...s.trail, ANSWERS], cursors: { ...s.cursors, [ANSWERS]: 0 }, error: undefined }
        : s;
    case 'back': {
      if (s.trail.length <= 1) return s;
      // Leaving the answer picked in the review (or the list of answers) puts everything back as the review had it.
      if (s.revisit && s.trail.length <= s.revisit.trail.length + 1)
        return { ...s, values: s.revisit.values, trail: s.revisit.trail, revisit: undefined, error: undefined };
      // Steps the answers have since hidden (a finished loop's sub-steps) are passed over on the way back.
      const trail = s.trail.slice(0, -1);
      const hidden = (id: string) => {
        const step = a.steps.find((x) => x.id === id);
        return step !== undefined && !visible(step, s.values, a.env);
      };
      while (trail.length > 1 && hidden(trail.at(-1)!)) trail.pop();
      return { ...s, trail, error: undefined };
    }
    default: {
      if (currentId(s) === ANSWERS && a.type === 'enter') return jump(s, a.steps, a.env);
      const step = currentStep(s, a.steps, a.env);
      if (!step) return s;
      switch (a.type) {
        case 'move':
          return isList(step) ? moveCursor(s, step, a.env, (c) => c + a.by) : s;
        case 'moveTo': {
          const to = a.to;
          return isList(step)
            ? moveCursor(s, step, a.env, (_c, n) => (to === 'first' ? 0 : to === 'last' ? n - 1 : to))
            : s;
        }
        case 'toggle':
          return isList(step) ? toggle(s, step, a.env) : s;
        case 'edit':
          return step.kind === 'text' ? editText(s, step, a.text) : s;
        case 'enter':
          return resume(advance(choose(s, step, a.env), a.steps, step, a.env), a.steps, a.env);
      }
    }
  }
}

/** Answered steps in the order visited, for the summary above the current question. */
export function answered<V, E>(
  s: WizardState<V>,
  steps: readonly Step<V, E>[],
  env: E,
): Array<{ id: string; title: string; text: string }> {
  const seen = new Set<string>();
  const out: Array<{ id: string; title: string; text: string }> = [];
  for (const id of s.trail.slice(0, -1)) {
    const step = steps.find((x) => x.id === id);
    if (!step || seen.has(id) || !visible(step, s.values, env)) continue;
    seen.add(id);
    const text = summaryOf(step, s.values, env);
    if (text) out.push({ id, title: step.title, text });
  }
  return out;
}

const summaryOf = <V, E>(step: Step<V, E>, v: V, env: E) =>
  step.summary ? step.summary(v, env) : defaultSummary(step, v, env);

function defaultSummary<V, E>(step: Step<V, E>, v: V, env: E): string {
  if (step.kind === 'text') return step.get(v) || '(none)';
  const options = step.options(v, env);
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  if (step.kind === 'choice') {
    const id = step.get(v);
    return id === undefined ? '' : label(id);
  }
  const ids = step.get(v);
  return ids.length === 0 ? '(none)' : ids.map(label).join(', ');
}
