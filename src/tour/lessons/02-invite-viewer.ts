/**
 * Lesson 2: invite someone as Viewer on a project, then accept the invitation (a sandbox-only lever), so a new
 * member holds a predefined Viewer role. An invitation that is still pending is progress, not the goal.
 */
import { isInvitationOpen } from '../../domain/access/index.js';
import { fail, pass, type Lesson } from '../types.js';
import { newMembers, projectAssignments } from './shared.js';

/** A predefined Viewer grant: `<type>-viewer` without custom roles in application_roles. */
function viewerGrants(assignments: Parameters<typeof projectAssignments>[0]) {
  return projectAssignments(assignments).filter(
    (a) => a.role_id === `${a.type}-viewer` && (a.application_roles ?? []).every((r) => r === 'viewer'),
  );
}

export const inviteViewerLesson: Lesson = {
  id: 'invite-viewer',
  title: 'Invite a Viewer and accept the invitation',
  goal: 'Invite a new person with the Viewer role on a project, then accept the invitation for them (sandbox).',
  hints: [
    '1 opens Members; n starts the invite wizard',
    'Type an address nobody has yet, e.g. new.viewer@example.com, and press enter',
    'enter three more times keeps the defaults: expiry 72h, no organization role, no deployment role',
    'Serverless project roles: Add a project role… → Elasticsearch → space ticks search-staging → enter',
    'Which role? Viewer. Then choose Done with project roles: the review shows the exact request',
    'enter sends it; then a accepts the invitation as the invitee would (sandbox only), esc closes',
  ],
  concepts: [
    'invite-or-update',
    'invitation-expiry',
    'predefined-roles',
    'role-id-prefix',
    'sandbox-accept',
    'request-preview',
  ],
  check(state, baseline) {
    const { snapshot } = state;
    const joined = newMembers(snapshot, baseline.memberIds).filter((m) => viewerGrants(m.role_assignments).length > 0);
    const member = joined[0];
    if (member) {
      const grant = viewerGrants(member.role_assignments)[0]!;
      const where = grant.all ? `every ${grant.type} project` : `${(grant.project_ids ?? []).length} project(s)`;
      return pass(`${member.email ?? member.user_id} joined with ${grant.role_id} on ${where}`, [
        `The invitation carried role_assignments.project.${grant.type}[].role_id = ${grant.role_id}; accepting it made ` +
          'them a member holding exactly those roles.',
        'When they sign in to the project they get the viewer stack role: read-only access to data and features.',
        'In Elastic Cloud the invitee accepts from the email within 72 hours. Here the sandbox-only POST ' +
          '/_sandbox/invitations/{token}/_accept played their part; Elastic Cloud has no such route.',
      ]);
    }
    const known = new Set(baseline.invitationEmails);
    const pending = snapshot.invitations.filter(
      (i) =>
        !known.has(i.email.toLowerCase()) &&
        isInvitationOpen(i, snapshot.now) &&
        viewerGrants(i.role_assignments).length > 0,
    );
    if (pending.length > 0) {
      return fail(`${pending[0]!.email} is invited but has not accepted yet`, [
        'Until the invitation is accepted they are not a member and have no access. Accept it for them (sandbox).',
      ]);
    }
    return fail('No new member with the Viewer role yet', [
      'Invite a new email address (not a current member) with a project Viewer role, then accept the invitation.',
    ]);
  },
};
