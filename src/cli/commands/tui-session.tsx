/**
 * One interactive session: connect (sandbox or Cloud), start loading, take over the terminal, render, and give the
 * terminal back however the session ends. The client and sandbox factories come in as dependencies so this can be
 * exercised without a network.
 */
import { render } from 'ink';
import { App } from '../../../components/App.js';
import type { CloudApi } from '../../api/client.js';
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
}

export interface SandboxHandle {
  readonly baseUrl: string;
  readonly ownerKey: string;
  readonly ownerKeyId: string;
  readonly organizationId: string;
  stop(): Promise<void> | void;
}

export interface TuiDeps {
  createCloudClient(options: { baseUrl: string; apiKey: Secret }): CloudApi;
  createEsClient: EsClientFactory;
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
  if (config.mode === 'sandbox') {
    sandbox = await deps.startSandbox();
    cloudKey = new Secret(sandbox.ownerKey);
    cloud = deps.createCloudClient({ baseUrl: sandbox.baseUrl, apiKey: cloudKey });
    connection = { kind: 'sandbox', host: hostOf(sandbox.baseUrl), selfKeyId: sandbox.ownerKeyId };
  } else {
    if (!config.apiKey) {
      process.stderr.write('ec-access: no Cloud API key (set EC_API_KEY in the environment or .env).\n');
      return 2;
    }
    cloudKey = config.apiKey;
    cloud = deps.createCloudClient({ baseUrl: config.baseUrl, apiKey: cloudKey });
    connection = { kind: 'cloud', host: hostOf(config.baseUrl), keyHint: cloudKey.hint() };
  }
  const orgId = sandbox?.organizationId ?? config.orgId;
  const store = createStore({
    cloud,
    ...(orgId ? { orgId } : {}),
    esAccess: createEsAccess({ esUrl: config.esUrl, esApiKey: config.esApiKey, cloudKey }, deps.createEsClient),
    notices: config.warnings,
  });
  // Requests go out before the first frame is drawn.
  store.start(FIRST[opts.screen]);
  const terminal = enterAlternateScreen(process.stdout);
  try {
    const instance = render(
      <App
        store={store}
        connection={connection}
        theme={themeFromEnv(process.env)}
        initialScreen={opts.screen}
        initialFilter={opts.filter}
      />,
      { exitOnCtrlC: false, patchConsole: true },
    );
    await instance.waitUntilExit();
    return 0;
  } finally {
    terminal.restore();
    await cloud.close();
    await sandbox?.stop();
  }
}
