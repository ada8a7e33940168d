/**
 * Where each planned request leads, one entry per Intent kind: the wizard or typed confirmation that shows it
 * pre-filled for review. `undefined` = nothing can show that plan yet, and the user is told so.
 */
import { openAccessMatrix } from '../components/access/AccessMatrixView.js';
import type { IntentOpeners } from '../components/command-line/open-intent.js';
import { openRemoveMember, openRevokeKeys } from '../components/confirm/openers.js';
import { replaceKeyPanel } from './wizards/api-key/replace.js';
import { openWizardForIntent } from './wizards/open.js';

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
