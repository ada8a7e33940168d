/**
 * Where each doctor fix leads, one entry per FixAction kind: the typed confirmation or the wizard that applies it,
 * pre-filled, so the user still reviews every request. `undefined` = nothing can open that fix yet, and the
 * dispatcher says so instead of failing silently. The compiler keeps this table complete when a kind is added.
 */
import { invitePanel } from '../../screens/wizards/invite/InvitePanel.js';
import { memberRolesPanel } from '../../screens/wizards/member-roles/MemberRolesPanel.js';
import { ORGANIZATION_OWNER_ROLE_ID } from '../../src/domain/catalog.js';
import type { FixAction } from '../../src/domain/doctor/index.js';
import { openCancelInvitation, openRemoveAssignment, openRevokeKeys } from '../confirm/openers.js';
import type { OpenContext } from '../access/open-context.js';

export type FixKind = FixAction['kind'];

export type FixOpener<K extends FixKind> = (fix: Extract<FixAction, { kind: K }>, ctx: OpenContext) => void;

export type FixOpeners = { readonly [K in FixKind]: FixOpener<K> | undefined };

/** The finding was computed from a snapshot the fix may outlive (someone else already fixed it). */
const gone = ({ actions }: OpenContext, what: string) => actions.notify(`${what} no longer exists; the list refreshes with r`, 'warning');

const revokeKeys = (keyIds: readonly string[], ctx: OpenContext) => {
  const keys = ctx.snapshot.keys.filter((k) => keyIds.includes(k.id));
  if (keys.length === 0) gone(ctx, 'The key');
  else openRevokeKeys(ctx.actions, keys);
};

export const FIX_OPENERS: FixOpeners = {
  'revoke-key': (fix, ctx) => revokeKeys([fix.keyId], ctx),
  'revoke-keys': (fix, ctx) => revokeKeys(fix.keyIds, ctx),
  'cancel-invitation': (fix, ctx) => {
    const invitation = ctx.snapshot.invitations.find((i) => i.token === fix.token);
    if (invitation) openCancelInvitation(ctx.actions, invitation);
    else gone(ctx, 'The invitation');
  },
  'edit-member-roles': (fix, ctx) => {
    const member = ctx.snapshot.members.find((m) => m.user_id === fix.userId);
    if (member) openRemoveAssignment(ctx.actions, member, fix.remove);
    else gone(ctx, 'The member');
  },
  'assign-member-roles': (fix, { actions }) => actions.openPanel(memberRolesPanel(actions, [], { userId: fix.userId })),
  'invite-owner': (_fix, { actions }) => actions.openPanel(invitePanel(actions, { orgRole: ORGANIZATION_OWNER_ROLE_ID })),
  'resend-invitation': (fix, { actions }) => actions.openPanel(invitePanel(actions, { emailsText: fix.email })),
  // Need the API key wizard pre-filled from an existing key (its scope and roles), which it cannot take yet.
  'rotate-key': undefined,
  'create-key-like': undefined,
  // Needs the custom role wizard.
  'create-custom-role': undefined,
  // Cancel, then invite again without the offending entries: needs the invite wizard pre-filled with role assignments.
  'replace-invitation': undefined,
  /** Not a write: the key list (sorted by expiry) is where the user picks which keys to revoke. */
  'review-keys': (_fix, { actions }) => {
    actions.closeOverlay();
    actions.navigate('keys');
  },
};
