/** What an interactive session (tui-session.ts) hands the UI it renders (tui-render.tsx). */
import type { ReactElement } from 'react';
import type { AppProps } from '../../../components/App.js';
import type { AuditSession } from '../../audit/session.js';
import type { CloudApi } from '../../api/client.js';
import type { AuthenticateAs } from '../../state/authenticate-as.js';
import type { EsAccess } from '../../state/es-access.js';
import type { Store } from '../../state/store.js';
import type { Connection } from '../../ui/contexts.js';
import type { ScreenId } from '../../ui/screen-ids.js';

export interface TuiOptions {
  readonly screen: ScreenId;
  readonly filter?: string;
  /** Renders the app around something of the caller's (the tour docks its lesson bar); plain <App> when absent. */
  readonly renderApp?: (props: AppProps) => ReactElement;
}

export interface SandboxHandle {
  readonly baseUrl: string;
  readonly ownerKey: string;
  readonly ownerKeyId: string;
  readonly organizationId: string;
  /** Base of the sandbox-only control routes (accepting an invitation, for example). */
  readonly controlUrl: string;
  stop(): Promise<void> | void;
}

/** What the UI is given: the connected session, loading already under way. */
export interface TuiSession {
  readonly store: Store;
  readonly connection: Connection;
  readonly cloud: CloudApi;
  readonly esAccess: EsAccess;
  readonly authenticateAs: AuthenticateAs;
  readonly audit: AuditSession;
  readonly sandbox?: SandboxHandle;
}
