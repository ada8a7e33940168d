/** The app's parts (components/parts.ts) as this layer implements them: the screen registry and the lazy panels. */
import type { AppParts } from '../components/parts.js';
import { withPanels } from './panels.js';
import { SCREENS } from './registry.js';

export const APP_PARTS: AppParts = { screens: SCREENS, withPanels };
