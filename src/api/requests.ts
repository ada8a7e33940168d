/**
 * Every HTTP request the tool can send, as plain data. Screens preview exactly these objects before a write
 * and the client sends exactly these objects, so what the user approves is byte-for-byte what goes out.
 * Pure: no I/O here.
 */
import { ApiError } from './errors.js';
import type {
  CreateApiKeyRequest,
  InvitationRequest,
  ProjectType,
  RoleAssignments,
  RoleDescriptor,
} from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where a request goes: the Cloud API, or one project's Elasticsearch endpoint. */
export type Target = { readonly service: 'cloud' } | { readonly service: 'es'; readonly projectId: string };

export interface ApiRequest {
  readonly method: HttpMethod;
  /** Path below the service root: for Cloud relative to `/api/v1`, for ES relative to the project endpoint. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly target: Target;
  /** One short line for plans, audit entries and errors ("remove 2 members"). */
  readonly summary: string;
}

const CLOUD: Target = { service: 'cloud' };

/**
 * One path segment. Encoding is not enough for `.` and `..`: URL parsing resolves them (encoded as `%2E` too), so
 * `--org ..` would turn `/organizations/../members` into `/members`. Those, and the empty segment, are refused
 * before anything is sent.
 */
function enc(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new ApiError({
      kind: 'bad_request',
      service: 'cloud',
      endpoint: '(not sent)',
      message: `${value === '' ? 'an empty value' : `"${value}"`} cannot name anything in a request path`,
      hint: 'Check the id or name given; nothing was sent.',
    });
  }
  return encodeURIComponent(value);
}
const list = (ids: readonly string[]) => (ids.length === 0 ? enc('') : ids.map(enc).join(','));

export const cloudRequests = {
  listOrganizations: (): ApiRequest => ({
    method: 'GET',
    path: '/organizations',
    target: CLOUD,
    summary: 'list organizations',
  }),

  listMembers: (orgId: string): ApiRequest => ({
    method: 'GET',
    path: `/organizations/${enc(orgId)}/members`,
    target: CLOUD,
    summary: 'list members',
  }),
  removeMembers: (orgId: string, userIds: readonly string[]): ApiRequest => ({
    method: 'DELETE',
    path: `/organizations/${enc(orgId)}/members/${list(userIds)}`,
    target: CLOUD,
    summary: `remove ${userIds.length} member${userIds.length === 1 ? '' : 's'}`,
  }),

  listInvitations: (orgId: string): ApiRequest => ({
    method: 'GET',
    path: `/organizations/${enc(orgId)}/invitations`,
    target: CLOUD,
    summary: 'list invitations',
  }),
  createInvitations: (orgId: string, body: InvitationRequest): ApiRequest => ({
    method: 'POST',
    path: `/organizations/${enc(orgId)}/invitations`,
    body,
    target: CLOUD,
    summary: `invite ${body.emails.join(', ')}`,
  }),
  cancelInvitations: (orgId: string, tokens: readonly string[]): ApiRequest => ({
    method: 'DELETE',
    path: `/organizations/${enc(orgId)}/invitations/${list(tokens)}`,
    target: CLOUD,
    summary: `cancel ${tokens.length} invitation${tokens.length === 1 ? '' : 's'}`,
  }),

  /** `who`: how the summary names the member (their email, when the caller knows it). */
  addRoleAssignments: (userId: string, body: RoleAssignments, who = userId): ApiRequest => ({
    method: 'POST',
    path: `/users/${enc(userId)}/role_assignments`,
    body,
    target: CLOUD,
    summary: `add role assignments to ${who}`,
  }),
  removeRoleAssignments: (userId: string, body: RoleAssignments, who = userId): ApiRequest => ({
    method: 'DELETE',
    path: `/users/${enc(userId)}/role_assignments`,
    body,
    target: CLOUD,
    summary: `remove role assignments from ${who}`,
  }),

  listApiKeys: (nextPage?: string): ApiRequest => ({
    method: 'GET',
    path: '/users/auth/keys',
    ...(nextPage ? { query: { next_page: nextPage } } : {}),
    target: CLOUD,
    summary: 'list API keys',
  }),
  getApiKey: (id: string): ApiRequest => ({
    method: 'GET',
    path: `/users/auth/keys/${enc(id)}`,
    target: CLOUD,
    summary: `get API key ${id}`,
  }),
  createApiKey: (body: CreateApiKeyRequest): ApiRequest => ({
    method: 'POST',
    path: '/users/auth/keys',
    body,
    target: CLOUD,
    summary: `create API key "${body.description}"`,
  }),
  deleteApiKeys: (ids: readonly string[]): ApiRequest => ({
    method: 'DELETE',
    path: '/users/auth/keys',
    body: { keys: [...ids] },
    target: CLOUD,
    summary: `revoke ${ids.length} API key${ids.length === 1 ? '' : 's'}`,
  }),

  listDeployments: (): ApiRequest => ({
    method: 'GET',
    path: '/deployments',
    target: CLOUD,
    summary: 'list hosted deployments',
  }),
  // Plans come with it by default (`show_plans` is true), which is where each part's version is.
  getDeployment: (id: string): ApiRequest => ({
    method: 'GET',
    path: `/deployments/${enc(id)}`,
    target: CLOUD,
    summary: `get hosted deployment ${id}`,
  }),

  listProjects: (type: ProjectType): ApiRequest => ({
    method: 'GET',
    path: `/serverless/projects/${type}`,
    target: CLOUD,
    summary: `list ${type} projects`,
  }),
  getProject: (type: ProjectType, id: string): ApiRequest => ({
    method: 'GET',
    path: `/serverless/projects/${type}/${enc(id)}`,
    target: CLOUD,
    summary: `get ${type} project ${id}`,
  }),
  getProjectRoles: (type: ProjectType, id: string): ApiRequest => ({
    method: 'GET',
    path: `/serverless/projects/${type}/${enc(id)}/roles`,
    target: CLOUD,
    summary: `list custom roles of project ${id}`,
  }),
} as const;

export const esRequests = {
  listRoles: (projectId: string): ApiRequest => ({
    method: 'GET',
    path: '/_security/role',
    target: { service: 'es', projectId },
    summary: 'list roles',
  }),
  getRole: (projectId: string, name: string): ApiRequest => ({
    method: 'GET',
    path: `/_security/role/${enc(name)}`,
    target: { service: 'es', projectId },
    summary: `get role ${name}`,
  }),
  putRole: (projectId: string, name: string, body: RoleDescriptor): ApiRequest => ({
    method: 'PUT',
    path: `/_security/role/${enc(name)}`,
    body,
    target: { service: 'es', projectId },
    summary: `create or update role ${name}`,
  }),
  deleteRole: (projectId: string, name: string): ApiRequest => ({
    method: 'DELETE',
    path: `/_security/role/${enc(name)}`,
    target: { service: 'es', projectId },
    summary: `delete role ${name}`,
  }),
  listApiKeys: (projectId: string): ApiRequest => ({
    method: 'GET',
    path: '/_security/api_key',
    target: { service: 'es', projectId },
    summary: 'list project API keys',
  }),
  /** One key by id, invalidated or not (how an invalidation whose answer was lost is settled). */
  getApiKey: (projectId: string, id: string): ApiRequest => ({
    method: 'GET',
    path: '/_security/api_key',
    query: { id },
    target: { service: 'es', projectId },
    summary: `get project API key ${id}`,
  }),
  /** `projectName` only words the summary. */
  invalidateApiKeys: (projectId: string, ids: readonly string[], projectName = projectId): ApiRequest => ({
    method: 'DELETE',
    path: '/_security/api_key',
    body: { ids: [...ids] },
    target: { service: 'es', projectId },
    summary: `invalidate ${ids.length} API key${ids.length === 1 ? '' : 's'} of project ${projectName}`,
  }),
  authenticate: (projectId: string): ApiRequest => ({
    method: 'GET',
    path: '/_security/_authenticate',
    target: { service: 'es', projectId },
    summary: 'authenticate',
  }),
} as const;

export function isWrite(req: ApiRequest): boolean {
  return req.method !== 'GET';
}
