/**
 * An in-memory CloudApi for UI and store tests: serves fixed data, records every call, and can hold responses
 * (to observe requests in flight) or fail chosen methods.
 */
import type { CloudApi, EsApi } from '../../../src/api/client.js';
import type {
  ApiKey,
  Deployment,
  DeploymentInfo,
  Invitation,
  Member,
  Organization,
  Project,
  ProjectType,
  Role,
} from '../../../src/api/schemas.js';

export interface FakeData {
  organizations: Organization[];
  members: Member[];
  invitations: Invitation[];
  keys: ApiKey[];
  projects: Project[];
  /** Custom roles the Cloud endpoint reports, by project id. */
  projectRoles: Record<string, Array<{ name: string; description: string }>>;
  /** Hosted deployments; absent: none. */
  deployments?: Deployment[];
  /** What `getDeployment` answers, by id; an id without one is answered 404. */
  deploymentInfo?: Record<string, DeploymentInfo>;
}

type Method = keyof Omit<CloudApi, 'urlOf' | 'send' | 'close'>;

export interface FakeCloud extends CloudApi {
  readonly data: FakeData;
  readonly calls: Array<{ method: Method; args: unknown[] }>;
  /** Calls waiting on `release()` while holding. */
  readonly held: Array<{ method: Method; release: () => void }>;
  hold(on: boolean): void;
  releaseAll(): void;
  failWith(method: Method, error: Error | undefined): void;
}

export function apiError(message: string, hint?: string, status = 500): Error {
  return Object.assign(new Error(message), { hint, status, kind: 'http' });
}

export function createFakeCloud(data: FakeData): FakeCloud {
  const calls: FakeCloud['calls'] = [];
  const held: FakeCloud['held'] = [];
  const failures = new Map<Method, Error>();
  let holding = false;

  function call<T>(method: Method, args: unknown[], result: () => T): Promise<T> {
    calls.push({ method, args });
    const settle = () => {
      const failure = failures.get(method);
      if (failure) throw failure;
      return structuredClone(result());
    };
    if (!holding) return Promise.resolve().then(settle);
    return new Promise<T>((resolve, reject) => {
      held.push({
        method,
        release: () => {
          try {
            resolve(settle());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
      });
    });
  }

  const projectsOf = (type: ProjectType) => data.projects.filter((p) => p.type === type);

  return {
    data,
    calls,
    held,
    hold: (on) => {
      holding = on;
    },
    releaseAll: () => {
      for (const h of held.splice(0)) h.release();
    },
    failWith: (method, error) => {
      if (error) failures.set(method, error);
      else failures.delete(method);
    },
    urlOf: (request) => `http://fake.test/api/v1${request.path}`,
    listOrganizations: () => call('listOrganizations', [], () => data.organizations),
    listMembers: (orgId) => call('listMembers', [orgId], () => data.members),
    removeMembers: (orgId, ids) =>
      call('removeMembers', [orgId, ids], () => {
        data.members = data.members.filter((m) => !ids.includes(m.user_id));
      }),
    listInvitations: (orgId) => call('listInvitations', [orgId], () => data.invitations),
    createInvitations: (orgId, body) => call('createInvitations', [orgId, body], () => []),
    cancelInvitations: (orgId, tokens) => call('cancelInvitations', [orgId, tokens], () => undefined),
    addRoleAssignments: (userId, body) => call('addRoleAssignments', [userId, body], () => undefined),
    removeRoleAssignments: (userId, body) => call('removeRoleAssignments', [userId, body], () => undefined),
    listApiKeys: () => call('listApiKeys', [], () => data.keys),
    getApiKey: (id) => call('getApiKey', [id], () => data.keys.find((k) => k.id === id)!),
    createApiKey: (body) =>
      call('createApiKey', [body], () => ({
        id: 'new',
        description: body.description,
        creation_date: '',
        key: 'secret',
      })),
    deleteApiKeys: (ids) =>
      call('deleteApiKeys', [ids], () => {
        data.keys = data.keys.filter((k) => !ids.includes(k.id));
      }),
    listProjects: (type) => call('listProjects', [type], () => projectsOf(type)),
    getProject: (type, id) => call('getProject', [type, id], () => projectsOf(type).find((p) => p.id === id)!),
    getProjectRoles: (type, id) => call('getProjectRoles', [type, id], () => data.projectRoles[id] ?? []),
    listDeployments: () => call('listDeployments', [], () => data.deployments ?? []),
    getDeployment: (id) =>
      call('getDeployment', [id], () => {
        const info = data.deploymentInfo?.[id];
        if (!info) throw apiError(`Deployment ${id} not found`, undefined, 404);
        return info;
      }),
    send: () => Promise.reject(new Error('send is not faked')),
    close: () => Promise.resolve(),
  };
}

/** An EsApi serving a fixed role map. */
export function createFakeEs(projectId: string, roles: Record<string, Role>): EsApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    projectId,
    baseUrl: `https://${projectId}.es.fake.test`,
    calls,
    urlOf: (request) => `https://${projectId}.es.fake.test${request.path}`,
    listRoles: () => (calls.push('listRoles'), Promise.resolve(structuredClone(roles))),
    getRole: (name) => (calls.push(`getRole:${name}`), Promise.resolve(structuredClone(roles[name]))),
    putRole: () => Promise.resolve({ role: { created: true } }),
    deleteRole: () => Promise.resolve(true),
    authenticate: () => Promise.resolve({ username: 'fake', roles: [] }),
    listApiKeys: () => (calls.push('listApiKeys'), Promise.resolve([])),
    send: () => Promise.reject(new Error('send is not faked')),
  };
}
