/**
 * Split contexts, as gemini-cli's UIState/UIActions: components that only act (a wizard's submit) do not re-render
 * when data changes, and components that only read cannot change anything by accident.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { OrgSnapshot } from '../domain/org.js';
import type { DataState, RefreshScope } from '../state/store.js';
import type { Mode } from './bindings.js';
import type { NavState } from './navigation.js';
import type { ScreenId } from './screen-ids.js';
import type { Tone } from './theme.js';

/** What the header says about where we are connected and as whom. */
export interface Connection {
  readonly kind: 'sandbox' | 'cloud';
  /** API host ("api.elastic-cloud.com", "127.0.0.1:41234"). */
  readonly host: string;
  /** Our own key's id when known (the sandbox owner key); its description is looked up in the key list. */
  readonly selfKeyId?: string;
  /** Last characters of the Cloud key, for telling keys apart. */
  readonly keyHint?: string;
}

export interface StatusMessage {
  readonly text: string;
  readonly tone: Tone;
  /** Shown only while the panel open when it was posted is open (src/ui/panel-message.ts). */
  readonly whilePanelOpen?: boolean;
}

export interface AppState {
  readonly data: DataState;
  /** Undefined until the organization is known. */
  readonly snapshot: OrgSnapshot | undefined;
  readonly nav: NavState;
  readonly mode: Mode;
  readonly connection: Connection;
  /** The latest result of an action ("Invited bob@example.com"); errors of loads are per resource in `data`. */
  readonly message: StatusMessage | undefined;
}

export interface PanelSpec {
  readonly id: string;
  readonly title: string;
  readonly node: ReactNode;
}

export interface AppActions {
  navigate: (screen: ScreenId) => void;
  /** Reload after a write; resolves when the data is fresh (or the reload failed and says so). */
  refresh: (scope: RefreshScope | readonly RefreshScope[]) => Promise<void>;
  setFilter: (screen: ScreenId, filter: string) => void;
  /** Open a wizard or confirmation over the current screen; it owns the keyboard until closeOverlay(). */
  openPanel: (panel: PanelSpec) => void;
  closeOverlay: () => void;
  /** `whilePanelOpen`: the message describes the panel being opened and goes when it closes. */
  notify: (text: string, tone?: Tone, options?: { whilePanelOpen?: boolean }) => void;
  /** Quit, asking first when some mounted component declared unsaved input (useDirty). */
  requestQuit: () => void;
  setDirty: (token: string, dirty: boolean) => void;
  ensureCustomRoles: (projectId: string) => void;
  ensureRole: (projectId: string, name: string) => void;
}

export const AppStateContext = createContext<AppState | undefined>(undefined);
export const AppActionsContext = createContext<AppActions | undefined>(undefined);

export function useAppState(): AppState {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState outside <App>');
  return value;
}

export function useAppActions(): AppActions {
  const value = useContext(AppActionsContext);
  if (!value) throw new Error('useAppActions outside <App>');
  return value;
}
