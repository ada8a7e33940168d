/**
 * Each project's Elasticsearch security API, served at `<baseUrl>/_es/<projectId>` (the project's
 * `endpoints.elasticsearch`), authenticated with the same Cloud key (the unified key) and answering errors as
 * Elasticsearch does. Access follows es-access.ts: no covering `application_roles` → 403 on everything; reading
 * roles needs `read_security`, writing them `manage_security` (of the predefined roles only `admin` has either).
 */
import { createHash } from 'node:crypto';
import { callerOf, type RequestContext } from '../context.js';
import { effectiveRoles, holdsPrivilege, type SecurityPrivilege } from '../es-access.js';
import { callerRoles, projectKeyAuthenticateBody } from '../project-keys.js';
import type { StoredProject, StoredRole } from '../model.js';
import { esError, ok, ReplyError } from '../reply.js';
import { isReservedRoleName, validateRoleNameSyntax } from '../../domain/role-name.js';
import { reservedRoles } from '../reserved-roles.js';
import { list, one, type Route } from '../router.js';
import { BUILTIN_PRIVILEGES, checkRoleDescriptor } from '../role-descriptor.js';
import { queryRoles } from '../role-query.js';

type R = Route<RequestContext>;
const es = { dialect: 'es', auth: 'es' } as const;
const ROLE_GET = 'cluster:admin/xpack/security/role/get';
const ROLE_PUT = 'cluster:admin/xpack/security/role/put';
const ROLE_DELETE = 'cluster:admin/xpack/security/role/delete';
const BUILTIN_GET = 'cluster:admin/xpack/security/privilege/builtin/get';
const ROLE_QUERY = 'cluster:admin/xpack/security/role/query';
const MAIN = 'cluster:monitor/main';

interface Access {
  readonly project: StoredProject;
  readonly custom: Record<string, StoredRole>;
}

/** The project behind the endpoint, once the key is known to hold roles there (and `needed`, if any). */
function access(ctx: RequestContext, rawProjectId: string, action: string, needed?: SecurityPrivilege): Access {
  const caller = callerOf(ctx);
  const { key } = caller;
  const { data } = ctx.core;
  const id = one(rawProjectId);
  const project = data.projects.find((p) => p.id === id);
  if (!project)
    throw esError(404, 'resource_not_found_exception', `no Serverless project [${id}] behind this endpoint`);
  const custom = (data.customRoles[project.id] ??= {});
  const roles = callerRoles(caller, project, custom);
  const who = `API key id [${key.id}] of user [${key.user_id}]`;
  if (roles.size === 0) {
    throw esError(
      403,
      'security_exception',
      `action [${action}] is unauthorized for ${who}: the key's role_assignments grant no application_roles that exist in project [${project.id}]`,
    );
  }
  if (needed && !holdsPrivilege(roles.values(), needed)) {
    const granting = needed === 'read_security' ? 'read_security,manage_security,all' : 'manage_security,all';
    throw esError(
      403,
      'security_exception',
      `action [${action}] is unauthorized for ${who} with effective roles [${[...roles.keys()].join(',')}], this action is granted by the cluster privileges [${granting}]`,
    );
  }
  return { project, custom };
}

/** Validation failures ES reports from the request's own validate(): "Validation Failed: 1: …;". */
const validationFailed = (problem: string) =>
  esError(400, 'action_request_validation_exception', `Validation Failed: 1: ${problem};`);

function putRole(ctx: RequestContext, params: Readonly<Record<string, string>>) {
  const { custom } = access(ctx, params.projectId!, ROLE_PUT, 'manage_security');
  const name = one(params.name!);
  const problem = validateRoleNameSyntax(name);
  if (problem) throw validationFailed(problem);
  // The app's rule (src/domain/role-name.ts), stricter than ES: every type's predefined names, any letter case.
  if (isReservedRoleName(name)) throw validationFailed(`Role [${name}] is reserved and may not be used.`);
  if (ctx.body === undefined) throw esError(400, 'parse_exception', 'request body is required');
  const checked = checkRoleDescriptor(ctx.body);
  if (!checked.ok) throw esError(400, checked.type, checked.reason);
  const created = custom[name] === undefined;
  custom[name] = checked.role;
  return ok({ role: { created } });
}

/**
 * `GET /` on Serverless (RootNodeInfoResponse.ts, the spec's Serverless example): `build_flavor: serverless`
 * identifies it; `version.number` is a compatibility value (the next target release), not a deployed version.
 */
function rootInfo(project: StoredProject) {
  const uuid = createHash('sha256').update(project.id).digest('base64url').slice(0, 22);
  return {
    name: 'serverless',
    cluster_name: project.id,
    cluster_uuid: uuid,
    version: {
      number: '9.4.0',
      build_flavor: 'serverless',
      build_type: 'docker',
      build_hash: '0000000000000000000000000000000000000000',
      build_date: '2026-03-31T12:25:05.021648363Z',
      build_snapshot: false,
      lucene_version: '10.4.0',
      minimum_wire_compatibility_version: '9.4.0',
      minimum_index_compatibility_version: '9.4.0',
    },
    tagline: 'You Know, for Search',
  };
}

function queryRole(ctx: RequestContext, params: Readonly<Record<string, string>>) {
  const { custom } = access(ctx, params.projectId!, ROLE_QUERY, 'read_security');
  return ok(queryRoles(custom, ctx.body));
}

export const esRoutes: readonly R[] = [
  {
    ...es,
    method: 'GET',
    pattern: '/_es/:projectId',
    handle: (ctx, { projectId }) => ok(rootInfo(access(ctx, projectId!, MAIN).project)),
  },
  {
    ...es,
    method: 'HEAD',
    pattern: '/_es/:projectId',
    handle: (ctx, { projectId }) => {
      access(ctx, projectId!, MAIN);
      return { status: 200 };
    },
  },
  {
    ...es,
    method: 'GET',
    pattern: '/_es/:projectId/_security/role',
    handle: (ctx, { projectId }) => {
      const { project, custom } = access(ctx, projectId!, ROLE_GET, 'read_security');
      return ok({ ...reservedRoles(project.type), ...custom });
    },
  },
  {
    ...es,
    method: 'GET',
    pattern: '/_es/:projectId/_security/role/:name',
    handle: (ctx, { projectId, name }) => {
      const { project, custom } = access(ctx, projectId!, ROLE_GET, 'read_security');
      const all: Record<string, StoredRole> = { ...reservedRoles(project.type), ...custom };
      const found = Object.fromEntries(list(name!).flatMap((n) => (all[n] ? [[n, all[n]]] : [])));
      // ES answers a lookup that finds nothing with 404 and an empty object.
      if (Object.keys(found).length === 0) throw new ReplyError({ status: 404, body: {} });
      return ok(found);
    },
  },
  { ...es, method: 'PUT', pattern: '/_es/:projectId/_security/role/:name', handle: putRole },
  { ...es, method: 'POST', pattern: '/_es/:projectId/_security/role/:name', handle: putRole },
  {
    ...es,
    method: 'DELETE',
    pattern: '/_es/:projectId/_security/role/:name',
    handle: (ctx, { projectId, name: rawName }) => {
      const { project, custom } = access(ctx, projectId!, ROLE_DELETE, 'manage_security');
      const name = one(rawName!);
      if (reservedRoles(project.type)[name])
        throw esError(400, 'illegal_argument_exception', `role [${name}] is reserved and cannot be deleted`);
      if (!custom[name]) throw new ReplyError({ status: 404, body: { found: false } });
      delete custom[name];
      return ok({ found: true });
    },
  },
  {
    ...es,
    method: 'GET',
    pattern: '/_es/:projectId/_security/_authenticate',
    handle: (ctx, { projectId }) => {
      const { key, projectKey } = callerOf(ctx);
      const { project, custom } = access(ctx, projectId!, 'cluster:admin/xpack/security/user/authenticate');
      if (projectKey) return ok(projectKeyAuthenticateBody(projectKey.key));
      const roles = [...effectiveRoles(key.role_assignments, project, custom).keys()];
      return ok({
        username: key.user_id,
        roles,
        full_name: null,
        email: null,
        metadata: {},
        enabled: true,
        authentication_realm: { name: '_es_api_key', type: '_es_api_key' },
        lookup_realm: { name: '_es_api_key', type: '_es_api_key' },
        authentication_type: 'api_key',
        api_key: { id: key.id, name: key.description, managed_by: key.managed_by ?? 'cloud' },
      });
    },
  },
  { ...es, method: 'POST', pattern: '/_es/:projectId/_security/_query/role', handle: queryRole },
  { ...es, method: 'GET', pattern: '/_es/:projectId/_security/_query/role', handle: queryRole },
  {
    ...es,
    method: 'GET',
    pattern: '/_es/:projectId/_security/privilege/_builtin',
    handle: (ctx, { projectId }) => {
      access(ctx, projectId!, BUILTIN_GET, 'read_security');
      return ok(BUILTIN_PRIVILEGES);
    },
  },
];
