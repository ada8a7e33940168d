/**
 * What a Cloud API key may do on one project's Elasticsearch (the unified key, cloud-api.md §4):
 * - it reaches the project only through `application_roles` on an assignment covering it: a project entry of that
 *   type (`all: true` or naming the id) or any organization entry (which covers projects created later too). A key
 *   never inherits stack roles from `role_id`;
 * - a named role counts only if it exists there: predefined for the type, or a custom role created in the project.
 *   A custom role missing in that project grants nothing, silently, as the docs say.
 */
import type { RoleAssignments } from '../api/schemas.js';
import type { StoredProject, StoredRole } from './model.js';
import { reservedRoles } from './reserved-roles.js';

/** Every application role the assignments name for this project, whether or not it exists there. */
function namedApplicationRoles(assignments: RoleAssignments, project: StoredProject): string[] {
  const names = new Set<string>();
  for (const entry of assignments.organization ?? []) entry.application_roles?.forEach((r) => names.add(r));
  for (const entry of assignments.project?.[project.type] ?? []) {
    if (entry.all === true || entry.project_ids?.includes(project.id))
      entry.application_roles?.forEach((r) => names.add(r));
  }
  return [...names];
}

/** The roles the key actually holds in the project, with their descriptors. */
export function effectiveRoles(
  assignments: RoleAssignments,
  project: StoredProject,
  customRoles: Readonly<Record<string, StoredRole>>,
): Map<string, StoredRole> {
  const reserved = reservedRoles(project.type);
  const held = new Map<string, StoredRole>();
  for (const name of namedApplicationRoles(assignments, project)) {
    const role = reserved[name] ?? customRoles[name];
    if (role) held.set(name, role);
  }
  return held;
}

export type SecurityPrivilege = 'read_security' | 'manage_security';

/** `all` and `manage_security` include `read_security`; `manage` does not touch security in Elasticsearch. */
export function holdsPrivilege(roles: Iterable<StoredRole>, needed: SecurityPrivilege): boolean {
  const granting =
    needed === 'read_security' ? ['all', 'manage_security', 'read_security'] : ['all', 'manage_security'];
  for (const role of roles) if (role.cluster.some((p) => granting.includes(p))) return true;
  return false;
}
