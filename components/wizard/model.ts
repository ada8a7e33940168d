/**
 * The wizard engine as pure data and a reducer. A wizard is an ordered list of steps over one values object;
 * answering a step writes into the values, `esc` walks back through the steps actually visited (loops included)
 * with every answer kept, and each step validates before the next one opens. The wizard's bindings (the `wizard`
 * scope of src/ui/bindings.ts) dispatch these actions; no key name reaches the reducer.
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
}

export const REVIEW = 'review';

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
  | { readonly type: 'set'; readonly values: V };

export function initialWizard<V, E>(values: V, steps: readonly Step<V, E>[], env: E): WizardState<V> {
  const first = steps.find((s) => s.when?.(values, env) ?? true);
  return { values, trail: [first?.id ?? REVIEW], cursors: {}, touched: false };
}

export const currentId = (s: WizardState<unknown>) => s.trail.at(-1) ?? REVIEW;

export function currentStep<V, E>(s: WizardState<V>, steps: readonly Step<V, E>[]): Step<V, E> | undefined {
  return steps.find((step) => step.id === currentId(s));
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
  const next = following(steps, step, s.values, env);
  if (typeof next !== 'string') return { ...s, error: undefined, closed: next.close };
  return { ...s, error: undefined, trail: [...s.trail, next] };
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
  const answer = step.kind === 'choice' ? options.findIndex((o) => o.id === step.get(s.values)) : -1;
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
    case 'back': {
      if (s.trail.length <= 1) return s;
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
      const step = currentStep(s, a.steps);
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
          return advance(choose(s, step, a.env), a.steps, step, a.env);
      }
    }
  }
}

/** Answered steps in the order visited, for the summary above the current question. */
export function answered<V, E>(
  s: WizardState<V>,
  steps: readonly Step<V, E>[],
  env: E,
): Array<{ title: string; text: string }> {
  const seen = new Set<string>();
  const out: Array<{ title: string; text: string }> = [];
  for (const id of s.trail.slice(0, -1)) {
    const step = steps.find((x) => x.id === id);
    if (!step || seen.has(id) || !visible(step, s.values, env)) continue;
    seen.add(id);
    const text = step.summary ? step.summary(s.values, env) : defaultSummary(step, s.values, env);
    if (text) out.push({ title: step.title, text });
  }
  return out;
}

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
