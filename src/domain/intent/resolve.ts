/**
 * Naming things in the organization: projects by id, name or alias (exactly, else fuzzily where a project is
 * expected), members by user id, email, email local part, full or first name, keys by description.
 */
import fuzzysort from 'fuzzysort';
import type { ApiKey, Member, Project } from '../../api/schemas.js';

export type Resolution<T> =
  | { readonly kind: 'found'; readonly value: T; readonly note?: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly T[] }
  | { readonly kind: 'none' };

/** The alias without the system suffix Cloud appends ("search-prod-a1b2c3" → "search-prod"). */
function aliasStem(alias: string): string {
  return alias.replace(/-[a-z0-9]{6}$/, '');
}

export function exactProject(projects: readonly Project[], word: string): Project | undefined {
  return projects.find((p) => [p.id, p.name, p.alias, aliasStem(p.alias)].some((name) => name.toLowerCase() === word));
}

/** Scores within this distance of the best one are too close to choose between. */
const AMBIGUITY_MARGIN = 0.1;
const FUZZY_THRESHOLD = 0.3;

export function fuzzyProject(projects: readonly Project[], word: string): Resolution<Project> {
  const results = fuzzysort.go(word, projects, {
    keys: ['name', (p: Project) => aliasStem(p.alias)],
    threshold: FUZZY_THRESHOLD,
  });
  const best = results[0];
  if (!best) return { kind: 'none' };
  const close = results.filter((r) => r.score >= best.score - AMBIGUITY_MARGIN).map((r) => r.obj);
  if (close.length > 1) return { kind: 'ambiguous', candidates: close };
  return { kind: 'found', value: best.obj, note: `"${word}" read as project ${best.obj.name}` };
}

function memberNames(member: Member): string[] {
  const email = member.email?.toLowerCase();
  const name = member.name?.toLowerCase();
  return [member.user_id.toLowerCase(), email, email?.split('@')[0], name, name?.split(/\s+/)[0]].filter(
    (n): n is string => n !== undefined && n !== '',
  );
}

export function findMembers(members: readonly Member[], phrase: string): Member[] {
  return members.filter((m) => memberNames(m).includes(phrase));
}

export function memberLabel(member: Member): string {
  return member.name ?? member.email ?? member.user_id;
}

/** `*` is a wildcard; otherwise the pattern matches anywhere in the description. Case does not matter. */
export function keysMatching(keys: readonly ApiKey[], pattern: string): ApiKey[] {
  const escaped = pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const regex = pattern.includes('*') ? new RegExp(`^${escaped.replaceAll('*', '.*')}$`) : new RegExp(escaped);
  return keys.filter((key) => regex.test(key.description.toLowerCase()) || key.id === pattern);
}
