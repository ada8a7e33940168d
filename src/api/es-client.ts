/**
 * One Serverless project's Elasticsearch security API (custom roles) over the shared transport. The base URL is
 * the project's `endpoints.elasticsearch`, which may carry a path prefix (the sandbox serves every project from
 * one port under `/_es/<projectId>`), so request paths are appended to it rather than resolved against it.
 */
import { cleartextRefusal, refuseCleartext } from './cleartext.js';
import type { EsApi } from './client.js';
import { createTransport, type ClientOptions } from './http.js';
import { parseResponse } from './parse.js';
import { GetProjectApiKeysResponse } from './project-key-schemas.js';
import { esRequests } from './requests.js';
import { AuthenticateResponse, DeleteRoleResponse, PutRoleResponse, RoleMap } from './schemas.js';

export interface EsClientOptions extends ClientOptions {
  readonly projectId: string;
  /** The project's Elasticsearch endpoint. */
  readonly baseUrl: string;
}

/** ES answers GET of a missing role with 404 `{}`. A 404 carrying an ES error (wrong endpoint, say) is a real error. */
const missingRole = (status: number, body: unknown) =>
  status === 404 && (body === undefined || (isObject(body) && Object.keys(body).length === 0));

/** ES answers DELETE of a missing role with 404 `{"found":false}`: the outcome the caller wanted. */
const alreadyDeleted = (status: number, body: unknown) => status === 404 && isObject(body) && body.found === false;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function createEsClient(options: EsClientOptions): EsApi {
  const { projectId } = options;
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  const transport = refuseCleartext(
    createTransport({ ...options, service: 'es', root: baseUrl }),
    cleartextRefusal(baseUrl, 'es', options.env ?? process.env, options.allowInsecureHttp),
  );

  return {
    projectId,
    baseUrl,
    urlOf: (req) => transport.urlOf(req),

    async listRoles() {
      const req = esRequests.listRoles(projectId);
      return parseResponse(RoleMap, (await transport.send(req)).body, 'es', transport.endpointOf(req));
    },

    async getRole(name) {
      const req = esRequests.getRole(projectId, name);
      const { status, body } = await transport.send(req, missingRole);
      if (status === 404) return undefined;
      return parseResponse(RoleMap, body, 'es', transport.endpointOf(req))[name];
    },

    async putRole(name, descriptor) {
      const req = esRequests.putRole(projectId, name, descriptor);
      return parseResponse(PutRoleResponse, (await transport.send(req)).body, 'es', transport.endpointOf(req));
    },

    async deleteRole(name) {
      const req = esRequests.deleteRole(projectId, name);
      const { body } = await transport.send(req, alreadyDeleted);
      return parseResponse(DeleteRoleResponse, body, 'es', transport.endpointOf(req)).found;
    },

    async listApiKeys() {
      const req = esRequests.listApiKeys(projectId);
      const { body } = await transport.send(req);
      return parseResponse(GetProjectApiKeysResponse, body, 'es', transport.endpointOf(req)).api_keys;
    },

    async authenticate() {
      const req = esRequests.authenticate(projectId);
      return parseResponse(AuthenticateResponse, (await transport.send(req)).body, 'es', transport.endpointOf(req));
    },

    async send(req) {
      if (req.target.service !== 'es' || req.target.projectId !== projectId) {
        throw new Error(`${req.summary}: request addressed to another service or project`);
      }
      return (await transport.send(req)).body;
    },
  };
}
