/**
 * What the roles screen's own keys do (their keys are in src/ui/bindings.ts under its scope). Typed by its rows: the
 * shell calls a screen's actions only with rows of that screen's list.
 */
import type { ScreenActions } from '../../src/ui/screen-def.js';
import { openWizard } from '../open-wizard.js';
import { withPanels } from '../panels.js';
import type { RoleRow } from './row.js';

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
