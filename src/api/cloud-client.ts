/**
 * The Elastic Cloud API (organizations, members, invitations, role assignments, API keys, Serverless projects, hosted
 * deployments) over the shared transport. Each method sends the request built in requests.ts, so what a screen
 * previews is exactly what goes out, and validates the answer with the schema for that endpoint.
 */
import type * as z from 'zod';
import { cleartextRefusal, refuseCleartext } from './cleartext.js';
import type { CloudApi } from './client.js';
import { unexpectedResponse } from './errors.js';
import { closeConnections, createTransport, type ClientOptions } from './http.js';
import { parseResponse } from './parse.js';
import { cloudRequests, type ApiRequest } from './requests.js';
import {
  ApiKey,
  ApiKeyList,
  CreatedApiKey,
  DeploymentInfo,
  DeploymentList,
  EmptyResponse,
  InvitationList,
  MemberList,
  OrganizationList,
  Project,
  ProjectList,
  ProjectRolesByProjectId,
} from './schemas.js';

export interface CloudClientOptions extends ClientOptions {
  /** `https://api.elastic-cloud.com`, with or without the trailing `/api/v1`. */
  readonly baseUrl: string;
}

/** The API root for a configured base URL: `/api/v1` is appended unless it is already there. */
export function cloudApiRoot(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  return /\/api\/v1$/i.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
}

/** A cursor loop that never ends would hang the keys screen; no organization has this many pages of keys. */
const MAX_KEY_PAGES = 100;

export function createCloudClient(options: CloudClientOptions): CloudApi {
  const root = cloudApiRoot(options.baseUrl);
  const transport = refuseCleartext(
    createTransport({ ...options, service: 'cloud', root }),
    cleartextRefusal(root, 'cloud', options.env ?? process.env, options.allowInsecureHttp),
  );

  async function call<S extends z.ZodType>(req: ApiRequest, schema: S): Promise<z.output<S>> {
    const { body } = await transport.send(req);
    return parseResponse(schema, body, 'cloud', transport.endpointOf(req));
  }

  /** The success body of these writes is `{}`; an empty body is accepted too, since nothing is read from it. */
  async function write(req: ApiRequest): Promise<void> {
    const { body } = await transport.send(req);
    if (body !== undefined) parseResponse(EmptyResponse, body, 'cloud', transport.endpointOf(req));
  }

  return {
    urlOf: (req) => transport.urlOf(req),

    listOrganizations: async () => (await call(cloudRequests.listOrganizations(), OrganizationList)).organizations,

    listMembers: async (orgId) => (await call(cloudRequests.listMembers(orgId), MemberList)).members,
    removeMembers: (orgId, userIds) => write(cloudRequests.removeMembers(orgId, userIds)),

    listInvitations: async (orgId) => (await call(cloudRequests.listInvitations(orgId), InvitationList)).invitations,
    createInvitations: async (orgId, body) =>
      (await call(cloudRequests.createInvitations(orgId, body), InvitationList)).invitations,
    cancelInvitations: (orgId, tokens) => write(cloudRequests.cancelInvitations(orgId, tokens)),

    addRoleAssignments: (userId, body) => write(cloudRequests.addRoleAssignments(userId, body)),
    removeRoleAssignments: (userId, body) => write(cloudRequests.removeRoleAssignments(userId, body)),

    async listApiKeys() {
      const keys: ApiKey[] = [];
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < MAX_KEY_PAGES; page++) {
        const req = cloudRequests.listApiKeys(cursor);
        const list = await call(req, ApiKeyList);
        keys.push(...list.keys);
        if (!list.next_page) return keys;
        if (seen.has(list.next_page))
          throw unexpectedResponse('cloud', transport.endpointOf(req), 'next_page repeats an earlier cursor');
        seen.add(list.next_page);
        cursor = list.next_page;
      }
      throw unexpectedResponse('cloud', 'GET /users/auth/keys', `more than ${MAX_KEY_PAGES} pages of keys`);
    },
    getApiKey: (id) => call(cloudRequests.getApiKey(id), ApiKey),
    createApiKey: (body) => call(cloudRequests.createApiKey(body), CreatedApiKey),
    deleteApiKeys: (ids) => write(cloudRequests.deleteApiKeys(ids)),

    listProjects: async (type) => (await call(cloudRequests.listProjects(type), ProjectList)).items,
    getProject: (type, id) => call(cloudRequests.getProject(type, id), Project),
    async getProjectRoles(type, id) {
      const byProject = await call(cloudRequests.getProjectRoles(type, id), ProjectRolesByProjectId);
      // Keyed by project id; the request names one project, so every entry belongs to it.
      return Object.values(byProject).flatMap((entry) =>
        entry.roles.map(({ name, description }) => ({ name, description })),
      );
    },

    listDeployments: async () => (await call(cloudRequests.listDeployments(), DeploymentList)).deployments,
    getDeployment: (id) => call(cloudRequests.getDeployment(id), DeploymentInfo),

    async send(req) {
      if (req.target.service !== 'cloud')
        throw new Error(`${req.summary}: an Elasticsearch request sent to the Cloud client`);
      return (await transport.send(req)).body;
    },
    // Pools are shared per origin with the ES clients, so this ends every connection: call it at exit.
    close: closeConnections,
  };
}
