/**
 * How role assignments read in a details view: one block per entry, with projects resolved to names. The one-cell
 * summary is src/domain/assignment-summary.ts.
 */
import {
  PROJECT_TYPES,
  type Project,
  type ProjectRoleAssignment,
  type ProjectType,
  type RoleAssignments,
} from '../api/schemas.js';
import { friendlyRoleName, isPredefinedStackRole } from '../domain/catalog.js';
import { field, line, tone, type Line } from './lines.js';

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
