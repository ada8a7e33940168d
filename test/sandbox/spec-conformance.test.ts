/**
 * Every Cloud and project-Elasticsearch route the sandbox serves, driven once with a request that conforms to the
 * published spec, its answer checked against the spec's schema for that status (every required field, types,
 * enums, nested `$ref`s). A route added without a row here fails the coverage test. Serverless project routes run
 * once per project type, since their spec spells each type's paths and schemas out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { InvitationList, ProjectList } from '../../src/api/schemas.js';
import type { RequestContext } from '../../src/sandbox/context.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import type { Route } from '../../src/sandbox/router.js';
import { esRoutes } from '../../src/sandbox/routes/es.js';
import { invitationRoutes } from '../../src/sandbox/routes/invitations.js';
import { keyRoutes } from '../../src/sandbox/routes/keys.js';
import { organizationRoutes } from '../../src/sandbox/routes/organization.js';
import { roleAssignmentRoutes } from '../../src/sandbox/routes/role-assignments.js';
import { serverlessRoutes } from '../../src/sandbox/routes/serverless.js';
import { loadSpecs, operation, requestViolations, responseViolations, SPECS_AVAILABLE } from './spec.js';
import { withSandbox, call, makeKey, members, projectNamed } from './helpers.js';

let sb: RunningSandbox;
withSandbox('each', (started) => {
  sb = started;
});

const ROUTES: ReadonlyArray<Route<RequestContext>> = [
  ...organizationRoutes,
  ...invitationRoutes,
  ...roleAssignmentRoutes,
  ...keyRoutes,
  ...esRoutes,
  ...serverlessRoutes,
];
const TYPES = ['elasticsearch', 'observability', 'security'] as const;

interface Case {
  /** Serverless project routes: the type this row is for (its spec path names it). */
  readonly type?: string;
  readonly path: string;
  readonly body?: unknown;
  readonly status: number;
}

const ROLE = { cluster: ['monitor'], indices: [{ names: ['logs-*'], privileges: ['read'] }], description: 'spec' };
const ASSIGN = (orgId: string, projectId: string) => ({
  project: {
    elasticsearch: [{ role_id: 'elasticsearch-viewer', organization_id: orgId, all: false, project_ids: [projectId] }],
  },
});

/** One conforming request per route (`METHOD pattern`), built on the running sandbox. */
async function cases(): Promise<Record<string, Case>> {
  const org = sb.organizationId;
  const prod = await projectNamed(sb, 'search-prod');
  const es = (p: string) => `/_es/${prod.id}${p}`;
  const someone = (await members(sb)).find((m) => !(m.role_assignments?.organization ?? []).length)!;
  const leaving = (await members(sb)).filter((m) => !(m.role_assignments?.organization ?? []).length).at(-1)!;
  const invited = await call(sb, 'POST', `/api/v1/organizations/${org}/invitations`, {
    body: { emails: ['spec-a@example.com', 'spec-b@example.com'] },
  });
  const [first, second] = invited.as(InvitationList).invitations.map((i) => i.token);
  const key = await makeKey(sb, { organization: [{ role_id: 'billing-admin', organization_id: org }] });
  const other = await makeKey(sb, { organization: [{ role_id: 'billing-admin', organization_id: org }] });
  await call(sb, 'PUT', es('/_security/role/spec-existing'), { body: ROLE });
  await call(sb, 'PUT', es('/_security/role/spec-gone'), { body: ROLE });
  return {
    'GET /api/v1/organizations': { path: '/api/v1/organizations', status: 200 },
    'GET /api/v1/organizations/:orgId': { path: `/api/v1/organizations/${org}`, status: 200 },
    'GET /api/v1/account': { path: '/api/v1/account', status: 200 },
    'GET /api/v1/organizations/:orgId/members': { path: `/api/v1/organizations/${org}/members`, status: 200 },
    'DELETE /api/v1/organizations/:orgId/members/:userIds': {
      path: `/api/v1/organizations/${org}/members/${leaving.user_id}`,
      status: 200,
    },
    'GET /api/v1/organizations/:orgId/invitations': { path: `/api/v1/organizations/${org}/invitations`, status: 200 },
    'POST /api/v1/organizations/:orgId/invitations': {
      path: `/api/v1/organizations/${org}/invitations`,
      body: { emails: ['spec-c@example.com'], expires_in: '3d', role_assignments: ASSIGN(org, prod.id) },
      status: 201,
    },
    'DELETE /api/v1/organizations/:orgId/invitations/:tokens': {
      path: `/api/v1/organizations/${org}/invitations/${first}`,
      status: 200,
    },
    'GET /api/v1/organizations/invitations/:token': {
      path: `/api/v1/organizations/invitations/${second}`,
      status: 200,
    },
    'POST /api/v1/users/:userId/role_assignments': {
      path: `/api/v1/users/${someone.user_id}/role_assignments`,
      body: ASSIGN(org, prod.id),
      status: 200,
    },
    'DELETE /api/v1/users/:userId/role_assignments': {
      path: `/api/v1/users/${someone.user_id}/role_assignments`,
      body: ASSIGN(org, prod.id),
      status: 200,
    },
    'GET /api/v1/users/auth/keys': { path: '/api/v1/users/auth/keys', status: 200 },
    'POST /api/v1/users/auth/keys': {
      path: '/api/v1/users/auth/keys',
      body: { description: 'spec', expiration: '7d', role_assignments: ASSIGN(org, prod.id) },
      status: 201,
    },
    'DELETE /api/v1/users/auth/keys': { path: '/api/v1/users/auth/keys', body: { keys: [other.id] }, status: 200 },
    'GET /api/v1/users/auth/keys/:keyId': { path: `/api/v1/users/auth/keys/${key.id}`, status: 200 },
    'DELETE /api/v1/users/auth/keys/:keyId': { path: `/api/v1/users/auth/keys/${key.id}`, status: 200 },
    'GET /_es/:projectId': { path: es('/'), status: 200 },
    'HEAD /_es/:projectId': { path: es(''), status: 200 },
    'GET /_es/:projectId/_security/role': { path: es('/_security/role'), status: 200 },
    'GET /_es/:projectId/_security/role/:name': { path: es('/_security/role/spec-existing,admin'), status: 200 },
    'PUT /_es/:projectId/_security/role/:name': { path: es('/_security/role/spec-new'), body: ROLE, status: 200 },
    'POST /_es/:projectId/_security/role/:name': { path: es('/_security/role/spec-existing'), body: ROLE, status: 200 },
    'DELETE /_es/:projectId/_security/role/:name': { path: es('/_security/role/spec-gone'), status: 200 },
    'GET /_es/:projectId/_security/_authenticate': { path: es('/_security/_authenticate'), status: 200 },
    'POST /_es/:projectId/_security/_query/role': {
      path: es('/_security/_query/role'),
      body: { query: { prefix: { name: { value: 'spec-' } } }, sort: ['name'], size: 5 },
      status: 200,
    },
    'GET /_es/:projectId/_security/_query/role': { path: es('/_security/_query/role'), status: 200 },
    'GET /_es/:projectId/_security/privilege/_builtin': { path: es('/_security/privilege/_builtin'), status: 200 },
    'GET /api/v1/serverless/regions': { path: '/api/v1/serverless/regions', status: 200 },
    'GET /api/v1/serverless/regions/:id': { path: '/api/v1/serverless/regions/aws-us-east-1', status: 200 },
    ...(await serverlessCases()),
  };
}

/** Each project route once per type, on a project of that type (created by a conforming POST first). */
async function serverlessCases(): Promise<Record<string, Case>> {
  const rows: Record<string, Case> = {};
  for (const type of TYPES) {
    const base = `/api/v1/serverless/projects/${type}`;
    const listed = await call(sb, 'GET', base);
    const id = listed.as(ProjectList).items[0]!.id;
    const at = (suffix: string) => `${type} ${suffix}`;
    rows[at('GET /api/v1/serverless/projects/:type')] = { type, path: base, status: 200 };
    rows[at('POST /api/v1/serverless/projects/:type')] = {
      type,
      path: base,
      body: { name: `spec ${type}`, region_id: 'aws-us-east-1' },
      status: 201,
    };
    rows[at('GET /api/v1/serverless/projects/:type/:id')] = { type, path: `${base}/${id}`, status: 200 };
    rows[at('GET /api/v1/serverless/projects/:type/:id/roles')] = { type, path: `${base}/${id}/roles`, status: 200 };
    rows[at('GET /api/v1/serverless/projects/:type/:id/status')] = { type, path: `${base}/${id}/status`, status: 200 };
  }
  return rows;
}

/** The rows a route has: one, or one per project type. */
const rowsOf = (route: Route<RequestContext>): string[] =>
  route.pattern.includes('/:type')
    ? TYPES.map((t) => `${t} ${route.method} ${route.pattern}`)
    : [`${route.method} ${route.pattern}`];

beforeAll(async () => {
  if (SPECS_AVAILABLE) await loadSpecs();
});

describe.skipIf(!SPECS_AVAILABLE)('the published specs, route by route', () => {
  it('have an operation for every Cloud and Elasticsearch route the sandbox serves, and each has a case here', async () => {
    const table = await cases();
    const missing = ROUTES.flatMap((r) =>
      (r.pattern.includes('/:type') ? TYPES : [undefined]).flatMap((t) =>
        operation(r.method, r.pattern, t) ? [] : [`${t ?? ''} ${r.method} ${r.pattern}`],
      ),
    );
    expect(missing).toEqual([]);
    expect(ROUTES.flatMap(rowsOf).sort()).toEqual(Object.keys(table).sort());
  });

  it('accept conforming requests and answer in the documented shape', async () => {
    const table = await cases();
    const problems: string[] = [];
    for (const [route, name] of ROUTES.flatMap((r) => rowsOf(r).map((n) => [r, n] as const))) {
      const c = table[name]!;
      const op = operation(route.method, route.pattern, c.type)!;
      problems.push(...requestViolations(op, c.body).map((p) => `${name} request ${p}`));
      const answer = await call(sb, route.method, c.path, c.body === undefined ? {} : { body: c.body });
      if (answer.status !== c.status) {
        problems.push(`${name}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
        continue;
      }
      problems.push(...responseViolations(op, answer.status, answer.json).map((p) => `${name} answer ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('answer errors in the documented error shape', async () => {
    const op = operation('POST', '/api/v1/users/auth/keys')!;
    const answer = await call(sb, 'POST', '/api/v1/users/auth/keys', { body: '{' });
    expect(responseViolations(op, answer.status, answer.json)).toEqual([]);
  });
});
