/**
 * A principal's role assignments as separate entries, each with the body that removes exactly it
 * (DELETE /users/{id}/role_assignments takes the entries to drop). Pure.
 */
import { PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../../src/api/schemas.js';
import { friendlyRoleName } from '../../src/domain/catalog.js';

export interface AssignmentEntry {
  /** Identity of the entry (role and where it applies), for finding it again after a re-read. */
  readonly key: string;
  /** "Developer (elasticsearch) on 2 projects". */
  readonly label: string;
  /** The request body that removes this entry only. */
  readonly remove: RoleAssignments;
}

interface Scoped {
  readonly role_id: string;
  readonly all?: boolean;
  readonly project_ids?: readonly string[];
  readonly deployment_ids?: readonly string[];
}

const sorted = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort();

function entryKey(category: string, type: ProjectType | undefined, entry: Scoped): string {
  return JSON.stringify([
    category,
    type ?? null,
    entry.role_id,
    entry.all === true,
    sorted(entry.project_ids),
    sorted(entry.deployment_ids),
  ]);
}

function reach(entry: Scoped, noun: string): string {
  if (entry.all) return `all ${noun}s`;
  const ids = entry.project_ids ?? entry.deployment_ids ?? [];
  return ids.length === 1 ? `1 ${noun}` : `${ids.length} ${noun}s`;
}

export function assignmentEntries(assignments: RoleAssignments | undefined): AssignmentEntry[] {
  const out: AssignmentEntry[] = [];
  for (const entry of assignments?.organization ?? []) {
    out.push({
      key: entryKey('organization', undefined, entry),
      label: `${friendlyRoleName(entry.role_id)} on the whole organization`,
      remove: { organization: [entry] },
    });
  }
  for (const entry of assignments?.deployment ?? []) {
    out.push({
      key: entryKey('deployment', undefined, entry),
      label: `${friendlyRoleName(entry.role_id)} on ${reach(entry, 'deployment')}`,
      remove: { deployment: [entry] },
    });
  }
  for (const type of PROJECT_TYPES) {
    for (const entry of assignments?.project?.[type] ?? []) {
      out.push({
        key: entryKey('project', type, entry),
        label: `${friendlyRoleName(entry.role_id)} on ${reach(entry, `${type} project`)}`,
        remove: { project: { [type]: [entry] } },
      });
    }
  }
  return out;
}

/** Whether any entry of `removed` is still among `current` (same role, same place). */
export function stillAssigned(current: RoleAssignments | undefined, removed: RoleAssignments): boolean {
  const now = new Set(assignmentEntries(current).map((e) => e.key));
  return assignmentEntries(removed).some((e) => now.has(e.key));
}
