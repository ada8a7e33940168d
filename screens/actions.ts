/**
 * What the screens' own keys do with the row the user is on or the marked rows. Each table is typed by its screen's
 * rows: the shell calls a screen's actions only with rows of that screen's list.
 */
import { hiddenMarksQuestion, markCounts } from '../src/ui/hidden-marks.js';
import type { ScreenActionContext, ScreenActions } from '../src/ui/screen-def.js';
import type { KeyRow } from './keys.js';
import type { MemberRow } from './members.js';
import { withPanels } from './panels.js';
import type { RoleRow } from './roles.js';
import type { WizardBinding } from './wizards/open.js';

/** The rows are read when the key is pressed, whenever the wizard's code is loaded. */
const openWizard =
  (binding: WizardBinding) =>
  ({ actions, ids }: ScreenActionContext<never>) =>
    withPanels(actions, (panels) => panels.openWizardFor(binding, actions, ids));

export const MEMBER_ACTIONS: ScreenActions<MemberRow> = {
  'members.remove': {
    run: ({ actions, current: row }) => {
      if (row?.kind === 'member') withPanels(actions, (panels) => panels.openRemoveMember(actions, row.member));
      else if (row) withPanels(actions, (panels) => panels.openCancelInvitation(actions, row.invitation));
    },
  },
  'members.removeAssignment': {
    run: ({ actions, current: row }) => {
      if (row?.kind === 'member') withPanels(actions, (panels) => panels.openAssignmentPicker(actions, row.member));
      else if (row) actions.notify("An invitation's roles cannot be edited: cancel it (d) and invite again", 'warning');
    },
  },
  'members.invite': { run: openWizard('members.invite') },
  'members.edit': { run: openWizard('members.edit') },
};

export const ROLE_ACTIONS: ScreenActions<RoleRow> = {
  'roles.delete': {
    run: ({ actions, current: row }) => {
      if (row?.kind === 'custom')
        withPanels(actions, (panels) => panels.openDeleteRole(actions, row.project, row.name));
      else if (row?.kind === 'predefined')
        actions.notify(`${row.role.label} is predefined by Elastic Cloud and cannot be deleted`, 'warning');
      else if (row)
        actions.notify(`The custom roles of ${row.project.name} could not be listed: ${row.reason}`, 'warning');
    },
  },
  'roles.create': { run: openWizard('roles.create') },
  'roles.edit': { run: openWizard('roles.edit') },
};

export const KEY_ACTIONS: ScreenActions<KeyRow> = {
  'keys.mark': { run: ({ dispatch, ids }) => dispatch({ type: 'toggleMark', ids }) },
  'keys.markAll': { run: ({ dispatch, ids }) => dispatch({ type: 'markAll', ids }) },
  'keys.revoke': {
    run: ({ actions, current, marked, ids, message }) => {
      const question = hiddenMarksQuestion(
        markCounts(
          marked.map((r) => r.id),
          ids,
        ),
        'key',
      );
      // Asked once; the `d` that answers it sees the question still on the status line.
      if (question && message !== question) {
        actions.notify(question, 'warning');
        return;
      }
      const rows = marked.length > 0 ? marked : current ? [current] : [];
      withPanels(actions, (panels) => panels.openRevokeKeyRows(actions, rows));
    },
  },
  'keys.create': { run: openWizard('keys.create') },
  'keys.identify': { run: ({ actions }) => withPanels(actions, (panels) => panels.openIdentifyKey(actions)) },
};
