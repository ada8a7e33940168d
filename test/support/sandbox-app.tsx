/**
 * The whole app against the real in-process sandbox, wired as tui-session wires it in sandbox mode: real Cloud and
 * ES clients whose writes go to an audit session, the store, the wizard services with the sandbox control, and a
 * private HOME/XDG_STATE_HOME so every file the app writes can be inspected. Keys go in as the terminal would send
 * them (ink-driver.ts). test/wizards/harness.tsx adds what the wizard tests read on top.
 */
import { APP_PARTS } from '../../screens/parts.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { App, type AppProps } from '../../components/App.js';
import { createAuditSession, type AuditSession } from '../../src/audit/session.js';
import { AuditContext } from '../../components/audit/session.js';
import { WizardServicesContext, type WizardServices } from '../../components/wizard/services.js';
import type { CloudApi } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { createEsClient } from '../../src/api/es-client.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import type { LoggedRequest } from '../../src/sandbox/request-log.js';
import { createAuthenticateAs } from '../../src/state/authenticate-as.js';
import { createEsAccess } from '../../src/state/es-access.js';
import { createSandboxControl } from '../../src/state/sandbox-control.js';
import { createStore, type Store } from '../../src/state/store.js';
import type { ScreenId } from '../../src/ui/screen-ids.js';
import { createTheme } from '../../src/ui/theme.js';
import { Secret } from '../../src/util/secret.js';
import { inkDriver, settled, type DriverOptions, type InkDriver } from './ink-driver.js';
import { parseAs } from './json.js';
import { RequestLog } from './request-log.js';
import { API_KEYS } from '../../src/state/lists.js';
import { LIST_ENTRIES } from '../../screens/lists.js';

export type { LoggedRequest };

export interface TestEnv {
  readonly home: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A private HOME and state directory; EC_ACCESS_DEBUG on, so the debug log is among the files checked. */
export function testEnv(): TestEnv {
  const home = mkdtempSync(join(tmpdir(), 'ec-access-app-'));
  return { home, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), EC_ACCESS_DEBUG: '1' } };
}

export interface SandboxAppOptions {
  readonly screen?: ScreenId;
  readonly filter?: string;
  /** The sandbox clock's start. */
  readonly now?: Date;
  readonly columns?: number;
  readonly rows?: number;
  readonly color?: boolean;
  readonly driver?: DriverOptions;
  /** The private HOME to use (testEnv() when absent), for a caller that puts files there first. */
  readonly env?: TestEnv;
  /** More for the sandbox: a state file, a seed. */
  readonly sandbox?: Omit<SandboxOptions, 'now'>;
  /** Renders the app around something of the caller's, as tui-session's renderApp does (the tour's TourApp). */
  readonly wrap?: (sandbox: RunningSandbox) => (props: AppProps) => ReactElement;
}

export interface SandboxApp extends InkDriver {
  readonly sandbox: RunningSandbox;
  readonly cloud: CloudApi;
  readonly store: Store;
  readonly audit: AuditSession;
  readonly env: TestEnv;
  /** Every frame Ink wrote, raw. */
  readonly frames: string[];
  /** API writes (not GET, not /_sandbox) the sandbox received since the app started. */
  writes(): Promise<LoggedRequest[]>;
  /** Adds a sandbox fault (src/sandbox/faults.ts). */
  fault(fault: unknown): Promise<void>;
  stop(): Promise<void>;
}

async function requestLog(sandbox: RunningSandbox, since = 0): Promise<LoggedRequest[]> {
  const answer: unknown = await fetch(`${sandbox.controlUrl}/requests?since=${since}`).then((r) => r.json());
  return parseAs(RequestLog, answer, 'sandbox request log').requests;
}

export async function startSandboxApp(options: SandboxAppOptions = {}): Promise<SandboxApp> {
  const env = options.env ?? testEnv();
  const sandbox = await startSandbox({ ...options.sandbox, ...(options.now ? { now: options.now } : {}) });
  const cloudKey = new Secret(sandbox.ownerKey);
  const audit = createAuditSession({
    mode: 'sandbox',
    organizationId: () => sandbox.organizationId,
    env: env.env,
    secrets: [cloudKey],
  });
  const cloud = createCloudClient({
    baseUrl: sandbox.baseUrl,
    apiKey: cloudKey,
    env: env.env,
    onWrite: audit.observer,
  });
  const esAccess = createEsAccess({ cloudKey }, (o) => createEsClient({ ...o, env: env.env, onWrite: audit.observer }));
  const store = createStore({ lists: LIST_ENTRIES, cloud, orgId: sandbox.organizationId, esAccess });
  store.start(options.screen === 'keys' ? [API_KEYS] : []);
  // As the TUI session wires it: a leaked value is tried once, with no debug log.
  const authenticateAs = createAuthenticateAs((o) =>
    createEsClient({ ...o, env: { ...env.env, EC_ACCESS_DEBUG: undefined }, retry: { attempts: 1 } }),
  );
  const services: WizardServices = {
    cloud,
    esAccess,
    authenticateAs,
    sandbox: createSandboxControl(sandbox.controlUrl),
  };
  const since = (await requestLog(sandbox)).at(-1)?.seq ?? 0;
  const props: AppProps = {
    store,
    connection: { kind: 'sandbox', host: new URL(sandbox.baseUrl).host, selfKeyId: sandbox.ownerKeyId },
    theme: createTheme({ color: options.color ?? false, unicode: true }),
    initialScreen: options.screen ?? 'members',
    initialFilter: options.filter,
    size: { columns: options.columns ?? 100, rows: options.rows ?? 40 },
    parts: APP_PARTS,
  };
  const instance = render(
    <AuditContext.Provider value={audit}>
      <WizardServicesContext.Provider value={services}>
        {options.wrap ? options.wrap(sandbox)(props) : <App {...props} />}
      </WizardServicesContext.Provider>
    </AuditContext.Provider>,
  );
  await settled();
  return {
    ...inkDriver(instance, options.driver),
    sandbox,
    cloud,
    store,
    audit,
    env,
    frames: instance.frames,
    async writes() {
      return (await requestLog(sandbox, since)).filter((r) => r.method !== 'GET' && !r.url.startsWith('/_sandbox'));
    },
    async fault(fault) {
      const response = await fetch(`${sandbox.controlUrl}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      if (!response.ok) throw new Error(`fault refused: ${await response.text()}`);
    },
    async stop() {
      instance.unmount();
      await cloud.close();
      await sandbox.stop();
    },
  };
}
