/**
 * Things a valid body can still get wrong, said before it is sent. They never block: the API accepts these
 * bodies, and the person may mean it.
 */
import { PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../../api/schemas.js';
import { flattenAssignments, type FlatAssignment } from '../assignments.js';
import { isPredefinedStackRole } from '../catalog.js';

function overlaps(a: FlatAssignment, b: FlatAssignment): boolean {
  return a.all || b.all || a.ids.some((id) => b.ids.includes(id));
}

function where(a: FlatAssignment, b: FlatAssignment, type: ProjectType): string {
  if (a.all && b.all) return `all ${type} projects`;
  const shared = a.all ? b.ids : b.all ? a.ids : a.ids.filter((id) => b.ids.includes(id));
  return `${type} project${shared.length === 1 ? '' : 's'} ${shared.join(', ')}`;
}

/**
 * Users only: a predefined project role and a custom role (application_roles) on the same project combine as a
 * union on sign-in, so the predefined role undoes the restriction the custom role was for. (Keys get nothing from
 * role_id, so the same body is no over-grant for a key.)
 */
export function overGrantWarnings(ra: RoleAssignments): string[] {
  const rows = flattenAssignments(ra);
  return PROJECT_TYPES.flatMap((type) => {
    const ofType = rows.filter((r) => r.scope === 'project' && r.type === type);
    const custom = ofType.filter((r) => r.applicationRoles.length > 0);
    const predefined = ofType.filter((r) => r.applicationRoles.length === 0);
    return custom.flatMap((c) =>
      predefined
        .filter((p) => overlaps(c, p))
        .map(
          (p) =>
            `${p.roleId} and application_roles [${c.applicationRoles.join(', ')}] both apply on ${where(c, p, type)}: ` +
            'roles combine as a union on sign-in, so the predefined role widens what the custom role allows. ' +
            `The custom role assignment (${c.roleId}) already gives console access; drop ${p.roleId} there.`,
        ),
    );
  });
}

/** A predefined stack role of another project type named on a project entry grants nothing there (unless a custom role has that name). */
export function foreignStackRoleWarnings(ra: RoleAssignments): string[] {
  const warnings = flattenAssignments(ra).flatMap((row) => {
    if (row.scope !== 'project') return [];
    const type = row.type!;
    return row.applicationRoles
      .filter((name) => isPredefinedStackRole(name) && !isPredefinedStackRole(name, type))
      .map(
        (name) =>
          `application role "${name}" is not a predefined role in ${type} projects: it grants nothing there unless a custom role of that name exists`,
      );
  });
  return [...new Set(warnings)];
}
