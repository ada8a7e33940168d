/** What every planner receives, and the small helpers they share to answer. */
import type { Classified, Item } from './classify.js';
import type { Intent, IntentChoice, IntentContext, IntentResult } from './types.js';

export interface PlanInput {
  /** The whole request as typed, to build clarifying choices from. */
  readonly sentence: string;
  readonly classified: Classified;
  readonly context: IntentContext;
}

export function planned(intent: Intent, notes: readonly string[]): IntentResult {
  return { ok: true, intent, notes: [...notes] };
}

export function failed(error: string): IntentResult {
  return { ok: false, error };
}

export function ask(question: string, choices: readonly IntentChoice[]): IntentResult {
  return { ok: 'ambiguous', question, choices };
}

export function itemsOf<T extends Item['t']>(items: readonly Item[], t: T): Extract<Item, { t: T }>[] {
  return items.filter((item): item is Extract<Item, { t: T }> => item.t === t);
}

/** Items a request of this kind has no use for, named in an error instead of being silently dropped. */
export function unexpected(
  items: readonly Item[],
  allowed: readonly Item['t'][],
  what: string,
): IntentResult | undefined {
  const extra = items.filter((item) => !allowed.includes(item.t));
  return extra.length > 0
    ? failed(`${what} does not take ${[...new Set(extra.map(describeItem))].join(', ')}`)
    : undefined;
}

function describeItem(item: Item): string {
  switch (item.t) {
    case 'email':
      return item.email;
    case 'member':
      return item.member.name ?? item.member.user_id;
    case 'project':
      return item.project.name;
    case 'type':
      return `${item.type} projects`;
    case 'all-projects':
      return 'all projects';
    case 'role':
      return item.words;
    case 'custom-role':
      return item.name;
    case 'feature':
      return item.feature;
    case 'level':
      return item.level === 'read' ? 'read-only' : 'full access';
    case 'duration':
      return `a duration (${item.value})`;
    case 'organization':
      return 'the organization';
  }
}

/** The sentence with one more phrase appended, for "on which project?" choices. */
export function withSuffix(sentence: string, suffix: string): string {
  return `${sentence.trim().replace(/[.!?]+$/, '')} ${suffix}`;
}
