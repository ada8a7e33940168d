/**
 * The re-read that settles an unknown write (the pure decision is src/domain/settle.ts), through the ordinary
 * clients. A failed re-read leaves the outcome unknown; it never throws.
 */
import type { CloudApi, EsApi } from '../api/client.js';
import type { ApiRequest } from '../api/requests.js';
import { judge, rereadFor, type Fresh, type SettleContext, type Settled } from '../domain/settle.js';

export interface SettleClients {
  readonly cloud: CloudApi;
  /** Known in the org's id-less member list path; required to re-read members and invitations. */
  readonly orgId?: string;
  readonly es?: (projectId: string) => EsApi | undefined;
}

async function reread(clients: SettleClients, req: ApiRequest): Promise<Fresh> {
  const { cloud, orgId } = clients;
  try {
    switch (rereadFor(req)) {
      case 'keys':
        return { keys: await cloud.listApiKeys() };
      case 'members':
        return orgId ? { members: await cloud.listMembers(orgId) } : {};
      case 'invitations':
        return orgId ? { invitations: await cloud.listInvitations(orgId) } : {};
      case 'role': {
        if (req.target.service !== 'es') return {};
        const es = clients.es?.(req.target.projectId);
        const name = decodeURIComponent(req.path.split('/').pop() ?? '');
        return es ? { role: (await es.getRole(name)) ?? null } : {};
      }
      case undefined:
        return {};
    }
  } catch {
    return {};
  }
}

export async function settleWrite(clients: SettleClients, req: ApiRequest, ctx: SettleContext): Promise<Settled> {
  return judge(req, await reread(clients, req), ctx);
}
