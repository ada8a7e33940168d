/** The browse screens by id, in tab order. */
import type { ScreenId } from '../src/ui/screen-ids.js';
import type { Row } from '../src/ui/list-model.js';
import { deploymentsScreen } from './deployments/screen.js';
import { keysScreen } from './keys/screen.js';
import { membersScreen } from './members/screen.js';
import { projectsScreen } from './projects/screen.js';
import { rolesScreen } from './roles/screen.js';
import type { ScreenDef } from '../src/ui/screen-def.js';

export const SCREENS: Readonly<Record<ScreenId, ScreenDef<Row>>> = {
  members: membersScreen,
  projects: projectsScreen,
  roles: rolesScreen,
  keys: keysScreen,
  deployments: deploymentsScreen,
};
