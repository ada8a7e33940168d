/** Checks several Cloud endpoints share. */
import type { Caller } from '../auth.js';
import type { RequestContext } from '../context.js';
import { cloudError } from '../reply.js';
import { one } from '../router.js';

/** How role assignments in a request body are read: strictly or with a warning per rewritten role id. */
export const assignmentMode = (ctx: RequestContext) => ({
  strict: ctx.core.strict,
  warn: (message: string) => ctx.warnings.push(message),
});

/** `{organization_id}` in a path must be the caller's organization; any other id does not exist for them. */
export function requireOrganization(ctx: RequestContext, rawOrgId: string): void {
  const orgId = one(rawOrgId);
  if (orgId !== ctx.core.data.organization.id)
    throw cloudError(404, 'organization.not_found', `organization ${orgId} not found`);
}

/** Writes to members, invitations and keys are for organization owners only (skill: permission table). */
export function requireOwner(caller: Caller, code: string, what: string): void {
  if (!caller.owner) {
    throw cloudError(
      403,
      code,
      `${what} requires the Organization owner role (organization-admin); API key ${caller.key.id} does not have it`,
    );
  }
}
