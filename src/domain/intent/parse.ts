/**
 * parseIntent: a request in plain words → a plan for a pre-filled wizard. Deterministic (no model, no network):
 * the leading verb picks the planner, the remaining words are classified, and anything not understood is reported.
 */
import { classify, type Classified } from './classify.js';
import { parseDuration } from './duration.js';
import { ask, failed, type PlanInput } from './plan-input.js';
import { planCreateKey, planRevokeKeys, planRotateKey } from './plan-key.js';
import { planGrant } from './plan-grant.js';
import { planRemove } from './plan-remove.js';
import { planShowSubject, planWhoHasAccess } from './plan-show.js';
import { tokenize, type Token } from './tokenize.js';
import type { IntentContext, IntentResult } from './types.js';

type Verb = 'grant' | 'remove' | 'create-key' | 'revoke-keys' | 'rotate-key' | 'who' | 'show';

const GRANT_VERBS = new Set(['add', 'invite', 'give', 'grant', 'assign', 'make', 'let']);
const REMOVE_VERBS = new Set(['remove', 'revoke', 'kick', 'delete', 'drop']);
const CREATE_VERBS = new Set(['create', 'make', 'generate', 'new', 'issue']);
const KEY_WORDS = new Set(['key', 'keys']);
const FILLER = new Set(['a', 'an', 'new', 'api', 'cloud', 'all', 'the']);
/** Words that introduce a key's description ("key for ci-ingest") or a description pattern ("matching ci-old"). */
const DESCRIPTION_MARKERS = new Set(['for', 'named', 'called', 'description', 'described']);
const PATTERN_MARKERS = new Set(['matching', 'like', 'named', 'called', 'containing', 'with', 'description']);

const words = (tokens: readonly Token[]) => tokens.map((t) => t.word);

/** Skips filler, then expects a key word: "create a new api key" → index after "key". */
function afterKeyWord(tokens: readonly Token[], from: number): number | undefined {
  let i = from;
  while (tokens[i] && FILLER.has(tokens[i]!.word)) i += 1;
  return tokens[i] && KEY_WORDS.has(tokens[i]!.word) ? i + 1 : undefined;
}

/** The verb and where the rest of the sentence starts. */
function verbOf(tokens: readonly Token[]): { verb: Verb; rest: number } | undefined {
  const [first, second, third] = words(tokens);
  if (first === 'please') {
    const inner = verbOf(tokens.slice(1));
    return inner && { verb: inner.verb, rest: inner.rest + 1 };
  }
  if (first === 'who') {
    let i = 1;
    while (tokens[i] && ['has', 'have', 'can', 'access', 'see', 'to', 'on', 'in'].includes(tokens[i]!.word)) i += 1;
    return { verb: 'who', rest: i };
  }
  if (first === 'what' && (second === 'can' || second === 'does')) return { verb: 'show', rest: 2 };
  if (first === 'show')
    return { verb: 'show', rest: second === 'access' && (third === 'for' || third === 'of') ? 3 : 1 };
  if (first === 'rotate') return { verb: 'rotate-key', rest: afterKeyWord(tokens, 1) ?? 1 };
  if (first === 'key' || first === 'keys') return { verb: 'create-key', rest: 1 };
  if (first && CREATE_VERBS.has(first)) {
    const rest = afterKeyWord(tokens, 1);
    if (rest !== undefined) return { verb: 'create-key', rest };
  }
  if (first && REMOVE_VERBS.has(first)) {
    const rest = afterKeyWord(tokens, 1);
    return rest !== undefined ? { verb: 'revoke-keys', rest } : { verb: 'remove', rest: 1 };
  }
  if (first === 'take' && second === 'away') return { verb: 'remove', rest: 2 };
  if (first && GRANT_VERBS.has(first)) return { verb: 'grant', rest: 1 };
  return undefined;
}

/** "matching ci-old" → "ci-old": the words after an optional marker, as typed. */
function patternOf(tokens: readonly Token[]): string | undefined {
  const start = tokens[0] && PATTERN_MARKERS.has(tokens[0].word) ? 1 : 0;
  const text = tokens
    .slice(start)
    .map((t) => t.text)
    .join(' ');
  return text || undefined;
}

/** The key description: a quoted phrase anywhere, else the word after "for/named/called" that is not a duration. */
function takeDescription(tokens: readonly Token[]): { description?: string; rest: Token[] } {
  const quoted = tokens.findIndex((t) => t.quoted);
  if (quoted >= 0) return { description: tokens[quoted]!.text, rest: tokens.filter((_, i) => i !== quoted) };
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!DESCRIPTION_MARKERS.has(tokens[i]!.word) || parseDuration(tokens, i + 1)) continue;
    return { description: tokens[i + 1]!.text, rest: tokens.filter((_, j) => j !== i && j !== i + 1) };
  }
  return { rest: [...tokens] };
}

/** The sentence with the first whole-word occurrence of `word` replaced, for clarifying choices. */
function replaceWord(sentence: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return sentence.replace(
    new RegExp(`(^|[\\s,])${escaped}(?=$|[\\s,.;:!?'’])`, 'i'),
    (_m, lead: string) => `${lead}${replacement}`,
  );
}

/** Unknown words first (the request is not understood), then ambiguities (it is, but needs a choice). */
function problemOf(sentence: string, classified: Classified): IntentResult | undefined {
  if (classified.unknown.length > 0) {
    const list = classified.unknown.map((w) => `"${w}"`).join(', ');
    return { ok: false, error: `not understood: ${list}`, unknownWords: classified.unknown };
  }
  const { ambiguity } = classified;
  if (ambiguity) {
    return ask(
      ambiguity.question,
      ambiguity.choices.map((c) => ({ label: c.label, text: replaceWord(sentence, ambiguity.word, c.replacement) })),
    );
  }
  return undefined;
}

export function parseIntent(text: string, context: IntentContext): IntentResult {
  const tokens = tokenize(text);
  if (tokens.length === 0)
    return failed('say what you want to do, e.g. "add alice@example.com to search-prod as developer"');
  const found = verbOf(tokens);
  if (!found) {
    return {
      ok: false,
      error: `start with what to do: add, invite, give, remove, create key, rotate key, revoke keys, who has access, what can … access`,
      unknownWords: [tokens[0]!.text],
    };
  }
  const rest = tokens.slice(found.rest);
  const input = (restTokens: readonly Token[]): PlanInput => ({
    sentence: text,
    classified: classify(restTokens, context),
    context,
  });

  switch (found.verb) {
    case 'revoke-keys':
      return planRevokeKeys(patternOf(rest), context);
    case 'rotate-key':
      return planRotateKey(patternOf(rest), context);
    case 'show': {
      const subject = rest.filter((t) => !['access', 'do', 'see', 'reach', 'have'].includes(t.word));
      const planInput = input(subject);
      const raw = subject.map((t) => t.text).join(' ');
      const byKey = planShowSubject(planInput, raw);
      return byKey.ok === true ? byKey : (problemOf(text, planInput.classified) ?? byKey);
    }
    case 'create-key': {
      const { description, rest: remaining } = takeDescription(rest);
      const planInput = input(remaining);
      return problemOf(text, planInput.classified) ?? planCreateKey(planInput, description);
    }
    case 'who': {
      const planInput = input(rest);
      return problemOf(text, planInput.classified) ?? planWhoHasAccess(planInput);
    }
    case 'grant': {
      const planInput = input(rest);
      return problemOf(text, planInput.classified) ?? planGrant(planInput);
    }
    case 'remove': {
      const planInput = input(rest);
      return problemOf(text, planInput.classified) ?? planRemove(planInput);
    }
  }
}
