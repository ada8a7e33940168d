/**
 * Replacing a custom role. PUT /_security/role/{name} replaces the role whole, so writing a role under a name that
 * already exists in a project is destructive: everyone holding it gets the new definition at once. Both `roles
 * create` (CLI) and the custom role builder (TUI) say the same before it is sent: what changes, field by field, and
 * who holds the role there; then they ask for the typed confirmation (confirm.ts, kind `replace-role`). Pure.
 */
import type { Project } from '../api/schemas.js';
import type { RoleReference } from './confirm.js';

/** Kept by Elasticsearch itself (whether the role is in force), not by the body: no replacement changes it. */
const SERVER_FIELDS = new Set(['transient_metadata']);

/**
 * What a replacement changes, one line per top-level field: `- indices: …` (now) and `+ indices: …` (after); a
 * field one side lacks and that has no empty form (a description) is `(none)`.
 */
export function roleDiff(now: Readonly<Record<string, unknown>>, next: Readonly<Record<string, unknown>>): string[] {
  const fields = [...new Set([...Object.keys(now), ...Object.keys(next)])].filter((f) => !SERVER_FIELDS.has(f)).sort();
  const shown = (value: unknown) => JSON.stringify(value) ?? '(none)';
  return fields.flatMap((field) => {
    const a = shown(now[field] ?? defaultOf(now[field], next[field]));
    const b = shown(next[field] ?? defaultOf(next[field], now[field]));
    return a === b ? [] : [`- ${field}: ${a}`, `+ ${field}: ${b}`];
  });
}

/** A field left out of a body counts as its empty form ([] or {}), as Elasticsearch stores it. */
function defaultOf(missing: unknown, other: unknown): unknown {
  if (missing !== undefined) return missing;
  return Array.isArray(other) ? [] : other !== null && typeof other === 'object' ? {} : undefined;
}

/** The warning that leads: the role is replaced, and held by these principals. */
export function replaceWarning(name: string, project: Project, holders: readonly RoleReference[]): string {
  const held =
    holders.length > 0 ? `, held by ${holders.length}: ${holders.map((h) => h.principal.label).join(', ')}` : '';
  return `replaces the existing role "${name}" in project ${project.name}${held}`;
}

/**
 * What the confirmation lists for one project: the replacement, the diff (`changes`; undefined while the role as
 * it is now has not been read), and each holder.
 */
export function replaceActions(
  name: string,
  project: Project,
  changes: readonly string[] | undefined,
  holders: readonly RoleReference[],
): string[] {
  const diff =
    changes === undefined
      ? ['(reading the role as it is now…)']
      : changes.length > 0
        ? changes
        : ['(the new body grants the same)'];
  return [
    `replace custom role "${name}" in project ${project.name} (${project.type})`,
    ...diff,
    ...holders.map((h) => `held by ${h.principal.label}`),
  ];
}
