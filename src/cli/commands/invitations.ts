/**
 * `invitations list | cancel`. An invitation's token is what the invitee accepts with, so it is a secret: lists
 * print `[redacted]` and cancelling goes by email (tokens are still accepted from callers that have them).
 */
import { cloudRequests } from '../../api/requests.js';
import type { Invitation } from '../../api/schemas.js';
import { REDACTED } from '../../util/secret.js';
import { accessSummary } from '../../domain/assignment-summary.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { phraseFor } from './shared/confirm.js';
import { withSession } from './shared/connect.js';
import { list, oneOf } from './shared/flags.js';
import { createOutput, day, table } from './shared/output.js';
import { executePlan } from './shared/writes.js';

export function invitationJson(i: Invitation) {
  return {
    email: i.email,
    token: REDACTED,
    created_at: i.created_at,
    expires_at: i.expires_at,
    expired: i.expired,
    role_assignments: i.role_assignments ?? {},
  };
}

export async function invitationsList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  return withSession(ctx, async (session) => {
    const invitations = await session.cloud.listInvitations(session.orgId);
    out.result(
      {
        schema: 'ec-access/invitations@1',
        organization_id: session.orgId,
        invitations: invitations.map(invitationJson),
      },
      () =>
        table(
          ['EMAIL', 'SENT', 'EXPIRES', 'STATUS', 'ROLES ON ACCEPTANCE'],
          invitations.map((i) => [
            i.email,
            day(i.created_at),
            day(i.expires_at),
            i.expired ? 'expired' : 'pending',
            accessSummary(i.role_assignments, true) || '(none)',
          ]),
        ),
    );
    return 0;
  });
}

/** `--email` or `--tokens`, read before connecting; matched against the open invitations once they are loaded. */
function invitationSelector(ctx: CommandContext): (invitations: readonly Invitation[]) => Invitation[] {
  const byEmail = oneOf(ctx.values, ['email', 'tokens']) === 'email';
  const names = list(ctx.values, byEmail ? 'email' : 'tokens')!;
  return (invitations) => {
    const selected: Invitation[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const matches = invitations.filter((i) =>
        byEmail ? i.email.toLowerCase() === name.toLowerCase() : i.token === name,
      );
      if (matches.length === 0) unknown.push(byEmail ? name : REDACTED);
      selected.push(...matches);
    }
    if (unknown.length > 0)
      throw new UsageError(`no pending invitation for ${unknown.join(', ')} (see ec-access invitations list)`);
    return selected;
  };
}

export async function invitationsCancel(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const select = invitationSelector(ctx);
  return withSession(ctx, async (session) => {
    const targets = select(await session.cloud.listInvitations(session.orgId));
    return executePlan(ctx, session, out, {
      operation: ctx.name,
      writes: targets.map((i) => ({
        target: i.email,
        request: cloudRequests.cancelInvitations(session.orgId, [i.token]),
      })),
      confirm: {
        actions: targets.map((i) => `cancel the invitation sent to ${i.email} on ${day(i.created_at)}`),
        phrase: phraseFor(targets, (invitation) => ({ kind: 'cancel-invitation', invitation }), 'cancel'),
      },
    });
  });
}
