/**
 * `members invite`: the skill's invite-user. One request per email, all built (and so validated) before any is
 * sent, so a typo in the third address stops the command before the first invitation goes out.
 */
import { InvitationList } from '../../api/schemas.js';
import { buildInvitation } from '../../domain/builders/invitation.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { projectRoleInput, unwrap, wantsProjectRole } from './shared/build.js';
import { withSession } from './shared/connect.js';
import { list, text } from './shared/flags.js';
import { createOutput } from './shared/output.js';
import { executePlan } from './shared/writes.js';
import { invitationJson } from './invitations.js';

const FLAGS = {
  emails: '--emails',
  expiresIn: '--expires-in',
  rawRoleAssignments: '--roles',
  roleAssignments: '--project/--role',
};

export async function membersInvite(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const emails = list(ctx.values, 'emails');
  if (!emails) throw new UsageError('--emails is required (comma-separated addresses to invite)');
  const short = wantsProjectRole(ctx.values);
  const roles = text(ctx.values, 'roles');
  const expiresIn = text(ctx.values, 'expires-in');
  return withSession(ctx, async (session) => {
    const roleAssignments = short ? projectRoleInput(await session.projects(), ctx.values) : undefined;
    const built = emails.map((email) =>
      unwrap(
        buildInvitation({
          orgId: session.orgId,
          emails: [email],
          ...(expiresIn !== undefined ? { expiresIn } : {}),
          ...(roleAssignments ? { roleAssignments } : {}),
          ...(roles !== undefined ? { rawRoleAssignments: roles } : {}),
        }),
        FLAGS,
      ),
    );
    return executePlan(ctx, session, out, {
      operation: ctx.name,
      writes: built.map((b) => ({
        target: b.body.emails.join(','),
        request: b.request,
        describe: (response) => {
          const parsed = InvitationList.safeParse(response);
          return parsed.success ? { invitations: parsed.data.invitations.map(invitationJson) } : null;
        },
      })),
      warnings: [...new Set(built.flatMap((b) => b.warnings))],
    });
  });
}
