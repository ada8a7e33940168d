/**
 * A list edited in a loop (index privilege entries, Kibana entries): a menu step (done / add / remove one), then
 * sub-steps that edit the entry at `at`, then back to the menu. "Add" appends an empty entry; the sub-steps'
 * validation keeps an entry from being left half-filled by going forward.
 */
import type { Option, Step } from '../../../components/wizard/model.js';
import type { ConceptId } from '../../../src/domain/explanations.js';
import type { WizardEnv } from '../env.js';

export interface LoopLens<V, T> {
  readonly items: (v: V) => readonly T[];
  readonly setItems: (v: V, items: readonly T[], at: number | undefined, done: boolean) => V;
  readonly at: (v: V) => number | undefined;
  readonly done: (v: V) => boolean | undefined;
  readonly empty: T;
  readonly label: (item: T) => string;
}

export interface LoopMenu {
  readonly id: string;
  readonly concept: ConceptId;
  readonly title: string;
  /** The step that edits an entry; "add" goes there. */
  readonly firstSubStep: string;
  readonly help?: string;
}

export function loopMenu<V, T>(
  { id, concept, title, firstSubStep, help }: LoopMenu,
  lens: LoopLens<V, T>,
): Step<V, WizardEnv> {
  return {
    kind: 'choice',
    id,
    concept,
    title,
    ...(help ? { help } : {}),
    options: (v): Option[] => [
      { id: 'done', label: lens.items(v).length === 0 ? 'None' : 'Done' },
      { id: 'add', label: 'Add an entry…' },
      ...lens.items(v).map((item, i) => ({ id: `remove:${i}`, label: `Remove: ${lens.label(item)}` })),
    ],
    get: () => undefined,
    set: (v, choice) => {
      const items = lens.items(v);
      if (choice === 'add') return lens.setItems(v, [...items, lens.empty], items.length, false);
      if (choice.startsWith('remove:'))
        return lens.setItems(
          v,
          items.filter((_, i) => i !== Number(choice.slice(7))),
          undefined,
          false,
        );
      return lens.setItems(v, items, undefined, true);
    },
    next: (v) => (lens.at(v) !== undefined ? firstSubStep : lens.done(v) ? undefined : id),
    summary: (v) => lens.items(v).map(lens.label).join('; ') || 'none',
  };
}

/** Reads and writes the entry at `at` for a sub-step. */
export function entryLens<V, T>(lens: LoopLens<V, T>) {
  const get = (v: V): T => lens.items(v)[lens.at(v) ?? -1] ?? lens.empty;
  const set = (v: V, change: Partial<T>): V => {
    const at = lens.at(v)!;
    const items = lens.items(v).map((item, i) => (i === at ? { ...item, ...change } : item));
    return lens.setItems(v, items, at, false);
  };
  return { get, set, active: (v: V) => lens.at(v) !== undefined };
}
