/**
 * Where each planned request leads, one entry per Intent kind: the wizard or typed confirmation that shows it
 * pre-filled for review. `undefined` = nothing can show that plan yet, and the user is told so.
 */
import type { Intent, IntentKind } from '../../src/domain/intent/index.js';
import { openAccessMatrix } from '../access/AccessMatrixView.js';
import type { OpenContext } from '../access/open-context.js';
import { openRemoveMember, openRevokeKeys } from '../confirm/openers.js';
import { replaceKeyPanel } from '../../screens/wizards/api-key/replace.js';
import { openWizardForIntent } from '../../screens/wizards/open.js';

/** Each kind's own intent: the mapped form lets a generic lookup keep kind and intent paired (TypeScript #47109). */
export type IntentOf = { readonly [K in IntentKind]: Extract<Intent, { kind: K }> };

export type IntentOpener<K extends IntentKind> = (intent: IntentOf[K], ctx: OpenContext) => void;

export type IntentOpeners = { readonly [K in IntentKind]: IntentOpener<K> | undefined };

export const INTENT_OPENERS: IntentOpeners = {
  invite: (intent, { actions }) => void openWizardForIntent(intent, actions),
  'update-member-roles': (intent, { actions }) => void openWizardForIntent(intent, actions),
  'assign-custom-role': (intent, { actions }) => void openWizardForIntent(intent, actions),
  'create-custom-role-and-assign': (intent, { actions }) => void openWizardForIntent(intent, actions),
  /** "rotate key …" names the key to copy: the same replacement wizard as the doctor's rotate fix. */
  'create-key': (intent, { actions, snapshot }) => {
    if (intent.likeKeyId === undefined) return void openWizardForIntent(intent, actions);
    const panel = replaceKeyPanel(
      snapshot,
      intent.likeKeyId,
      intent.expiration ? { expiration: intent.expiration } : {},
    );
    if (panel) actions.openPanel(panel);
    else actions.notify('That key no longer exists; the list refreshes with r', 'warning');
  },
  'revoke-keys': (intent, { actions, snapshot }) =>
    openRevokeKeys(
      actions,
      snapshot.keys.filter((k) => intent.keyIds.includes(k.id)),
    ),
  'remove-member': (intent, { actions, snapshot }) => {
    const member = snapshot.members.find((m) => m.user_id === intent.userId);
    if (member) openRemoveMember(actions, member);
  },
  /** "who has access to X" / "what can X access" need no wizard: the access matrix, on X's row or column. */
  'show-access': ({ subject }, { actions }) => {
    if (subject.kind === 'project') openAccessMatrix(actions, { projectId: subject.projectId });
    else if (subject.kind === 'member')
      openAccessMatrix(actions, { principal: { kind: 'member', id: subject.userId } });
    else openAccessMatrix(actions, { principal: { kind: 'key', id: subject.keyId } });
  },
};
