/**
 * A custom role for a member, the way the docs and the skill's `assign-custom-role` do it: the project type's viewer
 * `role_id` (console access to the project) plus `application_roles: [name]` (what they get inside). No separate
 * predefined role goes with it: roles combine as a union, which would widen the custom role.
 */
import { cloudRequests } from '../../api/requests.js';
import type { ProjectType, RoleAssignments } from '../../api/schemas.js';
import { toRoleAssignments } from '../assignments.js';
import { viewerRoleId } from '../catalog.js';
import { validateRoleName } from '../role-name.js';
import { issue, requireText, type FieldIssue } from '../validation.js';
import { resolveEntry } from './entry.js';
import { failed, type BuildResult } from './result.js';

export interface CustomRoleAssignment {
  readonly userId: string;
  /** How the plan names the member (their email); the user id when not given. */
  readonly who?: string;
  readonly orgId: string;
  readonly type: ProjectType;
  readonly roleName: string;
  /** Either `all: true` (every project of the type, present and future) or the projects to grant it on. */
  readonly all?: boolean;
  readonly projectIds?: readonly string[];
}

const FIELDS = {
  path: '',
  roleId: 'roleId',
  organizationId: 'orgId',
  all: 'all',
  ids: 'projectIds',
  applicationRoles: 'roleName',
};

function customRoleBody(input: CustomRoleAssignment): { body: RoleAssignments } | { issues: FieldIssue[] } {
  const nameProblem = validateRoleName(input.roleName);
  const entry = resolveEntry(
    {
      scope: 'project',
      type: input.type,
      roleId: viewerRoleId(input.type),
      all: input.all,
      ids: input.projectIds,
      applicationRoles: [input.roleName],
    },
    FIELDS,
    { orgId: input.orgId, allowOrganizationApplicationRoles: false },
  );
  const issues = [
    ...requireText('userId', input.userId),
    ...requireText('orgId', input.orgId),
    ...(nameProblem ? [issue('roleName', nameProblem)] : []),
    // The name's syntax is already reported above; keep the entry's other issues (ids, all).
    ...(entry.ok ? [] : entry.issues.filter((i) => !i.path.startsWith('roleName'))),
  ];
  return issues.length > 0 || !entry.ok ? { issues } : { body: toRoleAssignments([entry.value]) };
}

function reachWarnings(input: CustomRoleAssignment): string[] {
  return input.all
    ? [
        `"${input.roleName}" must exist in every ${input.type} project, including ones created later; where it does not, this grants nothing`,
      ]
    : [];
}

export function buildCustomRoleAssignment(input: CustomRoleAssignment): BuildResult<RoleAssignments> {
  const built = customRoleBody(input);
  if ('issues' in built) return failed(built.issues);
  const userId = input.userId.trim();
  return {
    ok: true,
    request: cloudRequests.addRoleAssignments(userId, built.body, input.who ?? userId),
    body: built.body,
    warnings: reachWarnings(input),
  };
}

/** The matching removal: DELETE with the same entry. */
export function buildRemoveCustomRoleAssignment(input: CustomRoleAssignment): BuildResult<RoleAssignments> {
  const built = customRoleBody(input);
  if ('issues' in built) return failed(built.issues);
  const userId = input.userId.trim();
  return {
    ok: true,
    request: cloudRequests.removeRoleAssignments(userId, built.body, input.who ?? userId),
    body: built.body,
    warnings: [],
  };
}
