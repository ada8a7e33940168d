/**
 * What the shell gets from the layer above it (screens/parts.ts): the browse screens and the panels that keys open.
 * Declared here and implemented there, so components/ render screens and open panels without importing screens/.
 */
import { createContext, useContext } from 'react';
import type { AppActions } from '../src/ui/contexts.js';
import type { ScreenRegistry } from '../src/ui/screen-def.js';
import type { MatrixFocus } from './access/AccessMatrixView.js';
import type { RequestHistory } from './command-line/history.js';

/** The panels the shell's own keys open (the screens' keys open theirs in screens/actions.ts). */
export interface ShellPanels {
  openAccessMatrix(actions: AppActions, focus?: MatrixFocus): void;
  openDoctor(actions: AppActions): void;
  openCommandLine(actions: AppActions, history: RequestHistory): void;
  openAuditView(actions: AppActions): void;
}

export interface AppParts {
  readonly screens: ScreenRegistry;
  /** Calls `open` with the panels, loading their code on first use (the next key waits for it). */
  withPanels(actions: AppActions, open: (panels: ShellPanels) => void): void;
}

export const PartsContext = createContext<AppParts | undefined>(undefined);

export function useParts(): AppParts {
  const value = useContext(PartsContext);
  if (!value) throw new Error('useParts outside <App>');
  return value;
}
