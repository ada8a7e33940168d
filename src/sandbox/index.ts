/**
 * The sandbox: a local Elastic Cloud (Cloud API under `/api/v1`, every project's Elasticsearch security API under
 * `/_es/<projectId>`) plus `/_sandbox` controls, on 127.0.0.1. The app reaches it through the same clients as the
 * real cloud; anything else that speaks HTTP (curl, the skill's script) works against it unchanged.
 */
import { createClock, type ClockSnapshot } from './clock.js';
import type { RequestContext } from './context.js';
import type { SandboxCore } from './core.js';
import { createFaults } from './faults.js';
import { loadState, saveState, type SavedState } from './persist.js';
import { createRateLimits } from './rate-limit.js';
import { createRequestLog } from './request-log.js';
import { createRouter, type Route } from './router.js';
import { controlRoutes } from './routes/control.js';
import { deploymentControlRoutes, deploymentRoutes } from './routes/deployments.js';
import { esRoutes } from './routes/es.js';
import { esApiKeyRoutes } from './routes/es-api-keys.js';
import { invitationRoutes } from './routes/invitations.js';
import { keyRoutes } from './routes/keys.js';
import { organizationRoutes } from './routes/organization.js';
import { roleAssignmentRoutes } from './routes/role-assignments.js';
import { serverlessRoutes } from './routes/serverless.js';
import { seedOrganization, type Scale } from './seed.js';
import { createSandboxServer } from './server.js';

export { SandboxStateError } from './persist.js';

export interface SandboxOptions {
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** Same seed, same organization. Default 1. */
  readonly seed?: number;
  readonly scale?: Scale;
  /** Added before every API request. */
  readonly latencyMs?: number;
  /** Load the organization from this file if it exists, save it there after every change and on stop. */
  readonly stateFile?: string;
  /** Start the clock here and keep it still (tests); absent: follow the wall clock. */
  readonly now?: Date;
  /** Refuse bare project role ids (`developer`) instead of accepting them with a Warning header. */
  readonly strict?: boolean;
}

export interface RunningSandbox {
  /** Origin, e.g. http://127.0.0.1:PORT: what EC_BASE_URL is set to. The API is under /api/v1. */
  readonly baseUrl: string;
  /** An organization-owner key that also holds `admin` in every project. */
  readonly ownerKey: string;
  readonly ownerKeyId: string;
  /** A key without the owner role, to see permission errors. */
  readonly viewerKey: string;
  readonly organizationId: string;
  /** Base of the `/_sandbox` controls. */
  readonly controlUrl: string;
  connectionsSeen(): number;
  stop(): Promise<void>;
}

const API_ROUTES: ReadonlyArray<Route<RequestContext>> = [
  // The invitee-side lookup has a literal segment where the admin routes have `:orgId`; it must come first.
  ...invitationRoutes.filter((r) => r.auth === 'none'),
  ...organizationRoutes,
  ...invitationRoutes.filter((r) => r.auth !== 'none'),
  ...roleAssignmentRoutes,
  ...keyRoutes,
  ...serverlessRoutes,
  ...deploymentRoutes,
  ...esRoutes,
  ...esApiKeyRoutes,
];

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const { stateFile } = options;
  const saved = stateFile ? loadState(stateFile) : undefined;
  const seed = saved?.seed ?? options.seed ?? 1;
  const scale = saved?.scale ?? options.scale ?? 'small';
  const seededAt = saved ? new Date(saved.seededAt) : (options.now ?? new Date());
  const initialClock: ClockSnapshot = options.now
    ? { mode: 'frozen', now: options.now.toISOString() }
    : { mode: 'wall', offsetMs: 0 };
  const clock = createClock(saved?.clock ?? initialClock);
  const faults = createFaults(options.latencyMs ?? 0);
  const log = createRequestLog();

  // The core needs the port, so it is set once the server listens; requests reach it only through coreOf.
  const listening: { core?: SandboxCore } = {};
  const coreOf = () => {
    if (!listening.core) throw new Error('the sandbox is not listening yet');
    return listening.core;
  };
  const snapshot = (): SavedState => ({
    seed,
    scale,
    seededAt: seededAt.toISOString(),
    clock: clock.snapshot(),
    data: coreOf().data,
  });
  const persist = () => {
    if (stateFile) saveState(stateFile, snapshot());
  };

  const { server, closeAll, connectionsSeen } = createSandboxServer({
    core: coreOf,
    api: createRouter(API_ROUTES),
    control: createRouter([
      ...controlRoutes({
        log,
        connectionsSeen: () => connectionsSeen(),
        reset() {
          const current = coreOf();
          clock.restore(saved?.clock ?? initialClock);
          current.data = seedOrganization({ seed, scale, now: seededAt, credentials: current.data.credentials });
          current.faults.clear();
          log.clear();
          persist();
        },
      }),
      ...deploymentControlRoutes,
    ]),
    log,
    rateLimits: createRateLimits(),
    onWrite: persist,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the sandbox is not listening on TCP');
  const { port } = address;
  const baseUrl = `http://127.0.0.1:${port}`;
  const data = saved?.data ?? seedOrganization({ seed, scale, now: seededAt });
  listening.core = { data, clock, baseUrl, faults, strict: options.strict ?? false };
  persist();

  let stopped: Promise<void> | undefined;
  return {
    baseUrl,
    ownerKey: data.credentials.ownerKey,
    ownerKeyId: data.credentials.ownerKeyId,
    viewerKey: data.credentials.viewerKey,
    organizationId: data.organization.id,
    controlUrl: `${baseUrl}/_sandbox`,
    connectionsSeen,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        persist();
        server.close(() => resolve());
        closeAll();
      });
      return stopped;
    },
  };
}
