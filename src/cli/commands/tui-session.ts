/**
 * One interactive session: connect (sandbox or Cloud) and send the opening screen's requests, then load the UI
 * (Ink, React, every screen) while those requests are on the wire, render, and give the terminal back however the
 * session ends. Nothing here loads Ink: loading it takes longer than a round trip to the API, so the two overlap
 * instead of adding up. The client and sandbox factories come in as dependencies so this can be exercised without
 * a network.
 */
import { setMaxListeners } from 'node:events';
import { createAuditSession } from '../../audit/session.js';
import type { CloudApi, EsApi, WriteObserver } from '../../api/client.js';
import type { Http2Mode, RequestGate } from '../../api/http.js';
import type { RetryPolicy } from '../../api/retry.js';
import type { AppConfig } from '../../config/config.js';
import { openOrgMemory } from '../../config/org-memory.js';
import { SANDBOX_HTTP2 } from '../../sandbox/protocol.js';
import { createAuthenticateAs } from '../../state/authenticate-as.js';
import { createEsAccess, type EsClientFactory } from '../../state/es-access.js';
import { dataOf } from '../../state/resource.js';
import type { ListKey } from '../../state/lists.js';
import { createStore, type DiscoveryOutcome } from '../../state/store.js';
import { confirmRememberedOrg } from '../../state/remembered-org.js';
import type { Connection } from '../../ui/contexts.js';
import { recordOfScreens } from '../../ui/screen-ids.js';
import { enterAlternateScreen } from '../../ui/terminal.js';
import { Secret } from '../../util/secret.js';
import { LIST_ENTRIES } from '../../../screens/lists.js';
import type { SandboxHandle, TuiOptions, TuiSession } from './tui-session-types.js';

export interface TuiDeps {
  createCloudClient(options: {
    baseUrl: string;
    apiKey: Secret;
    onWrite?: WriteObserver;
    http2: Http2Mode;
    signal?: AbortSignal;
    allowInsecureHttp?: boolean;
    gate?: RequestGate;
  }): CloudApi;
  createEsClient(
    options: Parameters<EsClientFactory>[0] & {
      onWrite?: WriteObserver;
      http2: Http2Mode;
      signal?: AbortSignal;
      allowInsecureHttp?: boolean;
      gate?: RequestGate;
      env?: NodeJS.ProcessEnv;
      retry?: Partial<RetryPolicy>;
    },
  ): EsApi;
  startSandbox(): Promise<SandboxHandle>;
}

/** The requests the opening screen needs; they go out first (the incident path: `keys --filter`). */
const FIRST = recordOfScreens((tab): readonly ListKey<unknown>[] => tab.first);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Connects and starts loading. */
async function connect(deps: TuiDeps, config: AppConfig, opts: TuiOptions, signal: AbortSignal): Promise<TuiSession> {
  let sandbox: SandboxHandle | undefined;
  let cloud: CloudApi;
  let connection: Connection;
  let cloudKey: Secret;
  // Every write goes to the audit trail, which is opened once the session's credentials are known (below); the
  // clients only write for the store, which starts after that.
  const onWrite: WriteObserver = (event) => audit.observer(event);
  // The organization remembered for a Cloud key is used at once and confirmed beside the first lists.
  const remembered =
    config.mode === 'cloud' && config.apiKey && !config.orgId
      ? confirmRememberedOrg(openOrgMemory(process.env, config.apiKey, config.baseUrl))
      : undefined;
  const gate = remembered?.gate;
  if (config.mode === 'sandbox') {
    sandbox = await deps.startSandbox();
    cloudKey = new Secret(sandbox.ownerKey);
    cloud = deps.createCloudClient({
      baseUrl: sandbox.baseUrl,
      apiKey: cloudKey,
      onWrite,
      http2: SANDBOX_HTTP2,
      signal,
    });
    connection = { kind: 'sandbox', host: hostOf(sandbox.baseUrl), selfKeyId: sandbox.ownerKeyId };
  } else {
    if (!config.apiKey) throw new Error('cloud mode without a Cloud API key');
    cloudKey = config.apiKey;
    cloud = deps.createCloudClient({
      baseUrl: config.baseUrl,
      apiKey: cloudKey,
      onWrite,
      http2: config.http2,
      signal,
      allowInsecureHttp: config.allowInsecureHttp === true,
      ...(gate ? { gate } : {}),
    });
    connection = { kind: 'cloud', host: hostOf(config.baseUrl), keyHint: cloudKey.hint() };
  }
  // `--org` wins over the organization the sandbox seeds, as in the commands (shared/organization.ts).
  const orgId = config.orgId ?? sandbox?.organizationId;
  // Without a configured organization the id is known only after discovery, which precedes any write.
  const audit = createAuditSession({
    mode: config.mode,
    secrets: [cloudKey],
    organizationId: () => orgId ?? dataOf(store.getState().organization)?.id,
  });
  const http2 = sandbox ? SANDBOX_HTTP2 : config.http2;
  const esAccess = createEsAccess({ esUrl: config.esUrl, esApiKey: config.esApiKey, cloudKey }, (options) =>
    deps.createEsClient({
      ...options,
      onWrite,
      http2,
      signal,
      allowInsecureHttp: config.allowInsecureHttp === true,
      ...(gate ? { gate } : {}),
    }),
  );
  // A leaked value under test: one attempt, no write observer, and no debug log even when one is on.
  const authenticateAs = createAuthenticateAs((options) =>
    deps.createEsClient({
      ...options,
      http2,
      signal,
      env: { ...process.env, EC_ACCESS_DEBUG: undefined },
      retry: { attempts: 1 },
    }),
  );
  const store = createStore({
    cloud,
    lists: LIST_ENTRIES,
    ...(orgId ? { orgId } : {}),
    ...(remembered?.organization ? { rememberedOrg: remembered.organization } : {}),
    ...(remembered ? { onDiscovery: (outcome: DiscoveryOutcome) => remembered.onDiscovery(outcome) } : {}),
    esAccess,
    notices: config.warnings,
  });
  store.start(FIRST[opts.screen]);
  return { store, connection, cloud, esAccess, authenticateAs, audit, ...(sandbox ? { sandbox } : {}) };
}

export async function runTuiWith(deps: TuiDeps, config: AppConfig, opts: TuiOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('ec-access: the interactive UI needs a terminal (stdin and stdout must be a TTY).\n');
    return 2;
  }
  // Said before the terminal is taken over: on the alternate screen the message would vanish with it.
  if (config.mode === 'cloud' && !config.apiKey) {
    process.stderr.write('ec-access: no Cloud API key (set EC_API_KEY in the environment or .env).\n');
    return 2;
  }
  // The terminal first, so keys pressed while the app starts are kept (raw) and the screen is ours at once.
  const terminal = enterAlternateScreen(process.stdout, process, process.stdin);
  let session: TuiSession | undefined;
  // Quitting cancels whatever is still on the wire: a request to a server that never answers must not hold the
  // exit for its timeouts and retries.
  const inFlight = new AbortController();
  // Every concurrent request of the session listens on this one signal: many listeners are expected, not a leak.
  setMaxListeners(0, inFlight.signal);
  try {
    session = await connect(deps, config, opts, inFlight.signal);
    // The opening row's details are asked for as soon as its list is in, while the UI below is still loading.
    const [{ prefetchOpeningRow }, { themeFromEnv }, { SCREENS }] = await Promise.all([
      import('../../ui/opening-prefetch.js'),
      import('../../ui/theme.js'),
      import('../../../screens/registry.js'),
    ]);
    prefetchOpeningRow(SCREENS, session.store, opts.screen, opts.filter ?? '', themeFromEnv(process.env).symbols);
    // Loading the UI takes longer than a round trip, and evaluating a module blocks everything else. So it is loaded
    // in steps, each await letting the event loop run: the connection opens, the requests go out, and an answer
    // already in (the organization, which the member lists wait for) is handled before the next long step.
    await import('ink');
    const { renderTui } = await import('./tui-render.js');
    await new Promise((resolve) => setImmediate(resolve));
    return await renderTui(session, opts);
  } finally {
    terminal.restore();
    inFlight.abort();
    await session?.cloud.close();
    await session?.sandbox?.stop();
  }
}
