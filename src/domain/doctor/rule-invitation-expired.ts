import { isInvitationOpen, principalRef } from '../access/index.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';

export const invitationExpired: Rule = {
  id: 'invitation-expired',
  summary: 'invitation expired before it was accepted',
  check: ({ snapshot }) =>
    snapshot.invitations
      .filter((invitation) => !invitation.accepted_at && !isInvitationOpen(invitation, snapshot.now))
      .map((invitation): Finding => {
        const principal = principalRef({ kind: 'invitation', invitation });
        return {
          id: principalFindingId('invitation-expired', principal),
          rule: 'invitation-expired',
          severity: 'info',
          principal,
          title: `Invitation to ${invitation.email} expired on ${invitation.expires_at.slice(0, 10)}`,
          why:
            'The invitee can no longer join with it. Re-inviting the same address sends a fresh invitation with the same ' +
            'roles; cancel it instead if they no longer need access.',
          fix: { kind: 'resend-invitation', email: invitation.email },
        };
      }),
};
