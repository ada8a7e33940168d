/** Members and pending invitations in one list: who is in the organization, and who is about to be. */
import type { Invitation, Member } from '../../src/api/schemas.js';
import { isInvitationOpen } from '../../src/domain/access/index.js';
import { dataOf } from '../../src/state/resource.js';
import { blank, field, heading, tone, type Line } from '../../src/ui/lines.js';
import { principalAccessLines } from '../../src/ui/access-lines.js';
import { accessSummary, organizationRoles } from '../../src/domain/assignment-summary.js';
import { assignmentLines } from '../../src/ui/assignment-lines.js';
import { absolute, relative } from '../../src/ui/dates.js';
import { MEMBER_ACTIONS } from './actions.js';
import type { MemberRow } from './row.js';
import { byText, defineScreen, type ScreenContext } from '../../src/ui/screen-def.js';
import { INVITATIONS, listOf, MEMBERS } from '../../src/state/lists.js';

const SHORT_ORG_ROLES: Record<string, string> = { 'Organization owner': 'Org owner' };

function memberRow(member: Member): MemberRow {
  const orgRole = organizationRoles(member.role_assignments);
  return {
    kind: 'member',
    id: `member:${member.user_id}`,
    member,
    email: member.email ?? '',
    name: member.name ?? '',
    orgRole: SHORT_ORG_ROLES[orgRole] ?? orgRole,
    access: accessSummary(member.role_assignments),
    status: '',
    since: member.member_since,
  };
}

function invitationRow(invitation: Invitation, ctx: ScreenContext): MemberRow {
  const orgRole = organizationRoles(invitation.role_assignments);
  const open = isInvitationOpen(invitation, ctx.now);
  return {
    kind: 'invitation',
    id: `invitation:${invitation.token}`,
    invitation,
    email: invitation.email,
    name: '',
    orgRole: SHORT_ORG_ROLES[orgRole] ?? orgRole,
    access: accessSummary(invitation.role_assignments),
    status: open ? `invited ${relative(invitation.expires_at, ctx.now)}` : `${ctx.symbols.fail} invite expired`,
    statusTone: open ? 'warning' : 'danger',
    since: invitation.created_at,
  };
}

function memberDetails(member: Member, ctx: ScreenContext): Line[] {
  return [
    heading(member.name ?? member.email ?? member.user_id),
    field('Email', member.email ?? '—'),
    field('Name', member.name ?? '—'),
    field('User id', member.user_id),
    field('Member since', absolute(member.member_since, ctx.now)),
    field('Organization', organizationRoles(member.role_assignments) || tone('muted', 'no organization role')),
    blank,
    heading('Role assignments'),
    ...assignmentLines(member.role_assignments, ctx.projects),
    blank,
    heading('Effective access'),
    ...principalAccessLines(ctx.snapshot, { kind: 'member', member }, ctx.symbols),
  ];
}

function invitationDetails(invitation: Invitation, ctx: ScreenContext): Line[] {
  const open = isInvitationOpen(invitation, ctx.now);
  return [
    heading(`Invitation: ${invitation.email}`),
    field('Status', open ? tone('warning', 'pending') : tone('danger', `${ctx.symbols.fail} expired`)),
    field('Invited', absolute(invitation.created_at, ctx.now)),
    field('Expires', absolute(invitation.expires_at, ctx.now)),
    field('Organization', organizationRoles(invitation.role_assignments) || tone('muted', 'no organization role')),
    blank,
    heading('Role assignments (applied on acceptance)'),
    ...assignmentLines(invitation.role_assignments, ctx.projects),
    blank,
    heading('Effective access (on acceptance)'),
    ...principalAccessLines(ctx.snapshot, { kind: 'invitation', invitation }, ctx.symbols),
  ];
}

export const membersScreen = defineScreen<MemberRow>({
  id: 'members',
  actions: MEMBER_ACTIONS,
  sources: (data) => [
    { noun: 'organization', resource: data.organization },
    { noun: 'members', resource: listOf(data, MEMBERS) },
    { noun: 'invitations', resource: listOf(data, INVITATIONS) },
  ],
  refresh: [MEMBERS, INVITATIONS],
  deps: (data) => [listOf(data, MEMBERS), listOf(data, INVITATIONS)],
  rows: (ctx) => [
    ...(dataOf(listOf(ctx.data, MEMBERS)) ?? []).map(memberRow),
    ...(dataOf(listOf(ctx.data, INVITATIONS)) ?? []).filter((i) => !i.accepted_at).map((i) => invitationRow(i, ctx)),
  ],
  columns: [
    { header: 'EMAIL', width: 17, grow: 1, whole: true, text: (r) => r.email, searchable: true },
    {
      header: 'NAME',
      width: 10,
      grow: 1,
      text: (r) => r.name || (r.kind === 'invitation' ? '(pending)' : ''),
      searchable: true,
    },
    { header: 'ORG ROLE', width: 13, text: (r) => r.orgRole },
    // A short title: at 80 columns it is all this column may keep once the email is whole.
    { header: 'ACCESS', width: 16, grow: 3, text: (r) => r.access, searchable: true },
    { header: 'STATUS', width: 16, text: (r) => r.status, tone: (r) => r.statusTone },
  ],
  sorts: [
    { label: 'email', compare: (a, b) => byText(a.email, b.email) },
    { label: 'name', compare: (a, b) => byText(a.name, b.name) || byText(a.email, b.email) },
    { label: 'org role', compare: (a, b) => byText(b.orgRole, a.orgRole) || byText(a.email, b.email) },
    { label: 'newest', compare: (a, b) => byText(b.since, a.since) },
  ],
  empty: 'No members or pending invitations.',
  detailsTitle: (r) => (r.kind === 'member' ? `Member: ${r.email || r.member.user_id}` : `Invitation: ${r.email}`),
  details: (r, ctx) => (r.kind === 'member' ? memberDetails(r.member, ctx) : invitationDetails(r.invitation, ctx)),
});
