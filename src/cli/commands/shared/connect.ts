/**
 * One command's connection: configuration → (sandbox or Cloud) → client → organization id, with the audit trail
 * attached to every write. Without EC_API_KEY the command runs on a fresh in-process sandbox, as the TUI does,
 * and says so on stderr so a script is never fooled into thinking it changed a real organization.
 */
import type { CloudApi, EsApi, WriteObserver } from '../../../api/client.js';
import { createCloudClient } from '../../../api/cloud-client.js';
import { createEsClient } from '../../../api/es-client.js';
import type { ApiRequest } from '../../../api/requests.js';
import type { Organization, Project } from '../../../api/schemas.js';
import { createAuditLog, type AuditLog, type VerifyResult } from '../../../audit/index.js';
import type { SettleContext, Settled } from '../../../domain/settle.js';
import { settleWrite } from '../../../state/settle-io.js';
import { ConfigError } from '../../../config/config.js';
import type { RunningSandbox } from '../../../sandbox/index.js';
import { SANDBOX_HTTP2 } from '../../../sandbox/protocol.js';
import { listAllProjects } from '../../../state/org-snapshot.js';
import { chooseEsCredential } from '../../../config/es-credential.js';
import { openOrgMemory } from '../../../config/org-memory.js';
import { createOrgGate } from '../../../state/org-gate.js';
import { resolveOrganization } from './organization.js';
import { Secret } from '../../../util/secret.js';
import { UsageError } from '../../args.js';
import type { CommandContext } from '../../command-spec.js';
import { errorCode, errorMessage } from '../../../util/errors.js';

const SANDBOX_NOTICE =
  'sandbox: simulated organization (no EC_API_KEY). Each command starts a fresh one; to keep it between ' +
  'commands set EC_SANDBOX_STATE=FILE, or run `ec-access sandbox --state FILE` and export the EC_BASE_URL/EC_API_KEY it prints.';
const savedSandboxNotice = (file: string) =>
  `sandbox: simulated organization (no EC_API_KEY), kept in ${file} (EC_SANDBOX_STATE).`;

export interface Session {
  readonly cloud: CloudApi;
  readonly orgId: string;
  /** The organization with its name, when discovery gives it; absent with `--org` and in the sandbox. */
  readonly organization?: () => Promise<Organization>;
  /** The key this session authenticates with, when known (never offered for revocation without a warning). */
  readonly selfKeyId?: string;
  /** Every Serverless project of the three types, fetched once. */
  projects(): Promise<readonly Project[]>;
  /** The project's Elasticsearch security API; a usage error names the missing credential. */
  es(project: Project): EsApi;
  /**
   * A throwaway client presenting `apiKey` to the project (identifying a leaked value): never cached, never
   * audited (it only reads), the key never logged.
   */
  esWithKey(project: Project, apiKey: Secret): EsApi;
  /** Absolute URL of a request (invitation tokens redacted), for dry runs and results. */
  urlOf(request: ApiRequest): string;
  /** Sends a prepared request to the service it names. */
  send(request: ApiRequest): Promise<unknown>;
  /** Re-reads to settle a write whose outcome is unknown, and records the verdict in the audit trail. */
  settle(request: ApiRequest, ctx: SettleContext): Promise<Settled>;
  /** Records in the audit trail what a re-read showed of a write (settled by the command itself). */
  recordVerify(request: ApiRequest, result: VerifyResult, detail: string): void;
  close(): Promise<void>;
}

async function startSandbox(stateFile: string | undefined): Promise<RunningSandbox> {
  // Loaded only here, so commands against a real organization never load the simulation.
  const { startSandbox: start } = await import('../../../sandbox/index.js');
  return start(stateFile ? { stateFile } : {});
}

interface ConnectedSession extends Session {
  /** Settles once the organization is confirmed (at once unless it was remembered); rejects saying why not. */
  readonly confirmed: Promise<void>;
}

async function connect(ctx: CommandContext): Promise<ConnectedSession> {
  const config = ctx.loadConfig();
  let sandbox: RunningSandbox | undefined;
  let apiKey: Secret;
  let baseUrl = config.baseUrl;
  let http2 = config.http2;
  if (config.mode === 'sandbox') {
    sandbox = await startSandbox(config.sandboxStateFile);
    ctx.io.stderr(
      `ec-access: ${config.sandboxStateFile ? savedSandboxNotice(config.sandboxStateFile) : SANDBOX_NOTICE}\n`,
    );
    apiKey = new Secret(sandbox.ownerKey);
    baseUrl = sandbox.baseUrl;
    http2 = SANDBOX_HTTP2;
  } else {
    if (!config.apiKey) throw new ConfigError('no Cloud API key (set EC_API_KEY in the environment or .env)');
    apiKey = config.apiKey;
  }

  // The audit log needs the organization id, known only after discovery (a read, never audited); writes come
  // later, so a forwarding observer is attached now and pointed at the log once the id is known.
  let audit: WriteObserver | undefined;
  let auditLog: AuditLog | undefined;
  const onWrite: WriteObserver = (event) => audit?.(event);
  const allowInsecureHttp = config.allowInsecureHttp === true;
  const memory = config.mode === 'cloud' && !config.orgId ? openOrgMemory(ctx.io.env, apiKey, baseUrl) : undefined;
  const rememberedOrg = memory?.recall();
  const gate = rememberedOrg ? createOrgGate(rememberedOrg.id) : undefined;
  const cloud = createCloudClient({
    baseUrl,
    apiKey,
    onWrite,
    env: ctx.io.env,
    http2,
    allowInsecureHttp,
    ...(gate ? { gate } : {}),
  });
  const close = async () => {
    await cloud.close();
    await sandbox?.stop();
  };

  try {
    const resolved = await resolveOrganization({
      cloud,
      ...(config.orgId ? { configured: config.orgId } : {}),
      ...(sandbox ? { sandboxOrgId: sandbox.organizationId } : {}),
      ...(memory ? { memory } : {}),
      ...(rememberedOrg && gate ? { remembered: { organization: rememberedOrg, gate } } : {}),
    });
    const { orgId } = resolved;
    const warn = (message: string) => ctx.io.stderr(`ec-access: warning: ${message}\n`);
    try {
      auditLog = createAuditLog({
        env: ctx.io.env,
        organizationId: orgId,
        mode: config.mode,
        secrets: [apiKey],
        onWarning: warn,
      });
      audit = auditLog.observer;
    } catch (error) {
      // Like a failed audit line, an unusable audit file is reported, not fatal: reads need no trail at all.
      warn(`no audit trail this time: ${errorCode(error) ?? errorMessage(error)}`);
    }

    const recordVerify = (request: ApiRequest, result: VerifyResult, detail: string) => {
      try {
        auditLog?.record({ type: 'verify', request, result, detail });
      } catch (error) {
        warn(`could not add to the audit trail: ${errorMessage(error)}`);
      }
    };

    let projects: Promise<readonly Project[]> | undefined;
    const esClients = new Map<string, EsApi>();
    const esClientOf = (request: ApiRequest): EsApi => {
      if (request.target.service !== 'es') throw new Error('not an Elasticsearch request');
      const client = esClients.get(request.target.projectId);
      if (!client)
        throw new Error(`${request.summary}: no Elasticsearch client for project ${request.target.projectId}`);
      return client;
    };

    return {
      cloud,
      orgId,
      ...(resolved.organization ? { organization: resolved.organization } : {}),
      confirmed: resolved.confirmed,
      ...(sandbox ? { selfKeyId: sandbox.ownerKeyId } : {}),
      projects: () => (projects ??= listAllProjects(cloud)),
      es(project) {
        let client = esClients.get(project.id);
        if (!client) {
          const endpoint = project.endpoints.elasticsearch;
          const credential = chooseEsCredential(endpoint, { apiKey, esUrl: config.esUrl, esApiKey: config.esApiKey });
          if (credential.kind === 'missing') throw new UsageError(credential.reason);
          client = createEsClient({
            projectId: project.id,
            baseUrl: endpoint,
            apiKey: credential.apiKey,
            onWrite,
            env: ctx.io.env,
            http2,
            allowInsecureHttp,
            ...(gate ? { gate } : {}),
          });
          esClients.set(project.id, client);
        }
        return client;
      },
      esWithKey: (project, key) =>
        createEsClient({
          projectId: project.id,
          baseUrl: project.endpoints.elasticsearch,
          apiKey: key,
          // No debug log at all for these requests: the transport scrubs the key, but a leaked value is not
          // worth even a scrubbed trace.
          env: { ...ctx.io.env, EC_ACCESS_DEBUG: undefined },
          http2,
          allowInsecureHttp,
          retry: { attempts: 1 },
        }),
      urlOf: (request) =>
        request.target.service === 'cloud' ? cloud.urlOf(request) : esClientOf(request).urlOf(request),
      send: (request) => (request.target.service === 'cloud' ? cloud.send(request) : esClientOf(request).send(request)),
      async settle(request, settleCtx) {
        const settled = await settleWrite({ cloud, orgId, es: (id) => esClients.get(id) }, request, settleCtx);
        if (settled.outcome !== 'unknown')
          recordVerify(request, settled.outcome === 'done' ? 'confirmed' : 'not-applied', settled.detail);
        return settled;
      },
      recordVerify,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs `body` with a session and always closes it (sockets, the sandbox's server). */
export async function withSession<T>(ctx: CommandContext, body: (session: Session) => Promise<T>): Promise<T> {
  const session = await connect(ctx);
  try {
    const result = await body(session);
    // The answer stands: nothing naming an unconfirmed organization reached it. Waiting lets the confirmation
    // correct the memory before the connection closes.
    await session.confirmed.catch(() => undefined);
    return result;
  } catch (error) {
    // A request the unconfirmed organization held back fails for the reason the confirmation gives: say that.
    await session.confirmed;
    throw error;
  } finally {
    await session.close();
  }
}
