/** A wizard opened by a screen's key, from the panels' code (loaded on first use). */
import type { ScreenActionContext } from '../src/ui/screen-def.js';
import { withPanels } from './panels.js';
import type { WizardBinding } from './wizards/open.js';

/** The rows are read when the key is pressed, whenever the wizard's code is loaded. */
export const openWizard =
  (binding: WizardBinding) =>
  ({ actions, ids }: ScreenActionContext<never>) =>
    withPanels(actions, (panels) => panels.openWizardFor(binding, actions, ids));
