/**
 * Invitations (cloud-api.md §3). Re-inviting an email whose invitation is still pending is refused with
 * `organization.invitation_already_exists`; an *expired* one is refreshed (new token, new expiry, new roles), which
 * is how the console's "resend" behaves and how the spec's "creates or refreshes" reads without contradicting the
 * documented 400. A request is all or nothing: one bad email and no invitation is created.
 */
import type { Invitation } from '../../api/schemas.js';
import { callerOf, type RequestContext } from '../context.js';
import { isRecord } from '../json-object.js';
import type { StoredInvitation } from '../model.js';
import { cloudError, ok } from '../reply.js';
import { deploymentIdsOf, normalizeRoleAssignments } from '../role-assignments.js';
import { list, one, type Route } from '../router.js';
import { BASE62 } from '../rng.js';
import { randomId } from '../secrets.js';
import { DEFAULT_INVITATION_LIFETIME_MS, parseDuration } from '../../domain/duration.js';
import { invitationWire, isPast } from '../wire.js';
import { assignmentMode, requireOrganization, requireOwner } from './common.js';

type R = Route<RequestContext>;
const cloud = { dialect: 'cloud', auth: 'cloud' } as const;

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

export const invitationRoutes: readonly R[] = [
  {
    ...cloud,
    method: 'GET',
    pattern: '/api/v1/organizations/:orgId/invitations',
    handle: (ctx, { orgId }) => {
      requireOrganization(ctx, orgId!);
      const { data, clock } = ctx.core;
      return ok({ invitations: data.invitations.map((i) => invitationWire(i, data.organization, clock.now())) });
    },
  },
  {
    ...cloud,
    method: 'POST',
    pattern: '/api/v1/organizations/:orgId/invitations',
    handle: (ctx, { orgId }) => {
      requireOrganization(ctx, orgId!);
      requireOwner(callerOf(ctx), 'organization.invalid_access', 'Inviting members');
      const created = createInvitations(ctx);
      return ok({ invitations: created }, 201);
    },
  },
  {
    ...cloud,
    method: 'DELETE',
    pattern: '/api/v1/organizations/:orgId/invitations/:tokens',
    handle: (ctx, { orgId, tokens }) => {
      requireOrganization(ctx, orgId!);
      requireOwner(callerOf(ctx), 'organization.invalid_access', 'Cancelling invitations');
      const wanted = list(tokens!);
      if (wanted.length === 0) throw cloudError(400, 'root.invalid_data', 'no invitation token given');
      const { data } = ctx.core;
      const missing = wanted.filter((t) => !data.invitations.some((i) => i.token === t));
      if (missing.length > 0) {
        throw cloudError(
          404,
          'organization.invitation_not_found',
          `${missing.length} of ${wanted.length} invitation tokens not found`,
        );
      }
      data.invitations = data.invitations.filter((i) => !wanted.includes(i.token));
      return ok({});
    },
  },
  {
    // Invitee side: what the link in the invitation email opens. The token is the credential.
    dialect: 'cloud',
    auth: 'none',
    method: 'GET',
    pattern: '/api/v1/organizations/invitations/:token',
    handle: ({ core }, { token }) => {
      const invitation = core.data.invitations.find((i) => i.token === one(token!));
      if (!invitation) throw cloudError(404, 'organization.invitation_not_found', 'invitation not found');
      return ok(invitationWire(invitation, core.data.organization, core.clock.now()));
    },
  },
];

function createInvitations(ctx: RequestContext): Invitation[] {
  const { body } = ctx;
  const { data, clock } = ctx.core;
  const now = clock.now();
  if (!isRecord(body) || !Array.isArray(body.emails) || body.emails.length === 0) {
    throw cloudError(400, 'root.invalid_data', 'emails must list at least one email address', ['emails']);
  }
  const emails = [...new Set(body.emails.map((e) => (typeof e === 'string' ? e.trim().toLowerCase() : '')))];
  emails.forEach((email, i) => {
    if (!EMAIL.test(email))
      throw cloudError(400, 'organization.invitation_invalid_email', `"${email}" is not a valid email address`, [
        `emails[${i}]`,
      ]);
    if (data.members.some((m) => m.email.toLowerCase() === email)) {
      throw cloudError(
        400,
        'organization.user_organization_already_belongs',
        `${email} is already a member of this organization`,
        [`emails[${i}]`],
      );
    }
    const pending = data.invitations.find((inv) => inv.email === email && !isPast(inv.expires_at, now));
    if (pending) {
      throw cloudError(
        400,
        'organization.invitation_already_exists',
        `${email} already has a pending invitation (expires ${pending.expires_at})`,
        [`emails[${i}]`],
      );
    }
  });
  const expiresAt = expiryOf(body.expires_in, now);
  const roleAssignments = normalizeRoleAssignments(body.role_assignments, {
    orgId: data.organization.id,
    projects: data.projects,
    deploymentIds: deploymentIdsOf(data),
    errorCode: 'root.invalid_data',
    ...assignmentMode(ctx),
  });

  const fresh: StoredInvitation[] = emails.map((email) => ({
    token: randomId(32, BASE62),
    email,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    role_assignments: roleAssignments,
  }));
  data.invitations = [...data.invitations.filter((i) => !emails.includes(i.email)), ...fresh];
  return fresh.map((i) => invitationWire(i, data.organization, now));
}

/** `expires_in` is a duration ("3d", the skill) or, as the spec's text says, the date-time it expires. */
function expiryOf(value: unknown, now: Date): string {
  if (value === undefined) return new Date(now.getTime() + DEFAULT_INVITATION_LIFETIME_MS).toISOString();
  if (typeof value === 'string') {
    const ms = parseDuration(value.trim());
    if (ms !== undefined) return new Date(now.getTime() + ms).toISOString();
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) {
      if (Date.parse(value) <= now.getTime())
        throw cloudError(400, 'root.invalid_data', `expires_in ${value} is in the past`, ['expires_in']);
      return new Date(Date.parse(value)).toISOString();
    }
  }
  throw cloudError(
    400,
    'root.invalid_data',
    'expires_in must be a duration such as "72h" or "3d", or an ISO 8601 date-time',
    ['expires_in'],
  );
}
