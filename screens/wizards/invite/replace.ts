/** The invite wizard pre-filled from an existing invitation: the doctor's "replace" and "resend" fixes. */
import type { Note } from '../../../components/wizard/model.js';
import type { RoleAssignments } from '../../../src/api/schemas.js';
import { isInvitationOpen } from '../../../src/domain/access/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import type { AppActions, PanelSpec } from '../../../src/ui/contexts.js';
import type { WizardEnv } from '../env.js';
import { rowLabel } from '../row-label.js';
import { inviteValuesFromInvitation } from './from-invitation.js';
import { invitePanel } from './InvitePanel.js';

/**
 * Cancel and resend without `remove` (invitations cannot be edited). Undefined when the invitation is no longer in the
 * snapshot (accepted or cancelled meanwhile).
 */
export function replaceInvitationPanel(
  actions: AppActions,
  snapshot: OrgSnapshot,
  token: string,
  remove: RoleAssignments,
): PanelSpec | undefined {
  const invitation = snapshot.invitations.find((i) => i.token === token);
  if (!invitation) return undefined;
  const env: WizardEnv = { snapshot, sandbox: false };
  const { values, caveats, removed } = inviteValuesFromInvitation(invitation, remove, env);
  const intro: Note[] = [
    {
      tone: 'accent',
      text: `Replaces the invitation to ${invitation.email}: it is cancelled and sent again without ${removed.map((r) => rowLabel(r, env)).join('; ') || 'the offending entries'}.`,
    },
    ...caveats.map((text): Note => ({ tone: 'warning', text })),
  ];
  return invitePanel(actions, values, intro);
}

/**
 * An expired invitation invited again with the roles it had (the server replaces an expired invitation for the same
 * address). Without one to copy from, only the address is pre-filled.
 */
export function resendInvitationPanel(actions: AppActions, snapshot: OrgSnapshot, email: string): PanelSpec {
  const expired = snapshot.invitations
    .filter(
      (i) => i.email.toLowerCase() === email.toLowerCase() && !isInvitationOpen(i, snapshot.now) && !i.accepted_at,
    )
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
  if (!expired) return invitePanel(actions, { emailsText: email });
  const { values, caveats } = inviteValuesFromInvitation(expired, {}, { snapshot, sandbox: false });
  const intro: Note[] = [
    {
      tone: 'accent',
      text: `Invites ${expired.email} again with the roles of the invitation that expired on ${expired.expires_at.slice(0, 10)}.`,
    },
    ...caveats.map((text): Note => ({ tone: 'warning', text })),
  ];
  return invitePanel(actions, values, intro);
}
