/**
 * Whether a stack role name exists inside a project. Predefined names exist in every project of the types that
 * define them; anything else is a custom role and exists only where someone created it. When a project's custom
 * roles have not been (or could not be) loaded, existence is unknown, never assumed.
 */
import { PROJECT_TYPES, type Project, type ProjectType } from '../../api/schemas.js';
import { predefinedStackRoles } from '../catalog.js';
import type { OrgSnapshot } from '../org.js';

/** Built once: the catalog is fixed, and this is asked for every role in every project a matrix covers. */
const PREDEFINED = new Map<ProjectType, ReadonlySet<string>>(
  PROJECT_TYPES.map((type) => [type, new Set(predefinedStackRoles(type))]),
);

export type RoleExistence = 'predefined' | 'exists' | 'missing' | 'unknown';

export function roleExistence(
  snapshot: Pick<OrgSnapshot, 'customRoles'>,
  project: Project,
  roleName: string,
): RoleExistence {
  if (PREDEFINED.get(project.type)?.has(roleName)) return 'predefined';
  const custom = snapshot.customRoles.get(project.id);
  if (!custom || custom.status !== 'loaded') return 'unknown';
  return custom.names.includes(roleName) ? 'exists' : 'missing';
}
