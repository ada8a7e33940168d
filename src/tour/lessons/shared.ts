/** Small facts several lesson checks need about the sandbox state. */
import type { Member, Project, ProjectRoleAssignment, RoleAssignments } from '../../api/schemas.js';
import type { OrgSnapshot } from '../../domain/org.js';
import type { LoggedRequest } from '../../sandbox/request-log.js';

export function projectNamed(snapshot: OrgSnapshot, name: string): Project | undefined {
  return snapshot.projects.find((p) => p.name === name);
}

export function newMembers(snapshot: OrgSnapshot, before: readonly string[]): Member[] {
  const known = new Set(before);
  return snapshot.members.filter((m) => !known.has(m.user_id));
}

/** Every project assignment with its project type. */
export function projectAssignments(
  assignments: RoleAssignments | undefined,
): Array<ProjectRoleAssignment & { type: Project['type'] }> {
  const project = assignments?.project ?? {};
  return (['elasticsearch', 'observability', 'security'] as const).flatMap((type) =>
    (project[type] ?? []).map((a) => ({ ...a, type })),
  );
}

export function coversProject(
  assignment: ProjectRoleAssignment & { type: Project['type'] },
  project: Project,
): boolean {
  return (
    assignment.type === project.type && (assignment.all === true || (assignment.project_ids ?? []).includes(project.id))
  );
}

/** Requests that changed something; reads are how screens and the tour look, not what the learner did. */
export function writes(requests: readonly LoggedRequest[]): LoggedRequest[] {
  return requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
}
