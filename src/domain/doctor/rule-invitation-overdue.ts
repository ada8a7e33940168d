import { isInvitationOpen, principalRef } from '../access/index.js';
import { DAY_MS } from '../duration.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';

/** Invitations live 72 hours unless created with a longer `expires_in`. */
export const DEFAULT_INVITATION_LIFE_MS = 3 * DAY_MS;

/**
 * Still open past the default life: someone chose a longer expiry, and the invitation link (which lets whoever holds
 * it join with its roles) has been lying in a mailbox for days. Expired ones belong to invitation-expired.
 */
export const invitationOverdue: Rule = {
  id: 'invitation-overdue',
  summary: 'invitation still open after more than the default 72 hours',
  check: ({ snapshot }) =>
    snapshot.invitations
      .filter((invitation) => isInvitationOpen(invitation, snapshot.now))
      .filter((invitation) => snapshot.now.getTime() - Date.parse(invitation.created_at) > DEFAULT_INVITATION_LIFE_MS)
      .map((invitation): Finding => {
        const principal = principalRef({ kind: 'invitation', invitation });
        const days = Math.floor((snapshot.now.getTime() - Date.parse(invitation.created_at)) / DAY_MS);
        return {
          id: principalFindingId('invitation-overdue', principal),
          rule: 'invitation-overdue',
          severity: 'info',
          principal,
          title: `Invitation to ${invitation.email} has been pending for ${days} days`,
          why:
            'It outlived the default 72 hours and is still unaccepted. Anyone holding the link can still join with its ' +
            'roles: cancel it if it is no longer wanted, or re-invite to remind them.',
          fix: { kind: 'cancel-invitation', token: invitation.token },
        };
      }),
};
