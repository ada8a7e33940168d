/** AppActions for a component test: every action does nothing unless the test gives its own. */
import type { AppActions } from '../../../src/ui/contexts.js';

export function fakeActions(overrides: Partial<AppActions> = {}): AppActions {
  const nothing = () => {};
  return {
    navigate: nothing,
    refresh: () => Promise.resolve(),
    setFilter: nothing,
    openPanel: nothing,
    closeOverlay: nothing,
    notify: nothing,
    requestQuit: nothing,
    setDirty: nothing,
    ensureCustomRoles: nothing,
    ensureRole: nothing,
    ...overrides,
  };
}
