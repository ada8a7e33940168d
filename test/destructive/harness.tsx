/**
 * The whole app against the real in-process sandbox, wired as tui-session wires it: real Cloud/ES clients whose
 * writes go to an audit session, the wizard services, and a private HOME/XDG_STATE_HOME so every file the app
 * writes can be inspected. Keys are written one at a time with a wait after each (Ink applies keys against the
 * last render).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import type { ReactNode } from 'react';
import { App } from '../../components/App.js';
import { AuditContext, createAuditSession, type AuditSession } from '../../components/audit/session.js';
import { WizardServicesContext, type WizardServices } from '../../components/wizard/services.js';
import type { CloudApi } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { createEsClient } from '../../src/api/es-client.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { createEsAccess } from '../../src/state/es-access.js';
import { createStore, type Store } from '../../src/state/store.js';
import type { ScreenId } from '../../src/ui/screen-ids.js';
import { createTheme } from '../../src/ui/theme.js';
import { Secret } from '../../src/util/secret.js';

export const KEY = { up: '\x1b[A', down: '\x1b[B', enter: '\r', escape: '\x1b', backspace: '\x7f', space: ' ', ctrlC: '\x03' } as const;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string) => s.replace(ANSI, '');
export const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  readonly url: string;
  readonly body: string | null;
  readonly status: number | null;
}

export interface TestEnv {
  readonly home: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A private HOME and state directory; EC_ACCESS_DEBUG on, so the debug log is among the files checked. */
export function testEnv(): TestEnv {
  const home = mkdtempSync(join(tmpdir(), 'ec-access-destructive-'));
  return { home, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), EC_ACCESS_DEBUG: '1' } };
}

export interface AppUnderTest {
  readonly sandbox: RunningSandbox;
  readonly cloud: CloudApi;
  readonly store: Store;
  readonly audit: AuditSession;
  readonly env: TestEnv;
  /** Every frame Ink wrote, raw. */
  readonly frames: string[];
  frame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** API writes (not GET, not /_sandbox) the sandbox received since the app started. */
  writes(): Promise<LoggedRequest[]>;
  /** Adds a sandbox fault (src/sandbox/faults.ts). */
  fault(fault: unknown): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly screen?: ScreenId;
  readonly filter?: string;
  readonly now?: Date;
  readonly columns?: number;
  readonly rows?: number;
  /** Wraps the app (a test host for panels opened from outside a binding). */
  readonly wrap?: (app: ReactNode) => ReactNode;
}

async function requestLog(sandbox: RunningSandbox, since = 0): Promise<LoggedRequest[]> {
  const log = (await fetch(`${sandbox.controlUrl}/requests?since=${since}`).then((r) => r.json())) as { requests: LoggedRequest[] };
  return log.requests;
}

export async function startApp(options: StartOptions = {}): Promise<AppUnderTest> {
  const env = testEnv();
  const sandbox = await startSandbox(options.now ? { now: options.now } : {});
  const cloudKey = new Secret(sandbox.ownerKey);
  const audit = createAuditSession({ mode: 'sandbox', organizationId: () => sandbox.organizationId, env: env.env, secrets: [cloudKey] });
  const cloud = createCloudClient({ baseUrl: sandbox.baseUrl, apiKey: cloudKey, env: env.env, onWrite: audit.observer });
  const esAccess = createEsAccess({ cloudKey }, (o) => createEsClient({ ...o, env: env.env, onWrite: audit.observer }));
  const store = createStore({ cloud, orgId: sandbox.organizationId, esAccess });
  store.start(options.screen === 'keys' ? ['keys'] : []);
  const services: WizardServices = { cloud, esAccess };
  const since = (await requestLog(sandbox)).at(-1)?.seq ?? 0;
  const app = (
    <App
      store={store}
      connection={{ kind: 'sandbox', host: new URL(sandbox.baseUrl).host, selfKeyId: sandbox.ownerKeyId }}
      theme={createTheme({ color: false, unicode: true })}
      initialScreen={options.screen ?? 'members'}
      initialFilter={options.filter}
      size={{ columns: options.columns ?? 100, rows: options.rows ?? 40 }}
    />
  );
  const instance = render(
    <AuditContext.Provider value={audit}>
      <WizardServicesContext.Provider value={services}>{options.wrap ? options.wrap(app) : app}</WizardServicesContext.Provider>
    </AuditContext.Provider>,
  );
  await tick(50);
  const frame = () => strip(instance.lastFrame() ?? '');
  return {
    sandbox,
    cloud,
    store,
    audit,
    env,
    frames: instance.frames,
    frame,
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(key);
        await tick();
      }
    },
    async type(text) {
      for (const ch of text) {
        instance.stdin.write(ch);
        await tick();
      }
    },
    async waitFor(text, timeoutMs = 4000) {
      const deadline = Date.now() + timeoutMs;
      const seen = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
      while (!seen()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; frame:\n${frame()}`);
        await tick(10);
      }
      // A frame is on screen before its effects run, and a panel's useInput subscribes in an effect.
      await tick();
    },
    async writes() {
      return (await requestLog(sandbox, since)).filter((r) => r.method !== 'GET' && !r.url.startsWith('/_sandbox'));
    },
    async fault(fault) {
      const response = await fetch(`${sandbox.controlUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
      if (!response.ok) throw new Error(`fault refused: ${await response.text()}`);
    },
    async stop() {
      instance.unmount();
      await cloud.close();
      await sandbox.stop();
    },
  };
}
