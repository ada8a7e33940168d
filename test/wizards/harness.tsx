/**
 * The whole app against the real sandbox, in-process: the sandbox server, the real Cloud and ES clients, the store,
 * and the wizard services (with the sandbox control client). Keys are written one at a time with a wait after
 * each, Enter as its own write, because Ink applies keys against the last render.
 */
import { render } from 'ink-testing-library';
import { App } from '../../components/App.js';
import { WizardServicesContext, type WizardServices } from '../../components/wizard/services.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { createEsClient } from '../../src/api/es-client.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { createEsAccess } from '../../src/state/es-access.js';
import { createSandboxControl } from '../../src/state/sandbox-control.js';
import { createStore } from '../../src/state/store.js';
import type { ScreenId } from '../../src/ui/screen-ids.js';
import { createTheme } from '../../src/ui/theme.js';
import { Secret } from '../../src/util/secret.js';
import { parsePreviewedBodies } from '../support/request-preview.js';

export const KEY = { up: '\x1b[A', down: '\x1b[B', enter: '\r', escape: '\x1b', backspace: '\x7f', space: ' ', ctrlC: '\x03' } as const;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string) => s.replace(ANSI, '');
export const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  readonly url: string;
  readonly body: string | null;
}

export interface WizardApp {
  readonly sandbox: RunningSandbox;
  frame(): string;
  /** The frame as prose: borders dropped and lines joined, so wrapped sentences can be matched whole. */
  text(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Move a list's pointer (▶) onto the option containing `label` (waiting for it to load), without choosing it. */
  pointAt(label: string): Promise<void>;
  /** Writes (non-GET API requests) the sandbox received since the app started. */
  writes(): Promise<LoggedRequest[]>;
  /** The JSON bodies shown in the current frame's preview, in order. */
  previewedBodies(): unknown[];
  stop(): Promise<void>;
}

export async function startWizardApp(options: { screen?: ScreenId; color?: boolean; now?: Date } = {}): Promise<WizardApp> {
  const sandbox = await startSandbox(options.now ? { now: options.now } : {});
  const cloudKey = new Secret(sandbox.ownerKey);
  const cloud = createCloudClient({ baseUrl: sandbox.baseUrl, apiKey: cloudKey, env: {} });
  const esAccess = createEsAccess({ cloudKey }, (o) => createEsClient({ ...o, env: {} }));
  const store = createStore({ cloud, orgId: sandbox.organizationId, esAccess });
  store.start();
  const services: WizardServices = { cloud, esAccess, sandbox: createSandboxControl(sandbox.controlUrl) };
  const control = await fetch(`${sandbox.controlUrl}/requests`).then((r) => r.json() as Promise<{ requests: LoggedRequest[] }>);
  const since = control.requests.at(-1)?.seq ?? 0;
  const instance = render(
    <WizardServicesContext.Provider value={services}>
      <App
        store={store}
        connection={{ kind: 'sandbox', host: new URL(sandbox.baseUrl).host, selfKeyId: sandbox.ownerKeyId }}
        theme={createTheme({ color: options.color ?? false, unicode: true })}
        initialScreen={options.screen ?? 'members'}
        size={{ columns: 100, rows: 70 }}
      />
    </WizardServicesContext.Provider>,
  );
  await tick(50);
  const frame = () => strip(instance.lastFrame() ?? '');
  const waitFor = async (text: string | RegExp, timeoutMs = 4000) => {
    const deadline = Date.now() + timeoutMs;
    const seen = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
    while (!seen()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; frame:\n${frame()}`);
      await tick(10);
    }
    // A panel that just appeared subscribes to keys in an effect, which can run a little after its first frame.
    await tick(60);
  };
  return {
    sandbox,
    frame,
    text: () => frame().split('\n').map((l) => l.replace(/^[│|]\s?/, '').replace(/\s*[│|]\s*$/, '').trim()).join(' ').replace(/\s+/g, ' '),
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
    waitFor,
    async writes() {
      const log = await fetch(`${sandbox.controlUrl}/requests?since=${since}`).then((r) => r.json() as Promise<{ requests: LoggedRequest[] }>);
      return log.requests.filter((r) => r.method !== 'GET' && !r.url.startsWith('/_sandbox'));
    },
    previewedBodies: () => parsePreviewedBodies(frame()),
    async pointAt(label) {
      await waitFor(label);
      const pointed = () => frame().split('\n').some((l) => l.includes('▶') && l.includes(label));
      instance.stdin.write('g');
      await tick();
      for (let i = 0; i < 40 && !pointed(); i++) {
        instance.stdin.write(KEY.down);
        await tick();
      }
      if (!pointed()) throw new Error(`no option ${label}; frame:\n${frame()}`);
    },
    async stop() {
      instance.unmount();
      await cloud.close();
      await sandbox.stop();
    },
  };
}
