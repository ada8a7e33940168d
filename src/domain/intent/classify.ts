/**
 * Reading the words of a request (after its verb) into things the planner knows: people, projects, roles, features,
 * durations. Every word is either understood, a stop word, or reported as unknown; nothing is guessed, except that a
 * near-miss where a project is expected is matched fuzzily (and asked about when two projects fit).
 */
import type { Member, Project, ProjectType } from '../../api/schemas.js';
import { parseDuration } from './duration.js';
import { exactProject, findMembers, fuzzyProject, memberLabel } from './resolve.js';
import type { Token } from './tokenize.js';
import type { IntentContext } from './types.js';
import {
  FEATURE_WORDS,
  LEVEL_PHRASES,
  ORGANIZATION_WORDS,
  PROJECT_PREPOSITIONS,
  ROLE_PHRASES,
  STOP_WORDS,
  TYPE_WORDS,
  type AccessLevel,
  type RoleWord,
} from './vocabulary.js';

export type Item =
  | { readonly t: 'email'; readonly email: string }
  | { readonly t: 'member'; readonly member: Member }
  | { readonly t: 'project'; readonly project: Project }
  | { readonly t: 'type'; readonly type: ProjectType }
  | { readonly t: 'all-projects' }
  | { readonly t: 'role'; readonly role: RoleWord; readonly words: string }
  | { readonly t: 'custom-role'; readonly name: string }
  | { readonly t: 'feature'; readonly feature: string }
  | { readonly t: 'level'; readonly level: AccessLevel }
  | { readonly t: 'duration'; readonly value: string }
  | { readonly t: 'organization' };

/** A word that fits several things: the question to ask and, per choice, what to write instead of the word. */
export interface Ambiguity {
  readonly word: string;
  readonly question: string;
  readonly choices: readonly { readonly label: string; readonly replacement: string }[];
}

export interface Classified {
  readonly items: Item[];
  readonly unknown: string[];
  readonly notes: string[];
  readonly ambiguity?: Ambiguity;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function phraseAt(tokens: readonly Token[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((word, i) => tokens[at + i]?.word === word);
}

/** The longest phrase of `table` starting at `at`. */
function longestPhrase<T>(tokens: readonly Token[], at: number, table: readonly (readonly [readonly string[], T])[]) {
  let best: { length: number; value: T } | undefined;
  for (const [phrase, value] of table) {
    if (phraseAt(tokens, at, phrase) && phrase.length > (best?.length ?? 0)) best = { length: phrase.length, value };
  }
  return best;
}

const isAll = (word: string | undefined) => word === 'all' || word === 'every';
const isProjectWord = (word: string | undefined) => word === 'project' || word === 'projects';

/** "all search projects", "every observability project", "security projects", "all projects". */
function projectScopeAt(tokens: readonly Token[], at: number): { length: number; item: Item } | undefined {
  const first = tokens[at]?.word;
  if (isAll(first) && isProjectWord(tokens[at + 1]?.word)) return { length: 2, item: { t: 'all-projects' } };
  const typeAt = isAll(first) ? at + 1 : at;
  const type = TYPE_WORDS[tokens[typeAt]?.word ?? ''];
  if (!type) return undefined;
  const hasProjectWord = isProjectWord(tokens[typeAt + 1]?.word);
  if (!isAll(first) && !hasProjectWord) return undefined;
  return { length: typeAt - at + 1 + (hasProjectWord ? 1 : 0), item: { t: 'type', type } };
}

function customRoleNames(context: IntentContext): Set<string> {
  const names = new Set<string>();
  for (const state of context.customRoles?.values() ?? []) {
    if (state.status === 'loaded') state.names.forEach((n) => names.add(n));
  }
  return names;
}

export function classify(tokens: readonly Token[], context: IntentContext): Classified {
  const items: Item[] = [];
  const unknown: string[] = [];
  const notes: string[] = [];
  let ambiguity: Ambiguity | undefined;
  const customRoles = customRoleNames(context);
  // True right after "on/to/from…" and through a list of projects ("on a, b and c").
  let expectProject = false;

  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    const { word } = token;
    const take = (item: Item | undefined, length = 1) => {
      if (item) items.push(item);
      expectProject = item?.t === 'project' ? expectProject : false;
      i += length;
    };

    const duration = parseDuration(tokens, i);
    if (duration) {
      if (duration.note) notes.push(duration.note);
      take({ t: 'duration', value: duration.value }, duration.length);
      continue;
    }
    const scope = projectScopeAt(tokens, i);
    if (scope) {
      take(scope.item, scope.length);
      continue;
    }
    const role = longestPhrase(tokens, i, ROLE_PHRASES);
    if (role) {
      take(
        {
          t: 'role',
          role: role.value,
          words: tokens
            .slice(i, i + role.length)
            .map((t) => t.word)
            .join(' '),
        },
        role.length,
      );
      continue;
    }
    const level = longestPhrase(tokens, i, LEVEL_PHRASES);
    if (level) {
      take({ t: 'level', level: level.value }, level.length);
      continue;
    }
    if (FEATURE_WORDS[word]) {
      take({ t: 'feature', feature: FEATURE_WORDS[word] });
      continue;
    }
    if (STOP_WORDS.has(word)) {
      i += 1;
      if (PROJECT_PREPOSITIONS.has(word)) expectProject = true;
      else if (word !== 'and' && word !== 'the') expectProject = false;
      continue;
    }
    if (ORGANIZATION_WORDS.has(word)) {
      take({ t: 'organization' });
      continue;
    }
    if (EMAIL.test(word)) {
      take({ t: 'email', email: word });
      continue;
    }
    const project = exactProject(context.projects, word);
    if (project) {
      items.push({ t: 'project', project });
      i += 1;
      continue;
    }
    if (customRoles.has(token.text) || customRoles.has(word)) {
      take({ t: 'custom-role', name: customRoles.has(token.text) ? token.text : word });
      continue;
    }
    const fullName = tokens[i + 1] ? findMembers(context.members, `${word} ${tokens[i + 1]!.word}`) : [];
    const members = fullName.length > 0 ? fullName : findMembers(context.members, word);
    if (members.length === 1) {
      take({ t: 'member', member: members[0]! }, fullName.length > 0 ? 2 : 1);
      continue;
    }
    if (members.length > 1) {
      ambiguity ??= {
        word: token.text,
        question: `Which person did you mean by "${token.text}"?`,
        choices: members.map((m) => ({
          label: `${memberLabel(m)} <${m.email ?? m.user_id}>`,
          replacement: m.email ?? m.user_id,
        })),
      };
      take(undefined);
      continue;
    }
    if (expectProject && word.length >= 3) {
      const fuzzy = fuzzyProject(context.projects, word);
      if (fuzzy.kind === 'found') {
        if (fuzzy.note) notes.push(fuzzy.note);
        items.push({ t: 'project', project: fuzzy.value });
        i += 1;
        continue;
      }
      if (fuzzy.kind === 'ambiguous') {
        ambiguity ??= {
          word: token.text,
          question: `Which project did you mean by "${token.text}"?`,
          choices: fuzzy.candidates.map((p) => ({ label: `${p.name} (${p.type})`, replacement: p.name })),
        };
        i += 1;
        continue;
      }
    }
    unknown.push(token.text);
    take(undefined);
  }
  return { items, unknown, notes, ...(ambiguity ? { ambiguity } : {}) };
}
