/**
 * The invite wizard's plan. Custom roles follow the canonical onboarding flow: the invitation carries no project
 * roles, and the custom-role assignment is made once the person has accepted (see AwaitAcceptance). Addresses that
 * already belong to a member get a role update instead of an invitation.
 */
import { cloudRequests } from '../../../src/api/requests.js';
import type { Member, RoleAssignments } from '../../../src/api/schemas.js';
import {
  diffAssignments,
  flattenAssignments,
  isSameAssignment,
  mergeAssignments,
  toRoleAssignments,
  type FlatAssignment,
} from '../../../src/domain/assignments.js';
import { buildAddRoleAssignments, buildInvitation } from '../../../src/domain/builders/index.js';
import { memberLabel } from '../../../src/domain/org.js';
import { createPlan } from '../../../src/domain/plan.js';
import type { Draft } from '../../../components/wizard/Wizard.js';
import type { Note } from '../../../components/wizard/model.js';
import { orgIdOf, type WizardEnv } from '../env.js';
import { deploymentGrantRow, deploymentIdNotes } from '../deployment-grants.js';
import { customName, grantLabel, grantRow } from '../grants.js';
import { gather, refusal, toInputs } from '../build.js';
import { overGrants } from '../over-grant.js';
import { audienceOf, invitees, parseEmails, type InviteValues } from './values.js';

function scopedRows(v: InviteValues, orgId: string): FlatAssignment[] {
  const org = v.orgRole
    ? [
        {
          scope: 'organization' as const,
          roleId: v.orgRole,
          organizationId: orgId,
          all: true,
          ids: [],
          applicationRoles: [],
        },
      ]
    : [];
  return [...org, ...v.deploymentGrants.map((g) => deploymentGrantRow(g, orgId))];
}

export const hasCustomGrant = (v: InviteValues) => v.grants.some((g) => customName(g.role) !== undefined);

/** Project assignments made after acceptance (custom-role flow); empty when the invitation carries everything. */
export function afterAcceptance(v: InviteValues, env: WizardEnv): FlatAssignment[] {
  return hasCustomGrant(v) ? v.grants.map((g) => grantRow(g, orgIdOf(env))) : [];
}

/** What a member does not have yet of `wanted` (POSTing an entry they hold would change nothing). */
function missingFor(member: Member, wanted: RoleAssignments): RoleAssignments {
  const current = member.role_assignments ?? {};
  return diffAssignments(current, mergeAssignments(current, wanted)).added;
}

export function inviteDraft(v: InviteValues, env: WizardEnv): Draft<WizardEnv> {
  const orgId = orgIdOf(env);
  const audience = audienceOf(v, env);
  const projectRows = v.grants.map((g) => grantRow(g, orgId));
  const all = toRoleAssignments([...scopedRows(v, orgId), ...projectRows]);
  const onInvitation = hasCustomGrant(v) ? scopedRows(v, orgId) : [...scopedRows(v, orgId), ...projectRows];
  const emails = invitees(v, env);
  const resent = v.pending === 'resend' ? audience.pending : [];

  const notes: Note[] = [];
  const problems: string[] = [...overGrants(projectRows, env)];
  const results = [];
  if (emails.length > 0) {
    results.push(
      buildInvitation({
        orgId,
        emails,
        ...(v.expiresIn.trim() ? { expiresIn: v.expiresIn } : {}),
        roleAssignments: toInputs(onInvitation),
      }),
    );
  }
  for (const member of audience.members) {
    const missing = flattenAssignments(missingFor(member, all));
    const label = memberLabel(member);
    if (missing.length === 0)
      notes.push({ tone: 'muted', text: `${label} already has every chosen role: nothing to send for them` });
    else
      results.push(
        buildAddRoleAssignments({ userId: member.user_id, who: label, orgId, assignments: toInputs(missing) }),
      );
    problems.push(
      ...overGrants([...flattenAssignments(member.role_assignments ?? {}), ...missing], env).map(
        (p) => `${label}: ${p}`,
      ),
    );
  }
  const built = gather(results);
  // Cancelling first: re-inviting an address with an open invitation may be refused as a duplicate (cloud-api.md §3).
  const cancel =
    resent.length > 0
      ? [
          cloudRequests.cancelInvitations(
            orgId,
            resent.map((i) => i.token),
          ),
        ]
      : [];
  if (hasCustomGrant(v) && emails.length > 0) {
    notes.push({
      tone: 'accent',
      text: `Custom roles follow the onboarding flow: the invitation carries no project roles; ${v.grants.map((g) => grantLabel(g, env)).join('; ')} is assigned once the invitation is accepted (next screen).`,
    });
  }
  const blocked = refusal(problems, built);
  return {
    plan: createPlan('Invite and assign roles', [...cancel, ...built.requests]),
    notes: [...notes, ...deploymentIdNotes(scopedRows(v, orgId), env), ...built.notes],
    verify: (fresh) => inviteVerify(v, fresh),
    ...(blocked ? { blocked } : {}),
  };
}

/** Checked against the re-read lists: every address is now a member or invited, and members hold the roles. */
export function inviteVerify(v: InviteValues, env: WizardEnv): Note[] {
  const { members } = audienceOf(v, env);
  const memberEmails = new Set(members.map((m) => m.email?.toLowerCase()));
  const open = new Set(env.snapshot.invitations.map((i) => i.email.toLowerCase()));
  const invited = parseEmails(v.emailsText)
    .emails.filter((e) => !memberEmails.has(e))
    .map((email) =>
      open.has(email)
        ? { tone: 'success' as const, text: `${email} is listed as invited` }
        : { tone: 'danger' as const, text: `${email} is not in the re-read invitation list` },
    );
  const wanted = [...scopedRows(v, orgIdOf(env)), ...v.grants.map((g) => grantRow(g, orgIdOf(env)))];
  const updated = members.map((m) => {
    const has = flattenAssignments(m.role_assignments ?? {});
    return wanted.every((w) => has.some((h) => isSameAssignment(h, w)))
      ? { tone: 'success' as const, text: `${m.email} now holds the chosen roles` }
      : { tone: 'danger' as const, text: `${m.email}: the re-read member does not show every chosen role` };
  });
  return [...invited, ...updated];
}
