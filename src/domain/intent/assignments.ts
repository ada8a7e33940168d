/** Plans speak in ProjectGrants; the API speaks RoleAssignments. This is the one translation between them. */
import type { RoleAssignments } from '../../api/schemas.js';
import type { ProjectGrant } from './types.js';

export function toRoleAssignments(
  organizationId: string,
  grants: readonly ProjectGrant[],
  organizationRoleIds: readonly string[] = [],
): RoleAssignments {
  const assignments: RoleAssignments = {};
  if (organizationRoleIds.length > 0) {
    assignments.organization = organizationRoleIds.map((roleId) => ({
      role_id: roleId,
      organization_id: organizationId,
    }));
  }
  for (const grant of grants) {
    const { type } = grant.target;
    const entry = {
      role_id: grant.roleId,
      organization_id: organizationId,
      ...(grant.target.kind === 'all-of-type'
        ? { all: true }
        : { all: false, project_ids: [...grant.target.projectIds] }),
      ...(grant.applicationRoles ? { application_roles: [...grant.applicationRoles] } : {}),
    };
    assignments.project = { ...assignments.project, [type]: [...(assignments.project?.[type] ?? []), entry] };
  }
  return assignments;
}
