/**
 * POST / DELETE /users/{user_id}/role_assignments: add or remove exactly the listed entries for one member.
 * Both calls take the same body; removal only matches entries as they stand, so callers removing an existing grant
 * should pass it as read from the member (see diffAssignments).
 */
import { cloudRequests } from '../../api/requests.js';
import type { RoleAssignments } from '../../api/schemas.js';
import { isEmptyAssignments } from '../assignments.js';
import { issue, requireText, type FieldIssue } from '../validation.js';
import type { AssignmentInput } from './assignment-input.js';
import { resolveAssignments } from './assignments-source.js';
import { failed, type BuildResult } from './result.js';
import { foreignStackRoleWarnings, overGrantWarnings } from './warnings.js';

export interface RoleAssignmentsChange {
  readonly userId: string;
  /** How the request's summary names the member (their email, when the caller knows it); the id otherwise. */
  readonly who?: string;
  readonly orgId: string;
  readonly assignments?: readonly AssignmentInput[];
  /** The skill's `--roles` JSON, as text or parsed. */
  readonly rawRoleAssignments?: unknown;
}

function bodyFor(
  change: RoleAssignmentsChange,
  verb: 'add' | 'remove',
): { body: RoleAssignments } | { issues: FieldIssue[] } {
  const resolved = resolveAssignments(
    {
      friendly: change.assignments,
      friendlyField: 'assignments',
      raw: change.rawRoleAssignments,
      rawField: 'rawRoleAssignments',
    },
    { orgId: change.orgId, allowOrganizationApplicationRoles: false },
  );
  const issues = [
    ...requireText('userId', change.userId),
    ...requireText('orgId', change.orgId),
    ...(resolved.ok ? [] : resolved.issues),
  ];
  if (resolved.ok && (resolved.value === undefined || isEmptyAssignments(resolved.value))) {
    const field = change.rawRoleAssignments === undefined ? 'assignments' : 'rawRoleAssignments';
    issues.push(issue(field, `nothing to ${verb}: give at least one role assignment`));
  }
  return issues.length > 0 || !resolved.ok || resolved.value === undefined ? { issues } : { body: resolved.value };
}

export function buildAddRoleAssignments(change: RoleAssignmentsChange): BuildResult<RoleAssignments> {
  const built = bodyFor(change, 'add');
  if ('issues' in built) return failed(built.issues);
  return {
    ok: true,
    request: cloudRequests.addRoleAssignments(change.userId.trim(), built.body, change.who ?? change.userId.trim()),
    body: built.body,
    warnings: [...overGrantWarnings(built.body), ...foreignStackRoleWarnings(built.body)],
  };
}

export function buildRemoveRoleAssignments(change: RoleAssignmentsChange): BuildResult<RoleAssignments> {
  const built = bodyFor(change, 'remove');
  if ('issues' in built) return failed(built.issues);
  return {
    ok: true,
    request: cloudRequests.removeRoleAssignments(change.userId.trim(), built.body, change.who ?? change.userId.trim()),
    body: built.body,
    warnings: [],
  };
}
