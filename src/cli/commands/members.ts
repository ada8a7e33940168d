/** `members list | remove`: the skill's list-members and remove-member (invite is in members-invite.ts). */
import { cloudRequests } from '../../api/requests.js';
import { extraWarnings } from '../../domain/confirm.js';
import { accessSummary } from '../../domain/assignment-summary.js';
import type { CommandContext } from '../command-spec.js';
import { phraseFor } from './shared/confirm.js';
import { withSession } from './shared/connect.js';
import { memberLabel, memberNames, selectMembers } from './shared/members.js';
import { createOutput, day, table } from './shared/output.js';
import { loadSnapshot } from './shared/snapshot.js';
import { executePlan } from './shared/writes.js';

export async function membersList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  return withSession(ctx, async (session) => {
    const members = await session.cloud.listMembers(session.orgId);
    out.result(
      {
        schema: 'ec-access/members@1',
        organization_id: session.orgId,
        members: members.map((m) => ({
          user_id: m.user_id,
          email: m.email ?? null,
          name: m.name ?? null,
          member_since: m.member_since,
          role_assignments: m.role_assignments ?? {},
        })),
      },
      () =>
        table(
          ['EMAIL', 'NAME', 'USER ID', 'SINCE', 'ROLES'],
          members.map((m) => [
            m.email ?? '-',
            m.name ?? '-',
            m.user_id,
            day(m.member_since),
            accessSummary(m.role_assignments, true) || '(none)',
          ]),
        ),
    );
    return 0;
  });
}

export async function membersRemove(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const wanted = memberNames(ctx.values);
  return withSession(ctx, async (session) => {
    const snapshot = await loadSnapshot(session);
    const targets = selectMembers(snapshot.members, wanted);
    const userIds = targets.map((m) => m.user_id);
    return executePlan(ctx, session, out, {
      operation: ctx.name,
      writes: targets.map((m) => ({
        target: memberLabel(m),
        request: cloudRequests.removeMembers(session.orgId, [m.user_id]),
      })),
      warnings: extraWarnings({ kind: 'remove-members', userIds }, snapshot, { selfKeyId: session.selfKeyId }).map(
        (w) => w.message,
      ),
      confirm: {
        actions: targets.map((m) => `remove ${memberLabel(m)} (${m.user_id}) from the organization`),
        phrase: phraseFor(targets, (member) => ({ kind: 'remove-member', member }), 'remove'),
      },
    });
  });
}
