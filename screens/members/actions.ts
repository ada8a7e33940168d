/**
 * What the members screen's own keys do (their keys are in src/ui/bindings.ts under its scope). Typed by its rows: the
 * shell calls a screen's actions only with rows of that screen's list.
 */
import type { ScreenActions } from '../../src/ui/screen-def.js';
import { openWizard } from '../open-wizard.js';
import { withPanels } from '../panels.js';
import type { MemberRow } from './row.js';

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
