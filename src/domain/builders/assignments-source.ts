/**
 * Builders take role assignments in either form, never both: the friendly list (screens, plans) or the skill's raw
 * JSON (`--roles`). This picks the one given and normalizes it.
 */
import type { RoleAssignments } from '../../api/schemas.js';
import { issue, joinPath, type Validated } from '../validation.js';
import { assignmentsFromInput } from './assignment-input.js';
import type { EntryRules } from './entry.js';
import { normalizeRoleAssignmentsInput } from './raw-assignments.js';

export interface AssignmentsSource {
  readonly friendly: unknown;
  readonly friendlyField: string;
  readonly raw: unknown;
  readonly rawField: string;
}

/** `undefined` value: neither form was given. */
export function resolveAssignments(
  source: AssignmentsSource,
  rules: EntryRules,
): Validated<RoleAssignments | undefined> {
  const { friendly, raw } = source;
  if (friendly !== undefined && raw !== undefined) {
    return {
      ok: false,
      issues: [issue(source.rawField, `give either ${source.friendlyField} or ${source.rawField}, not both`)],
    };
  }
  if (friendly !== undefined) return assignmentsFromInput(friendly, rules, source.friendlyField);
  if (raw === undefined) return { ok: true, value: undefined };
  const normalized = normalizeRoleAssignmentsInput(raw, rules.orgId, rules);
  return normalized.ok
    ? normalized
    : { ok: false, issues: normalized.issues.map((i) => issue(joinPath(source.rawField, i.path), i.message)) };
}
