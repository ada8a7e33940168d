/**
 * A user at the wizard reducer: keys as reducer actions, without Ink, so a walk through a wizard can be counted
 * step by step and the cursor checked where it rests.
 */
import {
  currentId,
  currentStep,
  cursorOf,
  wizardReducer,
  type Step,
  type WizardAction,
  type WizardState,
} from '../../components/wizard/model.js';

export interface Driver<V, E> {
  state: WizardState<V>;
  readonly id: () => string;
  /** The option the list's cursor rests on. */
  readonly pointed: () => string | undefined;
  readonly type: (text: string) => Driver<V, E>;
  readonly erase: (times?: number) => Driver<V, E>;
  /** Moves the cursor onto option `id` (as up/down would). */
  readonly point: (id: string) => Driver<V, E>;
  readonly tick: (...ids: string[]) => Driver<V, E>;
  readonly enter: () => Driver<V, E>;
  /** `point` then `enter`. */
  readonly choose: (id: string) => Driver<V, E>;
  readonly back: () => Driver<V, E>;
  readonly change: () => Driver<V, E>;
  /** Steps answered (enter presses that went on) since the start. */
  readonly enters: () => number;
}

export function drive<V, E>(steps: readonly Step<V, E>[], env: E, start: WizardState<V>): Driver<V, E> {
  let enters = 0;
  const of = { steps, env };
  const act = (a: WizardAction<V, E>) => {
    d.state = wizardReducer(d.state, a);
    return d;
  };
  const list = () => {
    const step = currentStep(d.state, steps, env);
    if (!step || step.kind === 'text') throw new Error(`${d.id()} is not a list step`);
    return { step, options: step.options(d.state.values, env) };
  };
  // The field holds the step's value, so typing and erasing are edits of it, as ink-text-input sends them.
  const textNow = () => {
    const step = currentStep(d.state, steps, env);
    if (!step || step.kind !== 'text') throw new Error(`${d.id()} is not a text step`);
    return step.get(d.state.values);
  };
  const d: Driver<V, E> = {
    state: start,
    id: () => currentId(d.state),
    pointed: () => {
      const { step, options } = list();
      return options[cursorOf(d.state, step, options)]?.id;
    },
    type: (text) => act({ type: 'edit', text: textNow() + text, ...of }),
    erase: (times = 1) => act({ type: 'edit', text: Array.from(textNow()).slice(0, -times).join(''), ...of }),
    point: (id) => {
      const { step, options } = list();
      const to = options.findIndex((o) => o.id === id);
      if (to < 0) throw new Error(`${d.id()} has no option ${id}: ${options.map((o) => o.id).join(', ')}`);
      return act({ type: 'move', by: to - cursorOf(d.state, step, options), ...of });
    },
    tick: (...ids) => {
      for (const id of ids) {
        d.point(id);
        act({ type: 'toggle', ...of });
      }
      return d;
    },
    enter: () => {
      const at = d.id();
      act({ type: 'enter', ...of });
      if (d.state.error) throw new Error(`${at}: ${d.state.error}`);
      enters++;
      return d;
    },
    choose: (id) => d.point(id).enter(),
    back: () => act({ type: 'back', ...of }),
    change: () => act({ type: 'change', ...of }),
    enters: () => enters,
  };
  return d;
}
