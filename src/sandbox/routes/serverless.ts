/**
 * Serverless projects and regions (cloud-api.md §6), answering errors as `MultiErrorResponse`. Any valid key of
 * the organization may read projects; creating one takes an owner key (the sandbox also offers
 * `POST /_sandbox/projects` for setting up scenarios without a key).
 */
import { isProjectType, type ProjectType } from '../../api/schemas.js';
import { callerOf, type RequestContext } from '../context.js';
import { isRecord } from '../json-object.js';
import type { StoredProject } from '../model.js';
import { buildProject, projectInput, projectInputProblems } from '../projects.js';
import { findRegion, REGIONS } from '../regions.js';
import { ok, serverlessError } from '../reply.js';
import { HEX } from '../rng.js';
import { newSecret, randomId } from '../secrets.js';
import { one, type Route } from '../router.js';
import { projectWire } from '../wire.js';

type R = Route<RequestContext>;
const sls = { dialect: 'serverless', auth: 'cloud' } as const;

function typeOf(raw: string): ProjectType {
  const type = one(raw);
  if (!isProjectType(type)) throw serverlessError(404, 'root.not_found', `unknown project type ${type}`);
  return type;
}

function projectOf(ctx: RequestContext, rawType: string, rawId: string): StoredProject {
  const type = typeOf(rawType);
  const id = one(rawId);
  const project = ctx.core.data.projects.find((p) => p.id === id && p.type === type);
  if (!project) throw serverlessError(404, 'project.not_found', `${type} project ${id} not found`);
  return project;
}

/** A weak validator that changes whenever the answer would. */
const etagOf = (value: unknown) => `"${Buffer.from(JSON.stringify(value)).toString('base64url').slice(-27)}"`;

export const serverlessRoutes: readonly R[] = [
  {
    ...sls,
    method: 'GET',
    pattern: '/api/v1/serverless/projects/:type',
    handle: (ctx, { type }) => {
      const t = typeOf(type!);
      const { data, baseUrl } = ctx.core;
      return ok({ items: data.projects.filter((p) => p.type === t).map((p) => projectWire(p, data, baseUrl)) });
    },
  },
  {
    ...sls,
    method: 'POST',
    pattern: '/api/v1/serverless/projects/:type',
    handle: (ctx, { type }) => {
      const t = typeOf(type!);
      const caller = callerOf(ctx);
      if (!caller.owner)
        throw serverlessError(403, 'root.forbidden', 'creating projects requires an Organization owner key');
      const project = createProject(ctx, t, ctx.body, caller.key.user_id);
      return ok(
        {
          ...projectWire(project, ctx.core.data, ctx.core.baseUrl),
          credentials: { username: 'admin', password: newSecret() },
        },
        201,
      );
    },
  },
  {
    ...sls,
    method: 'GET',
    pattern: '/api/v1/serverless/projects/:type/:id',
    handle: (ctx, { type, id }) => {
      const body = projectWire(projectOf(ctx, type!, id!), ctx.core.data, ctx.core.baseUrl);
      return ok(body, 200, { etag: etagOf(body) });
    },
  },
  {
    ...sls,
    method: 'GET',
    pattern: '/api/v1/serverless/projects/:type/:id/roles',
    handle: (ctx, { type, id }) => {
      const project = projectOf(ctx, type!, id!);
      const roles = Object.entries(ctx.core.data.customRoles[project.id] ?? {}).map(([name, role]) => ({
        name,
        description: role.description ?? '',
      }));
      const body = { [project.id]: { roles } };
      return ok(body, 200, { etag: etagOf(body) });
    },
  },
  {
    ...sls,
    method: 'GET',
    pattern: '/api/v1/serverless/projects/:type/:id/status',
    handle: (ctx, { type, id }) =>
      ok({ phase: 'initialized', phase_change_timestamp: projectOf(ctx, type!, id!).created_at }),
  },
  {
    ...sls,
    method: 'GET',
    pattern: '/api/v1/serverless/regions',
    handle: () => ok(REGIONS),
  },
  {
    ...sls,
    method: 'GET',
    pattern: '/api/v1/serverless/regions/:id',
    handle: (_ctx, { id }) => {
      const region = findRegion(one(id!));
      if (!region) throw serverlessError(404, 'region.not_found', `region ${one(id!)} not found`);
      return ok(region);
    },
  },
];

/** Validates a create body and adds the project; shared with the control route. */
export function createProject(ctx: RequestContext, type: ProjectType, body: unknown, createdBy: string): StoredProject {
  if (!isRecord(body))
    throw serverlessError(400, 'root.invalid_data', 'the body must be a JSON object with name and region_id');
  const problems = projectInputProblems(type, body);
  if (problems.length > 0) throw serverlessError(400, 'root.invalid_data', problems.join('; '));
  const { data, clock } = ctx.core;
  const project = buildProject(
    type,
    projectInput(body),
    { id: randomId(32, HEX), suffix: randomId(6, HEX) },
    createdBy,
    clock.now(),
  );
  data.projects.push(project);
  return project;
}
