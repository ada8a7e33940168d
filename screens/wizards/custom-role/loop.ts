/**
 * A list edited in a loop (index privilege entries, Kibana entries). An empty list starts in the entry's sub-steps
 * (an empty first answer means "none", so the common path has no "add?" question); once it holds entries, a menu
 * follows each one with the cursor on "Done", and offers another entry, a change, the entry's rarely used part (field
 * security, a document query) and removal. An entry whose first answer is emptied is dropped.
 */
import type { Option, Step } from '../../../components/wizard/model.js';
import type { ConceptId } from '../../../src/domain/explanations.js';
import type { WizardEnv } from '../env.js';

/** Where the loop is: the entry being edited (`at`), the sub-step the menu sent it to (`go`), or finished. */
export interface LoopState {
  readonly at?: number;
  readonly go?: string;
  readonly done?: boolean;
}

export interface LoopLens<V, T> {
  readonly items: (v: V) => readonly T[];
  readonly state: (v: V) => LoopState;
  readonly set: (v: V, items: readonly T[], state: LoopState) => V;
  readonly empty: T;
  readonly label: (item: T) => string;
}

export interface LoopMenu<T> {
  readonly id: string;
  readonly concept: ConceptId;
  readonly title: string;
  /** The step that edits an entry; "add" and "change" go there. */
  readonly firstSubStep: string;
  readonly help?: string;
  /** An entry's rarely used part, asked only when chosen here. */
  readonly more?: { readonly label: (item: T) => string; readonly step: string };
}

export function loopMenu<V, T>(
  { id, concept, title, firstSubStep, help, more }: LoopMenu<T>,
  lens: LoopLens<V, T>,
): Step<V, WizardEnv> {
  return {
    kind: 'choice',
    id,
    concept,
    title,
    ...(help ? { help } : {}),
    when: (v) => lens.items(v).length > 0,
    options: (v): Option[] => [
      { id: 'done', label: 'Done' },
      { id: 'add', label: 'Add another entry…' },
      ...lens
        .items(v)
        .flatMap((item, i) => [
          { id: `edit:${i}`, label: `Change: ${lens.label(item)}…` },
          ...(more ? [{ id: `more:${i}`, label: `${more.label(item)}…` }] : []),
          { id: `remove:${i}`, label: `Remove: ${lens.label(item)}` },
        ]),
    ],
    // Outside an entry the answer is "done": the cursor rests there, and a pre-fill or a change passes the menu.
    get: (v) => (lens.state(v).at === undefined ? 'done' : undefined),
    set: (v, choice) => {
      const items = lens.items(v);
      const [action, index] = choice.split(':');
      const at = Number(index);
      if (action === 'add') return lens.set(v, [...items, lens.empty], { at: items.length });
      if (action === 'edit') return lens.set(v, items, { at });
      if (action === 'more' && more) return lens.set(v, items, { at, go: more.step });
      if (action === 'remove')
        return lens.set(
          v,
          items.filter((_, i) => i !== at),
          {},
        );
      return lens.set(v, items, { done: true });
    },
    next: (v) => {
      const { at, go, done } = lens.state(v);
      if (at !== undefined) return go ?? firstSubStep;
      if (lens.items(v).length === 0) return firstSubStep;
      return done ? undefined : id;
    },
    summary: (v) => lens.items(v).map(lens.label).join('; ') || 'none',
  };
}

/** Reads and writes the entry a sub-step edits: the one at `at`, or a new first one while the list is empty. */
export function entryLens<V, T>(lens: LoopLens<V, T>) {
  const at = (v: V) => lens.state(v).at ?? (lens.items(v).length === 0 ? 0 : undefined);
  const get = (v: V): T => lens.items(v)[at(v) ?? -1] ?? lens.empty;
  const set = (v: V, change: Partial<T>): V => {
    const i = at(v) ?? lens.items(v).length;
    const items = [...lens.items(v)];
    items[i] = { ...(items[i] ?? lens.empty), ...change };
    return lens.set(v, items, { ...lens.state(v), at: i, done: false });
  };
  /** Commit of the first sub-step: an entry left empty there is dropped, and the loop goes on without it. */
  const dropIf =
    (blank: (item: T) => boolean) =>
    (v: V): V => {
      const i = at(v);
      if (i === undefined || !blank(get(v))) return v;
      return lens.set(
        v,
        lens.items(v).filter((_, j) => j !== i),
        {},
      );
    };
  return {
    get,
    set,
    dropIf,
    /** The sub-steps of an entry being edited. */
    editing: (v: V) => lens.state(v).at !== undefined,
    /** The first sub-step: editing, or the list is empty (its empty answer then means "none"). */
    starting: (v: V) => at(v) !== undefined,
    isEmpty: (v: V) => lens.items(v).length === 0,
  };
}
