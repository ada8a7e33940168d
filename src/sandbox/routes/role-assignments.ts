/**
 * `POST` / `DELETE /users/{user_id}/role_assignments` (cloud-api.md §4): POST adds the listed entries, DELETE
 * removes exactly those (ids of deployments that no longer exist included); both answer `{}`. The target must be a member (400 `invalid_target_user_id`) and only
 * organization owners may change anyone's roles (403 `unauthorized_role_assignments`).
 */
import { callerOf, type RequestContext } from '../context.js';
import { cloudError, ok } from '../reply.js';
import { addAssignments, deploymentIdsOf, normalizeRoleAssignments, removeAssignments } from '../role-assignments.js';
import { assignmentMode } from './common.js';
import { one, type Route } from '../router.js';

type R = Route<RequestContext>;

function change(kind: 'add' | 'remove') {
  return (ctx: RequestContext, params: Readonly<Record<string, string>>) => {
    const caller = callerOf(ctx);
    const { data } = ctx.core;
    const userId = one(params.userId!);
    const member = data.members.find((m) => m.user_id === userId);
    if (!member)
      throw cloudError(
        400,
        'role_assignments.invalid_target_user_id',
        `user ${userId} is not a member of this organization`,
      );
    if (!caller.owner) {
      throw cloudError(
        403,
        'role_assignments.unauthorized_role_assignments',
        `API key ${caller.key.id} may not ${kind} role assignments: it is not an Organization owner key`,
      );
    }
    // A removal may name a deployment that is gone: taking such an id out is how the assignment gets fixed.
    const deploymentIds = deploymentIdsOf(data);
    if (kind === 'remove')
      for (const entry of member.role_assignments.deployment ?? [])
        for (const id of entry.deployment_ids ?? []) deploymentIds.add(id);
    const listed = normalizeRoleAssignments(ctx.body ?? {}, {
      orgId: data.organization.id,
      projects: data.projects,
      deploymentIds,
      errorCode: 'role_assignments.invalid_role',
      ...assignmentMode(ctx),
    });
    member.role_assignments =
      kind === 'add'
        ? addAssignments(member.role_assignments, listed)
        : removeAssignments(member.role_assignments, listed);
    return ok({});
  };
}

const common = {
  dialect: 'cloud',
  auth: 'cloud',
  pattern: '/api/v1/users/:userId/role_assignments',
  unauthenticatedCode: 'root.unauthorized',
} as const;

export const roleAssignmentRoutes: readonly R[] = [
  { ...common, method: 'POST', handle: change('add') },
  { ...common, method: 'DELETE', handle: change('remove') },
];
