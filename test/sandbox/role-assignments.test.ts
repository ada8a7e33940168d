import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { cloudErrorCode } from './answers.js';
import { withSandbox, call, cloudClient, failure, members, projectNamed } from './helpers.js';

let sb: RunningSandbox;
withSandbox('each', (started) => {
  sb = started;
});

const roleless = async (): Promise<Member> =>
  (await members(sb)).find((m) => Object.keys(m.role_assignments ?? {}).length === 0)!;
const rolesOf = async (userId: string) => (await members(sb)).find((m) => m.user_id === userId)!.role_assignments;

describe('adding role assignments', () => {
  it('stores bare project ids in wire form and fills a missing organization_id', async () => {
    const user = await roleless();
    const soc = await projectNamed(sb, 'soc-main');
    const answer = await call(sb, 'POST', `/api/v1/users/${user.user_id}/role_assignments`, {
      body: {
        organization: [{ role_id: 'billing-admin' }],
        project: {
          security: [{ role_id: 't1_analyst', all: false, project_ids: [soc.id] }],
          elasticsearch: [],
          observability: [],
        },
      },
    });
    expect([answer.status, answer.json]).toEqual([200, {}]);
    expect(await rolesOf(user.user_id)).toEqual({
      organization: [{ role_id: 'billing-admin', organization_id: sb.organizationId }],
      project: {
        security: [
          { role_id: 'security-t1-analyst', organization_id: sb.organizationId, all: false, project_ids: [soc.id] },
        ],
      },
    });
  });

  it('adds to what is there and does not duplicate an identical entry', async () => {
    const user = await roleless();
    const body = {
      project: {
        elasticsearch: [{ role_id: 'elasticsearch-developer', organization_id: sb.organizationId, all: true }],
      },
    };
    await cloudClient(sb).addRoleAssignments(user.user_id, body);
    await cloudClient(sb).addRoleAssignments(user.user_id, body);
    await cloudClient(sb).addRoleAssignments(user.user_id, {
      organization: [{ role_id: 'billing-admin', organization_id: sb.organizationId }],
    });
    const roles = await rolesOf(user.user_id);
    expect(roles?.project?.elasticsearch).toHaveLength(1);
    expect(roles?.organization).toHaveLength(1);
  });

  it.each([
    ['a role of another project type', { project: { elasticsearch: [{ role_id: 't1_analyst', all: true }] } }],
    ['an unknown organization role', { organization: [{ role_id: 'organization-viewer' }] }],
    ['all together with ids', { project: { elasticsearch: [{ role_id: 'viewer', all: true, project_ids: ['x'] }] } }],
    ['neither all nor ids', { project: { elasticsearch: [{ role_id: 'viewer' }] } }],
    [
      'all false with an empty id list',
      { project: { elasticsearch: [{ role_id: 'viewer', all: false, project_ids: [] }] } },
    ],
    [
      'an unknown project',
      { project: { elasticsearch: [{ role_id: 'viewer', all: false, project_ids: ['0'.repeat(32)] }] } },
    ],
    ['another organization', { organization: [{ role_id: 'billing-admin', organization_id: '1' }] }],
    ['an unknown project type', { project: { search: [{ role_id: 'viewer', all: true }] } }],
    [
      'a malformed application role',
      { project: { elasticsearch: [{ role_id: 'viewer', all: true, application_roles: ['-bad'] }] } },
    ],
  ])('refuses %s with 400 role_assignments.invalid_role', async (_what, body) => {
    const user = await roleless();
    const answer = await call(sb, 'POST', `/api/v1/users/${user.user_id}/role_assignments`, { body });
    expect([answer.status, cloudErrorCode(answer)]).toEqual([400, 'role_assignments.invalid_role']);
    expect(await rolesOf(user.user_id)).toEqual({});
  });

  it('refuses a project id listed under the wrong type', async () => {
    const obs = await projectNamed(sb, 'obs-prod');
    const user = await roleless();
    const error = await failure(
      cloudClient(sb).addRoleAssignments(user.user_id, {
        project: {
          elasticsearch: [
            { role_id: 'elasticsearch-viewer', organization_id: sb.organizationId, all: false, project_ids: [obs.id] },
          ],
        },
      }),
    );
    expect([error.status, error.code]).toEqual([400, 'role_assignments.invalid_role']);
  });

  it('answers 400 role_assignments.invalid_target_user_id for a non-member', async () => {
    const error = await failure(cloudClient(sb).addRoleAssignments('123', {}));
    expect([error.status, error.code]).toEqual([400, 'role_assignments.invalid_target_user_id']);
  });

  it('lets only owner keys change roles (403 role_assignments.unauthorized_role_assignments)', async () => {
    const user = await roleless();
    const error = await failure(
      cloudClient(sb, sb.viewerKey).addRoleAssignments(user.user_id, {
        organization: [{ role_id: 'organization-admin', organization_id: sb.organizationId }],
      }),
    );
    expect([error.status, error.code]).toEqual([403, 'role_assignments.unauthorized_role_assignments']);
    expect(await rolesOf(user.user_id)).toEqual({});
  });
});

describe('removing role assignments', () => {
  it('removes exactly the listed entry and leaves the rest', async () => {
    const prod = await projectNamed(sb, 'search-prod');
    // The seeded over-grant: a custom role and developer on search-prod.
    const overGranted = (await members(sb)).find((m) =>
      m.role_assignments?.project?.elasticsearch?.some((e) => e.application_roles?.includes('dashboard-reader')),
    )!;
    await cloudClient(sb).removeRoleAssignments(overGranted.user_id, {
      project: {
        elasticsearch: [
          { role_id: 'developer', organization_id: sb.organizationId, all: false, project_ids: [prod.id] },
        ],
      },
    });
    expect((await rolesOf(overGranted.user_id))?.project?.elasticsearch).toEqual([
      {
        role_id: 'elasticsearch-viewer',
        organization_id: sb.organizationId,
        all: false,
        project_ids: [prod.id],
        application_roles: ['dashboard-reader'],
      },
    ]);
  });

  it('takes one project out of a multi-project grant', async () => {
    const user = await roleless();
    const [a, b] = [await projectNamed(sb, 'search-prod'), await projectNamed(sb, 'search-staging')];
    const grant = (ids: string[]) => ({
      project: {
        elasticsearch: [
          { role_id: 'elasticsearch-viewer', organization_id: sb.organizationId, all: false, project_ids: ids },
        ],
      },
    });
    await cloudClient(sb).addRoleAssignments(user.user_id, grant([a.id, b.id]));
    await cloudClient(sb).removeRoleAssignments(user.user_id, grant([a.id]));
    expect((await rolesOf(user.user_id))?.project?.elasticsearch?.[0]?.project_ids).toEqual([b.id]);
  });

  it('does not remove a grant whose application_roles differ', async () => {
    const user = await roleless();
    const prod = await projectNamed(sb, 'search-prod');
    const entry = {
      role_id: 'elasticsearch-viewer',
      organization_id: sb.organizationId,
      all: false,
      project_ids: [prod.id],
    };
    await cloudClient(sb).addRoleAssignments(user.user_id, {
      project: { elasticsearch: [{ ...entry, application_roles: ['marketing-reader'] }] },
    });
    await cloudClient(sb).removeRoleAssignments(user.user_id, { project: { elasticsearch: [entry] } });
    expect((await rolesOf(user.user_id))?.project?.elasticsearch).toHaveLength(1);
  });

  it('needs an owner key to remove, too', async () => {
    const owner = (await members(sb)).find((m) =>
      m.role_assignments?.organization?.some((o) => o.role_id === 'organization-admin'),
    )!;
    const answer = await call(sb, 'DELETE', `/api/v1/users/${owner.user_id}/role_assignments`, {
      key: sb.viewerKey,
      body: { organization: [{ role_id: 'organization-admin' }] },
    });
    expect([answer.status, cloudErrorCode(answer)]).toEqual([403, 'role_assignments.unauthorized_role_assignments']);
  });
});
