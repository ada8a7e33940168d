/** What an opener (of a wizard, a confirmation, a view) gets: the app's actions and the organization as loaded. */
import type { OrgSnapshot } from '../../src/domain/org.js';
import type { AppActions } from '../../src/ui/contexts.js';

export interface OpenContext {
  readonly actions: AppActions;
  readonly snapshot: OrgSnapshot;
}
