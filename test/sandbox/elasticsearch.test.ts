import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Project, RoleMap } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { anyOf } from '../support/matchers.js';
import { control, esErrorType } from './answers.js';
import { withSandbox, call, cloudClient, esClient, failure, makeKey, projectNamed } from './helpers.js';

let sb: RunningSandbox;
let prod: Project;
let staging: Project;
withSandbox('each', async (started) => {
  sb = started;
  prod = await projectNamed(sb, 'search-prod');
  staging = await projectNamed(sb, 'search-staging');
});

const es = (project: Project, path: string) => `/_es/${project.id}${path}`;
/** The ES error body with the `root_cause` list the sandbox sends beside `type` (src/sandbox/reply.ts). */
const EsErrorWithCause = z.looseObject({
  error: z.looseObject({ type: z.string(), root_cause: z.array(z.looseObject({ type: z.string() })) }),
});
const BuiltinPrivileges = z.looseObject({ cluster: z.array(z.string()), index: z.array(z.string()) });
const READER = {
  cluster: [],
  indices: [{ names: ['sales-*'], privileges: ['read', 'view_index_metadata'] }],
  description: 'sales',
};

describe('role API with the sandbox owner key (project-scoped admin on every project)', () => {
  it('lists predefined roles as reserved and custom roles without the marker', async () => {
    const roles = await esClient(sb, prod).listRoles();
    expect(roles.admin?.metadata._reserved).toBe(true);
    expect(roles.developer?.metadata._reserved).toBe(true);
    expect(roles['marketing-reader']?.metadata._reserved).toBeUndefined();
    expect(roles.t1_analyst).toBeUndefined(); // a Security role, not in a search project
  });

  it('creates, updates, reads and deletes a custom role through the ES client', async () => {
    const client = esClient(sb, prod);
    expect(await client.putRole('sales-reader', READER)).toEqual({ role: { created: true } });
    expect(await client.putRole('sales-reader', { ...READER, description: 'v2' })).toEqual({
      role: { created: false },
    });
    const role = await client.getRole('sales-reader');
    expect(role).toEqual({
      cluster: [],
      indices: [{ names: ['sales-*'], privileges: ['read', 'view_index_metadata'] }],
      applications: [],
      metadata: {},
      run_as: [],
      transient_metadata: { enabled: true },
      description: 'v2',
    });
    expect((await cloudClient(sb).getProjectRoles('elasticsearch', prod.id)).map((r) => r.name)).toContain(
      'sales-reader',
    );
    expect(await client.deleteRole('sales-reader')).toBe(true);
    expect(await client.getRole('sales-reader')).toBeUndefined();
    expect(await client.deleteRole('sales-reader')).toBe(false);
  });

  it('answers GET of missing roles with 404 {} and DELETE with 404 {"found":false}', async () => {
    const missing = await call(sb, 'GET', es(prod, '/_security/role/nope'));
    expect([missing.status, missing.json]).toEqual([404, {}]);
    const gone = await call(sb, 'DELETE', es(prod, '/_security/role/nope'));
    expect([gone.status, gone.json]).toEqual([404, { found: false }]);
    const some = await call(sb, 'GET', es(prod, '/_security/role/nope,marketing-reader'));
    expect(Object.keys(some.as(RoleMap))).toEqual(['marketing-reader']);
  });

  it('stores a DLS query object as JSON text and accepts POST like PUT', async () => {
    const body = { indices: [{ names: 'logs-*', privileges: ['read'], query: { term: { team: 'a' } } }] };
    expect((await call(sb, 'POST', es(prod, '/_security/role/dls'), { body })).json).toEqual({
      role: { created: true },
    });
    const role = (await call(sb, 'GET', es(prod, '/_security/role/dls'))).as(RoleMap).dls;
    expect(role?.indices[0]).toEqual({ names: ['logs-*'], privileges: ['read'], query: '{"term":{"team":"a"}}' });
  });

  it.each([
    ['bad name', '-bad', READER, 'action_request_validation_exception'],
    ['reserved name', 'admin', READER, 'action_request_validation_exception'],
    ['reserved name in another case', 'Viewer', READER, 'action_request_validation_exception'],
    ['run_as', 'r1', { run_as: ['someone'] }, 'action_request_validation_exception'],
    ['stack-only privilege', 'r2', { cluster: ['manage_ilm'] }, 'illegal_argument_exception'],
    ['stack-only field', 'r3', { global: {} }, 'illegal_argument_exception'],
    ['unknown field', 'r4', { clusterr: [] }, 'illegal_argument_exception'],
  ])('refuses a %s with 400 %s', async (_what, name, body, type) => {
    const answer = await call(sb, 'PUT', es(prod, `/_security/role/${name}`), { body });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: 400, error: { type, reason: anyOf(String) } });
    expect(answer.as(EsErrorWithCause).error.root_cause[0]?.type).toBe(type);
  });

  it('refuses PUT without a body and deleting a predefined role', async () => {
    expect((await call(sb, 'PUT', es(prod, '/_security/role/empty'))).status).toBe(400);
    const answer = await call(sb, 'DELETE', es(prod, '/_security/role/admin'));
    expect([answer.status, esErrorType(answer)]).toEqual([400, 'illegal_argument_exception']);
  });

  it('authenticates as an API key and names the roles it holds there', async () => {
    const me = await esClient(sb, prod).authenticate();
    expect(me).toEqual(
      expect.objectContaining({
        roles: ['admin'],
        authentication_type: 'api_key',
        api_key: { id: sb.ownerKeyId, name: 'ec-access sandbox (owner)', managed_by: 'cloud' },
      }),
    );
  });

  it('lists the Serverless builtin privileges', async () => {
    const builtin = (await call(sb, 'GET', es(prod, '/_security/privilege/_builtin'))).as(BuiltinPrivileges);
    expect(builtin.cluster).toContain('manage_security');
    expect(builtin.cluster).not.toContain('manage_ilm');
    expect(builtin.index).toContain('read');
  });

  it('sends X-Elastic-Product and answers unknown paths in ES form', async () => {
    const answer = await call(sb, 'GET', es(prod, '/_security/role'));
    expect(answer.headers.get('x-elastic-product')).toBe('Elasticsearch');
    expect(esErrorType(await call(sb, 'GET', es(prod, '/_cat/indices')))).toBe('resource_not_found_exception');
  });
});

describe('who may reach a project', () => {
  it('401 security_exception without a valid key', async () => {
    const answer = await call(sb, 'GET', es(prod, '/_security/_authenticate'), { key: null });
    expect([answer.status, esErrorType(answer)]).toEqual([401, 'security_exception']);
    expect(answer.headers.get('www-authenticate')).toContain('ApiKey');
  });

  it('403 for a Cloud-only key: role_id alone grants no stack access', async () => {
    const { key } = await makeKey(sb, { project: { elasticsearch: [{ role_id: 'elasticsearch-admin', all: true }] } });
    const error = await failure(esClient(sb, prod, key).authenticate());
    expect([error.status, error.code]).toEqual([403, 'security_exception']);
  });

  it('403 outside the projects an assignment names', async () => {
    const { key } = await makeKey(sb, {
      project: {
        elasticsearch: [{ role_id: 'admin', all: false, project_ids: [prod.id], application_roles: ['admin'] }],
      },
    });
    expect((await esClient(sb, prod, key).authenticate()).roles).toEqual(['admin']);
    expect((await failure(esClient(sb, staging, key).authenticate())).status).toBe(403);
  });

  it('a custom role missing in a covered project grants nothing there', async () => {
    const { key } = await makeKey(sb, {
      project: { elasticsearch: [{ role_id: 'viewer', all: true, application_roles: ['marketing-reader'] }] },
    });
    expect((await esClient(sb, prod, key).authenticate()).roles).toEqual(['marketing-reader']);
    expect((await failure(esClient(sb, staging, key).authenticate())).status).toBe(403);
  });

  it('an org-scoped grant covers projects created later', async () => {
    const { key } = await makeKey(sb, {
      organization: [{ role_id: 'organization-admin', application_roles: ['viewer'] }],
    });
    const project = (await control(sb, 'POST', '/projects', { type: 'security', name: 'later' })).as(Project);
    expect((await esClient(sb, project, key).authenticate()).roles).toEqual(['viewer']);
  });

  it('reading roles needs read_security and writing them manage_security: viewer and developer get 403', async () => {
    expect((await esClient(sb, prod, sb.viewerKey).authenticate()).roles).toEqual(['viewer']);
    const read = await failure(esClient(sb, prod, sb.viewerKey).listRoles());
    expect([read.status, read.code]).toEqual([403, 'security_exception']);
    const { key } = await makeKey(sb, {
      project: { elasticsearch: [{ role_id: 'developer', all: true, application_roles: ['developer'] }] },
    });
    expect((await failure(esClient(sb, prod, key).putRole('x', READER))).status).toBe(403);
  });

  it('a custom role with manage_security may manage roles', async () => {
    await esClient(sb, prod).putRole('role-admin', { cluster: ['manage_security'] });
    const { key } = await makeKey(sb, {
      project: {
        elasticsearch: [{ role_id: 'viewer', all: false, project_ids: [prod.id], application_roles: ['role-admin'] }],
      },
    });
    expect(await esClient(sb, prod, key).putRole('made-by-custom', READER)).toEqual({ role: { created: true } });
  });

  it('404 for a project that does not exist', async () => {
    const answer = await call(sb, 'GET', `/_es/${'0'.repeat(32)}/_security/_authenticate`);
    expect(answer.status).toBe(404);
  });
});
