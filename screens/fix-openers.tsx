/**
 * Where each doctor fix leads, one entry per FixAction kind: the typed confirmation or the wizard that applies it,
 * pre-filled, so the user still reviews every request. The compiler keeps this table complete when a kind is added.
 */
import { replaceKeyPanel } from './wizards/api-key/replace.js';
import { copyRolePanel } from './wizards/custom-role/CopyRolePanel.js';
import { replaceInvitationPanel, resendInvitationPanel } from './wizards/invite/replace.js';
import { invitePanel } from './wizards/invite/InvitePanel.js';
import { memberRolesPanel } from './wizards/member-roles/MemberRolesPanel.js';
import { ORGANIZATION_OWNER_ROLE_ID } from '../src/domain/catalog.js';
import type { FixAction } from '../src/domain/doctor/index.js';
import type { PanelSpec } from '../src/ui/contexts.js';
import { activeProjectKeys } from '../src/domain/access/index.js';
import type { LayeredKey } from '../src/domain/project-keys.js';
import {
  openCancelInvitation,
  openConfirmation,
  openRemoveAssignment,
  openRevokeKeys,
} from '../components/confirm/openers.js';
import { revokeLayeredSpec } from '../components/confirm/specs-layered-keys.js';
import type { OpenContext } from '../components/access/open-context.js';
import type { FixOpeners } from '../components/doctor/fix-dispatch.js';

/** The finding was computed from a snapshot the fix may outlive (someone else already fixed it). */
const gone = ({ actions }: OpenContext, what: string) =>
  actions.notify(`${what} no longer exists; the list refreshes with r`, 'warning');

const openOr = (panel: PanelSpec | undefined, ctx: OpenContext, what: string) => {
  if (panel) ctx.actions.openPanel(panel);
  else gone(ctx, what);
};

const revokeKeys = (keyIds: readonly string[], ctx: OpenContext) => {
  const keys = ctx.snapshot.keys.filter((k) => keyIds.includes(k.id));
  if (keys.length === 0) gone(ctx, 'The key');
  else openRevokeKeys(ctx.actions, keys);
};

/** Only keys that still authenticate in the snapshot: one invalidated meanwhile is said to be gone. */
const revokeProjectKeys = (wanted: Extract<FixAction, { kind: 'revoke-project-keys' }>['keys'], ctx: OpenContext) => {
  const rows = activeProjectKeys(ctx.snapshot).flatMap(({ project, key }): LayeredKey[] =>
    wanted.some((w) => w.projectId === project.id && w.keyId === key.id)
      ? [{ layer: 'project', id: key.id, name: key.name ?? '', key, project }]
      : [],
  );
  if (rows.length === 0) gone(ctx, 'The project key');
  else openConfirmation(ctx.actions, revokeLayeredSpec(rows));
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
  'invite-owner': (_fix, { actions }) =>
    actions.openPanel(invitePanel(actions, { orgRole: ORGANIZATION_OWNER_ROLE_ID })),
  'resend-invitation': (fix, { actions, snapshot }) =>
    actions.openPanel(resendInvitationPanel(actions, snapshot, fix.email)),
  // Keys cannot be edited: a new key like the old one (same access, or changed as asked), then the old one revoked.
  'rotate-key': (fix, ctx) => openOr(replaceKeyPanel(ctx.snapshot, fix.keyId), ctx, 'The key'),
  'create-key-like': (fix, ctx) =>
    openOr(
      replaceKeyPanel(ctx.snapshot, fix.fromKeyId, {
        ...(fix.addStackAccess ? { addStackAccess: true } : {}),
        ...(fix.projectScoped ? { projectScoped: true } : {}),
      }),
      ctx,
      'The key',
    ),
  'create-custom-role': (fix, { actions }) => actions.openPanel(copyRolePanel(fix.roleName, fix.projectIds)),
  // Invitations cannot be edited either: cancel and invite again without the offending entries.
  'replace-invitation': (fix, ctx) =>
    openOr(replaceInvitationPanel(ctx.actions, ctx.snapshot, fix.token, fix.remove), ctx, 'The invitation'),
  /** Not a write: the key list (sorted by expiry) is where the user picks which keys to revoke. */
  'revoke-project-keys': (fix, ctx) => revokeProjectKeys(fix.keys, ctx),
  'review-keys': (_fix, { actions }) => {
    actions.closeOverlay();
    actions.navigate('keys');
  },
};
