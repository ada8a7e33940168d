/**
 * Reads the tour's sandbox the way a client would: the Cloud API for the organization, each project's
 * Elasticsearch for its role descriptors, and the `/_sandbox` controls for the clock and the request log.
 */
import * as z from 'zod';
import { createCloudClient } from '../api/cloud-client.js';
import { createEsClient } from '../api/es-client.js';
import type { RoleMap } from '../api/schemas.js';
import type { CustomRolesState, OrgSnapshot } from '../domain/org.js';
import { SANDBOX_HTTP2 } from '../sandbox/protocol.js';
import { LoggedRequest } from '../sandbox/request-log.js';
import { loadOrgSnapshot } from '../state/org-snapshot.js';
import { Secret } from '../util/secret.js';
import type { TourState } from './types.js';

export interface TourSandbox {
  readonly baseUrl: string;
  readonly controlUrl: string;
  readonly ownerKey: string;
  readonly organizationId: string;
}

const ClockAnswer = z.looseObject({ now: z.string() });
const RequestsAnswer = z.looseObject({ requests: z.array(LoggedRequest) });

async function control<S extends z.ZodType>(sandbox: TourSandbox, path: string, schema: S): Promise<z.output<S>> {
  const response = await fetch(`${sandbox.controlUrl}${path}`, { headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`sandbox control ${path} answered ${response.status}`);
  const answer = schema.safeParse(await response.json());
  if (!answer.success) throw new Error(`sandbox control ${path} answered an unexpected shape`);
  return answer.data;
}

export async function sandboxNow(sandbox: TourSandbox): Promise<Date> {
  return new Date((await control(sandbox, '/clock', ClockAnswer)).now);
}

/** The newest sequence number in the request log (0 when empty), so a lesson can look only at what came after. */
export async function lastRequestSeq(sandbox: TourSandbox): Promise<number> {
  const { requests } = await control(sandbox, '/requests', RequestsAnswer);
  return requests.at(-1)?.seq ?? 0;
}

export async function loadTourState(sandbox: TourSandbox, sinceSeq: number): Promise<TourState> {
  const apiKey = new Secret(sandbox.ownerKey);
  // Not closed here: connection pools are shared by the whole process, the TUI's requests included (closing them
  // mid-session broke the TUI's in-flight requests); the session closes them when it ends.
  const cloud = createCloudClient({ baseUrl: sandbox.baseUrl, apiKey, env: {}, http2: SANDBOX_HTTP2 });
  const orgId = sandbox.organizationId;
  const base = await loadOrgSnapshot({ cloud, orgId, now: () => sandboxNow(sandbox) });
  // The owner key holds admin in every project, so it may read every project's roles.
  const roleMaps = await Promise.all(
    base.projects.map((p) =>
      createEsClient({
        projectId: p.id,
        baseUrl: p.endpoints.elasticsearch,
        apiKey,
        env: {},
        http2: SANDBOX_HTTP2,
      }).listRoles(),
    ),
  );
  // Built-in roles carry metadata._reserved; the tour is about the custom ones.
  const custom = (map: RoleMap): RoleMap =>
    Object.fromEntries(Object.entries(map).filter(([, r]) => r.metadata['_reserved'] !== true));
  const roles = new Map<string, RoleMap>(base.projects.map((p, i) => [p.id, custom(roleMaps[i]!)]));
  const customRoles = new Map<string, CustomRolesState>(
    base.projects.map((p) => [
      p.id,
      { status: 'loaded', names: Object.keys(roles.get(p.id) ?? {}), source: 'elasticsearch' },
    ]),
  );
  const projectKeys = await Promise.all(
    base.projects.map(async (project) => ({
      project,
      state: {
        status: 'loaded' as const,
        keys: await createEsClient({
          projectId: project.id,
          baseUrl: project.endpoints.elasticsearch,
          apiKey,
          env: {},
          http2: SANDBOX_HTTP2,
        }).listApiKeys(),
      },
    })),
  );
  const snapshot: OrgSnapshot = { ...base, customRoles, projectKeys };
  const { requests } = await control(sandbox, `/requests?since=${sinceSeq}`, RequestsAnswer);
  return { snapshot, roles, requests };
}
