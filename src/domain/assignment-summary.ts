/**
 * The compact one-cell summary of role assignments ("es:developer(2) obs:viewer(all) +custom"), shared by the
 * lists and the command line's tables. What an assignment grants is decided in src/domain/access.
 */
import { PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../api/schemas.js';
import { friendlyRoleName, isPredefinedStackRole } from './catalog.js';

const ABBREV: Record<ProjectType, string> = { elasticsearch: 'es', observability: 'obs', security: 'sec' };

const ORG_SHORT: Record<string, string> = { 'organization-admin': 'owner', 'billing-admin': 'billing' };

function shortRole(roleId: string, prefix: string): string {
  return roleId.startsWith(`${prefix}-`) ? roleId.slice(prefix.length + 1) : roleId;
}

function reach(entry: { all?: boolean; project_ids?: readonly string[]; deployment_ids?: readonly string[] }): string {
  return entry.all ? 'all' : String((entry.project_ids ?? entry.deployment_ids ?? []).length);
}

function hasCustom(entry: { application_roles?: readonly string[] }, type?: ProjectType): boolean {
  return (entry.application_roles ?? []).some((name) => !isPredefinedStackRole(name, type));
}

/** "Organization owner", "Billing admin", or "" for none. */
export function organizationRoles(assignments: RoleAssignments | undefined): string {
  return (assignments?.organization ?? []).map((a) => friendlyRoleName(a.role_id)).join(', ');
}

/**
 * "es:developer(2) obs:viewer(all) +custom": role per project type with how many projects (or all) it covers,
 * and +custom when any application_roles names a custom role. `withOrganization` prefixes "org:owner" (for keys,
 * whose list has no organization-role column).
 */
export function accessSummary(assignments: RoleAssignments | undefined, withOrganization = false): string {
  if (!assignments) return '';
  const parts: string[] = [];
  let custom = false;
  if (withOrganization) {
    for (const a of assignments.organization ?? []) parts.push(`org:${ORG_SHORT[a.role_id] ?? a.role_id}`);
  }
  for (const a of assignments.organization ?? []) custom ||= hasCustom(a);
  for (const a of assignments.deployment ?? []) {
    parts.push(`dep:${shortRole(a.role_id, 'deployment')}(${reach(a)})`);
    custom ||= hasCustom(a);
  }
  for (const type of PROJECT_TYPES) {
    for (const a of assignments.project?.[type] ?? []) {
      parts.push(`${ABBREV[type]}:${shortRole(a.role_id, type)}(${reach(a)})`);
      custom ||= hasCustom(a, type);
    }
  }
  if (custom) parts.push('+custom');
  return parts.join(' ');
}

/** True when some entry grants stack (ES/Kibana) roles; API keys without any are Cloud-API-only. */
export function hasApplicationRoles(assignments: RoleAssignments | undefined): boolean {
  if (!assignments) return false;
  const entries = [
    ...(assignments.organization ?? []),
    ...(assignments.deployment ?? []),
    ...PROJECT_TYPES.flatMap((t) => assignments.project?.[t] ?? []),
  ];
  return entries.some((e) => (e.application_roles ?? []).length > 0);
}
