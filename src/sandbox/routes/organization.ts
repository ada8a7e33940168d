/** Organizations, the account, and members (cloud-api.md §1–2). */
import { callerOf, type RequestContext } from '../context.js';
import { cloudError, ok } from '../reply.js';
import { list, type Route } from '../router.js';
import { memberWire } from '../wire.js';
import { requireOrganization, requireOwner } from './common.js';

type R = Route<RequestContext>;
const cloud = { dialect: 'cloud', auth: 'cloud' } as const;

export const organizationRoutes: readonly R[] = [
  {
    ...cloud,
    method: 'GET',
    pattern: '/api/v1/organizations',
    unauthenticatedCode: 'user.not_found',
    handle: ({ core }) => ok({ organizations: [core.data.organization] }),
  },
  {
    ...cloud,
    method: 'GET',
    pattern: '/api/v1/organizations/:orgId',
    unauthenticatedCode: 'user.not_found',
    handle: (ctx, { orgId }) => {
      requireOrganization(ctx, orgId!);
      return ok(ctx.core.data.organization);
    },
  },
  {
    ...cloud,
    method: 'GET',
    pattern: '/api/v1/account',
    handle: ({ core }) => ok({ id: core.data.accountId }),
  },
  {
    ...cloud,
    method: 'GET',
    pattern: '/api/v1/organizations/:orgId/members',
    handle: (ctx, { orgId }) => {
      requireOrganization(ctx, orgId!);
      const { data } = ctx.core;
      return ok({ members: data.members.map((m) => memberWire(m, data.organization.id)) });
    },
  },
  {
    ...cloud,
    method: 'DELETE',
    pattern: '/api/v1/organizations/:orgId/members/:userIds',
    handle: (ctx, { orgId, userIds }) => {
      requireOrganization(ctx, orgId!);
      requireOwner(callerOf(ctx), 'organization.invalid_access', 'Removing members');
      const ids = list(userIds!);
      if (ids.length === 0) throw cloudError(400, 'root.invalid_data', 'no user id given');
      const { data } = ctx.core;
      // All or nothing: one unknown id and nobody is removed, so a retry after fixing the list is safe.
      const missing = ids.filter((id) => !data.members.some((m) => m.user_id === id));
      if (missing.length > 0) {
        throw cloudError(
          404,
          'organization.membership_not_found',
          `not members of this organization: ${missing.join(', ')}`,
        );
      }
      // Their keys keep working: keys belong to the organization, not to the person who made them.
      data.members = data.members.filter((m) => !ids.includes(m.user_id));
      return ok({});
    },
  },
];
