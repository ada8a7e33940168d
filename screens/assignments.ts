/**
 * How role assignments read on screen: the compact one-cell summary used in lists, and the full per-entry lines
 * used in details. Presentation only; what an assignment grants is decided in src/domain/access.
 */
import {
  PROJECT_TYPES,
  type Project,
  type ProjectRoleAssignment,
  type ProjectType,
  type RoleAssignments,
} from '../src/api/schemas.js';
import { friendlyRoleName, isPredefinedStackRole } from '../src/domain/catalog.js';
import { field, line, tone, type Line } from '../src/ui/lines.js';

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

export type ProjectIndex = ReadonlyMap<string, Project>;

/** "search-prod (elasticsearch)", or the bare id flagged unknown when the project is not in the lists. */
function projectName(id: string, projects: ProjectIndex): Line {
  const project = projects.get(id);
  return project
    ? line(project.name, tone('muted', ` (${project.type})`))
    : line(id, tone('warning', ' (unknown project)'));
}

function applicationRoleLines(names: readonly string[] | undefined, type?: ProjectType): Line[] {
  if (!names || names.length === 0) return [];
  const labelled = names.flatMap((name, i) => [
    ...(i > 0 ? [', '] : []),
    isPredefinedStackRole(name, type) ? name : tone('accent', `${name} (custom)`),
  ]);
  return [line('    application_roles: ', ...labelled)];
}

function projectEntryLines(type: ProjectType, entry: ProjectRoleAssignment, projects: ProjectIndex): Line[] {
  const scopeLine = entry.all
    ? [line('    on: ', tone('accent', `all ${type} projects`), tone('muted', ' (current and future)'))]
    : (entry.project_ids ?? []).map((id, i) => line(i === 0 ? '    on: ' : '        ', ...projectName(id, projects)));
  return [
    line('  ', tone('title', type.padEnd(14)), friendlyRoleName(entry.role_id), tone('muted', `  ${entry.role_id}`)),
    ...scopeLine,
    ...applicationRoleLines(entry.application_roles, type),
  ];
}

/** Every assignment, one block per entry, with projects resolved to names. */
export function assignmentLines(assignments: RoleAssignments | undefined, projects: ProjectIndex): Line[] {
  const out: Line[] = [];
  for (const entry of assignments?.organization ?? []) {
    out.push(
      line(
        '  ',
        tone('title', 'organization'.padEnd(14)),
        friendlyRoleName(entry.role_id),
        tone('muted', `  ${entry.role_id}`),
      ),
    );
    out.push(
      line('    on: ', tone('accent', 'the whole organization'), tone('muted', ' (every project, current and future)')),
    );
    out.push(...applicationRoleLines(entry.application_roles));
  }
  for (const entry of assignments?.deployment ?? []) {
    out.push(
      line(
        '  ',
        tone('title', 'deployment'.padEnd(14)),
        friendlyRoleName(entry.role_id),
        tone('muted', `  ${entry.role_id}`),
      ),
    );
    out.push(line('    on: ', entry.all ? 'all deployments' : (entry.deployment_ids ?? []).join(', ')));
    out.push(...applicationRoleLines(entry.application_roles));
  }
  for (const type of PROJECT_TYPES) {
    for (const entry of assignments?.project?.[type] ?? []) out.push(...projectEntryLines(type, entry, projects));
  }
  return out.length > 0 ? out : [field('', tone('muted', 'no role assignments'))];
}
