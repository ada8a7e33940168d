/** Confirmations on the Members screen: remove a member, cancel an invitation, remove one role assignment. */
import type { Invitation, Member, RoleAssignments } from '../../src/api/schemas.js';
import { cloudRequests } from '../../src/api/requests.js';
import { extraWarnings } from '../../src/domain/confirm.js';
import { memberLabel } from '../../src/domain/org.js';
import { dataOf } from '../../src/state/resource.js';
import { allProjects, API_KEYS, INVITATIONS, listOf, MEMBERS } from '../../src/state/lists.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import { assignmentLines, type ProjectIndex } from '../../src/ui/assignment-lines.js';
import { absolute } from '../../src/ui/dates.js';
import { assignmentEntries, stillAssigned } from './assignment-entries.js';
import { NOT_CONNECTED, urlOrPath, type ConfirmEnv, type ConfirmSpec, type Prepared } from './spec.js';
import { judgeSingle, reread } from './verify.js';

function projectIndex(env: ConfirmEnv): ProjectIndex {
  return new Map(allProjects(env.data).map((p) => [p.id, p]));
}

/** The parts every Cloud confirmation shares: URL, the connection check, and a send that cannot run unconnected. */
function cloudPrepared(
  env: ConfirmEnv,
  request: Prepared['request'],
  send: (cloud: NonNullable<ConfirmEnv['services']>['cloud']) => Promise<void>,
) {
  const { services } = env;
  return {
    request,
    url: urlOrPath(services, request),
    ...(services ? {} : { blocked: NOT_CONNECTED }),
    send: () => (services ? send(services.cloud) : Promise.reject(new Error(NOT_CONNECTED))),
  };
}

export function removeMemberSpec(member: Member): ConfirmSpec {
  const who = memberLabel(member);
  return {
    id: `confirm:remove-member:${member.user_id}`,
    title: `Remove ${who} from the organization`,
    verb: 'Remove member',
    prepare(env) {
      const orgId = member.organization_id;
      const request = cloudRequests.removeMembers(orgId, [member.user_id]);
      const ownedKeys = (dataOf(listOf(env.data, API_KEYS)) ?? []).filter((k) => k.user_id === member.user_id);
      const effects: Line[] = [
        line(
          '  ',
          tone('danger', who, true),
          tone('muted', ` (${member.name ?? 'no name'}, user ${member.user_id})`),
          ' leaves the organization',
        ),
        line('  and loses every role assignment:'),
        ...assignmentLines(member.role_assignments, projectIndex(env)),
        ...(ownedKeys.length > 0
          ? [
              line(
                tone(
                  'warning',
                  `  ${env.symbols.warn} created ${ownedKeys.length} API key${ownedKeys.length === 1 ? '' : 's'} (${ownedKeys.map((k) => k.description).join(', ')}), which may stop working with them`,
                ),
              ),
            ]
          : []),
      ];
      return {
        target: { kind: 'remove-member', member },
        ...cloudPrepared(env, request, (cloud) => cloud.removeMembers(orgId, [member.user_id])),
        effects,
        warnings: env.snapshot
          ? extraWarnings({ kind: 'remove-members', userIds: [member.user_id] }, env.snapshot, {
              selfKeyId: env.selfKeyId,
            })
          : [],
        refresh: [MEMBERS, API_KEYS],
        verify: (data, sent) =>
          judgeSingle(
            sent,
            {
              done: `Removed ${who} from the organization`,
              what: who,
              where: 'the member list',
              present: reread(listOf(data, MEMBERS))?.some((m) => m.user_id === member.user_id),
            },
            env.symbols,
          ),
      };
    },
  };
}

export function cancelInvitationSpec(invitation: Invitation): ConfirmSpec {
  const who = invitation.email;
  return {
    id: `confirm:cancel-invitation:${who}`,
    title: `Cancel the invitation to ${who}`,
    verb: 'Cancel invitation',
    prepare(env) {
      const orgId = invitation.organization.id;
      const request = cloudRequests.cancelInvitations(orgId, [invitation.token]);
      const effects: Line[] = [
        line('  The invitation to ', tone('danger', who, true), ' is cancelled: its link stops working.'),
        line(
          tone(
            'muted',
            `  sent ${absolute(invitation.created_at, env.now)}, expires ${absolute(invitation.expires_at, env.now)}`,
          ),
        ),
        line('  It would have granted:'),
        ...assignmentLines(invitation.role_assignments, projectIndex(env)),
      ];
      return {
        target: { kind: 'cancel-invitation', invitation },
        ...cloudPrepared(env, request, (cloud) => cloud.cancelInvitations(orgId, [invitation.token])),
        effects,
        warnings: [],
        refresh: [INVITATIONS],
        verify: (data, sent) =>
          judgeSingle(
            sent,
            {
              done: `Cancelled the invitation to ${who}`,
              what: `the invitation to ${who}`,
              where: 'the invitation list',
              present: reread(listOf(data, INVITATIONS))?.some((i) => i.token === invitation.token && !i.accepted_at),
            },
            env.symbols,
          ),
      };
    },
  };
}

export function removeAssignmentSpec(member: Member, remove: RoleAssignments): ConfirmSpec {
  const who = memberLabel(member);
  const removing = assignmentEntries(remove);
  const removingKeys = new Set(removing.map((e) => e.key));
  return {
    id: `confirm:remove-assignment:${member.user_id}`,
    title: `Remove a role assignment from ${who}`,
    verb: removing.length === 1 ? 'Remove assignment' : `Remove ${removing.length} assignments`,
    prepare(env) {
      const request = cloudRequests.removeRoleAssignments(member.user_id, remove, who);
      const kept = assignmentEntries(member.role_assignments).filter((e) => !removingKeys.has(e.key));
      const effects: Line[] = [
        line('  ', tone('danger', who, true), ' loses:'),
        ...assignmentLines(remove, projectIndex(env)),
        line('  and keeps:'),
        ...(kept.length > 0
          ? kept.map((e) => line(`    ${e.label}`))
          : [line(tone('warning', '    no role assignment at all'))]),
      ];
      return {
        target: { kind: 'remove-assignment', member },
        ...cloudPrepared(env, request, (cloud) => cloud.removeRoleAssignments(member.user_id, remove)),
        effects,
        warnings: env.snapshot
          ? extraWarnings({ kind: 'remove-assignment', userId: member.user_id, remove }, env.snapshot)
          : [],
        refresh: [MEMBERS],
        verify: (data, sent) => {
          const members = reread(listOf(data, MEMBERS));
          const now = members?.find((m) => m.user_id === member.user_id);
          return judgeSingle(
            sent,
            {
              done: `Removed ${removing.map((e) => e.label).join(', ')} from ${who}`,
              what: 'the assignment',
              where: `${who}'s role assignments`,
              present: members && (now ? stillAssigned(now.role_assignments, remove) : false),
            },
            env.symbols,
          );
        },
      };
    },
  };
}
