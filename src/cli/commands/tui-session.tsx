/**
 * One interactive session: connect (sandbox or Cloud), start loading, take over the terminal, render, and give the
 * terminal back however the session ends. The client and sandbox factories come in as dependencies so this can be
 * exercised without a network.
 */
import { render } from 'ink';
import type { ReactElement } from 'react';
import { App, type AppProps } from '../../../components/App.js';
import { AuditContext, createAuditSession, type AuditSession } from '../../../components/audit/session.js';
import { WizardServicesContext } from '../../../components/wizard/services.js';
import { createSandboxControl } from '../../state/sandbox-control.js';
import type { CloudApi, EsApi, WriteObserver } from '../../api/client.js';
import { dataOf } from '../../state/resource.js';
import type { AppConfig } from '../../config/config.js';
import { createEsAccess, type EsClientFactory } from '../../state/es-access.js';
import { createStore, type ListResource } from '../../state/store.js';
import type { Connection } from '../../ui/contexts.js';
import type { ScreenId } from '../../ui/screen-ids.js';
import { enterAlternateScreen } from '../../ui/terminal.js';
import { themeFromEnv } from '../../ui/theme.js';
import { Secret } from '../../util/secret.js';

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

export interface TuiDeps {
  createCloudClient(options: { baseUrl: string; apiKey: Secret; onWrite?: WriteObserver }): CloudApi;
  createEsClient(options: Parameters<EsClientFactory>[0] & { onWrite?: WriteObserver }): EsApi;
  startSandbox(): Promise<SandboxHandle>;
}

/** The requests the opening screen needs; they go out first (the incident path: `keys --filter`). */
const FIRST: Record<ScreenId, readonly ListResource[]> = {
  members: ['members', 'invitations'],
  projects: ['projects'],
  roles: ['projects'],
  keys: ['keys'],
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export async function runTuiWith(deps: TuiDeps, config: AppConfig, opts: TuiOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('ec-access: the interactive UI needs a terminal (stdin and stdout must be a TTY).\n');
    return 2;
  }
  let sandbox: SandboxHandle | undefined;
  let cloud: CloudApi;
  let connection: Connection;
  let cloudKey: Secret | undefined;
  // Every write goes to the audit trail, which is opened once the session's credentials are known (below).
  let audit: AuditSession | undefined;
  const onWrite: WriteObserver = (event) => audit?.observer(event);
  if (config.mode === 'sandbox') {
    sandbox = await deps.startSandbox();
    cloudKey = new Secret(sandbox.ownerKey);
    cloud = deps.createCloudClient({ baseUrl: sandbox.baseUrl, apiKey: cloudKey, onWrite });
    connection = { kind: 'sandbox', host: hostOf(sandbox.baseUrl), selfKeyId: sandbox.ownerKeyId };
  } else {
    if (!config.apiKey) {
      process.stderr.write('ec-access: no Cloud API key (set EC_API_KEY in the environment or .env).\n');
      return 2;
    }
    cloudKey = config.apiKey;
    cloud = deps.createCloudClient({ baseUrl: config.baseUrl, apiKey: cloudKey, onWrite });
    connection = { kind: 'cloud', host: hostOf(config.baseUrl), keyHint: cloudKey.hint() };
  }
  const orgId = sandbox?.organizationId ?? config.orgId;
  // Without a configured organization the id is known only after discovery, which precedes any write.
  audit = createAuditSession({ mode: config.mode, secrets: [cloudKey], organizationId: () => orgId ?? dataOf(store.getState().organization)?.id });
  const esAccess = createEsAccess({ esUrl: config.esUrl, esApiKey: config.esApiKey, cloudKey }, (options) => deps.createEsClient({ ...options, onWrite }));
  const store = createStore({
    cloud,
    ...(orgId ? { orgId } : {}),
    esAccess,
    notices: config.warnings,
  });
  // Requests go out before the first frame is drawn.
  store.start(FIRST[opts.screen]);
  const terminal = enterAlternateScreen(process.stdout);
  try {
    const props: AppProps = {
      store,
      connection,
      theme: themeFromEnv(process.env),
      initialScreen: opts.screen,
      ...(opts.filter !== undefined ? { initialFilter: opts.filter } : {}),
    };
    const instance = render(
      <AuditContext.Provider value={audit}>
        <WizardServicesContext.Provider value={{ cloud, esAccess, ...(sandbox ? { sandbox: createSandboxControl(sandbox.controlUrl) } : {}) }}>{opts.renderApp ? opts.renderApp(props) : <App {...props} />}</WizardServicesContext.Provider>
      </AuditContext.Provider>,
      // Ink's default 30 fps throttle holds back a keystroke's frame by up to 33 ms after the previous one.
      { exitOnCtrlC: false, patchConsole: true, maxFps: 60 },
    );
    await instance.waitUntilExit();
    return 0;
  } finally {
    terminal.restore();
    await cloud.close();
    await sandbox?.stop();
  }
}
