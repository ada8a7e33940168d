import { describe, expect, it } from 'vitest';
import { stringMatching } from '../../support/matchers.js';
import {
  buildAddRoleAssignments,
  buildPutRole,
  normalizeRoleAssignmentsInput,
} from '../../../src/domain/builders/index.js';

const ORG = 'org-1';

describe('normalizeRoleAssignmentsInput', () => {
  it('expands short and underscored project role ids', () => {
    expect(
      normalizeRoleAssignmentsInput(
        {
          project: {
            security: [
              { role_id: 't1_analyst', all: true },
              { role_id: 'SOC_MANAGER', project_ids: ['s1'] },
            ],
            elasticsearch: [
              {
                role_id: 'elasticsearch-viewer',
                organization_id: ORG,
                all: false,
                project_ids: ['p1', 'p1'],
                application_roles: ['reader', 'reader'],
              },
            ],
          },
        },
        ORG,
      ),
    ).toEqual({
      ok: true,
      value: {
        project: {
          elasticsearch: [
            {
              role_id: 'elasticsearch-viewer',
              organization_id: ORG,
              all: false,
              project_ids: ['p1'],
              application_roles: ['reader'],
            },
          ],
          security: [
            { role_id: 'security-t1-analyst', organization_id: ORG, all: true },
            { role_id: 'security-soc-manager', organization_id: ORG, all: false, project_ids: ['s1'] },
          ],
        },
      },
    });
  });

  it('reports JSON and shape errors with paths', () => {
    expect(normalizeRoleAssignmentsInput('{"project":', ORG)).toEqual({
      ok: false,
      issues: [{ path: '', message: stringMatching(/^not valid JSON: /) }],
    });
    expect(normalizeRoleAssignmentsInput([], ORG)).toEqual({
      ok: false,
      issues: [{ path: '', message: 'expected an object, got a list' }],
    });
    expect(
      normalizeRoleAssignmentsInput(
        {
          platform: [{ role_id: 'platform-admin' }],
          project: { workplaceai: [], elasticsearch: [{ role_id: 'viewer', all: 'yes', projects_ids: ['p1'] }] },
          deployment: [{ all: true }],
        },
        ORG,
      ),
    ).toEqual({
      ok: false,
      issues: [
        { path: 'deployment[0].role_id', message: 'is required' },
        { path: 'project.elasticsearch[0].all', message: 'expected true or false, got a string' },
        { path: 'project.elasticsearch[0]', message: 'unknown field "projects_ids"' },
        { path: 'project', message: 'unknown field "workplaceai"' },
        { path: '', message: 'unknown field "platform"' },
      ],
    });
  });

  it('reports placeholders and a foreign organization', () => {
    expect(
      normalizeRoleAssignmentsInput(
        {
          organization: [{ role_id: 'billing-admin', organization_id: '<org-id>' }],
          deployment: [{ role_id: 'deployment-admin', organization_id: 'org-2', all: true }],
          project: { observability: [{ role_id: 'editor', all: false, project_ids: ['${PROJECT_ID}'] }] },
        },
        ORG,
      ),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'organization[0].organization_id',
          message: '"<org-id>" is a placeholder: put the organization id (org-1) here, or leave the field out',
        },
        { path: 'deployment[0].organization_id', message: '"org-2" is not this organization (org-1)' },
        {
          path: 'project.observability[0].project_ids[0]',
          message: '"${PROJECT_ID}" is a placeholder: put the real project id here',
        },
      ],
    });
  });

  it('enforces all versus ids in raw entries too', () => {
    expect(
      normalizeRoleAssignmentsInput(
        { project: { elasticsearch: [{ role_id: 'admin', all: true, project_ids: ['p1'] }, { role_id: 'admin' }] } },
        ORG,
      ),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'project.elasticsearch[0].project_ids',
          message: 'must be left out when all is true (it already covers every project)',
        },
        { path: 'project.elasticsearch[1].project_ids', message: 'list at least one project id, or set all: true' },
      ],
    });
  });

  it('refuses org-wide application roles when the caller says so (members)', () => {
    expect(
      buildAddRoleAssignments({
        userId: 'u',
        orgId: ORG,
        rawRoleAssignments: { organization: [{ role_id: 'organization-admin', application_roles: ['admin'] }] },
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'rawRoleAssignments.organization[0].application_roles',
          message: 'organization-wide application roles are documented for API keys only; give them on project entries',
        },
      ],
    });
  });
});

describe('buildPutRole', () => {
  it('reports the name and the descriptor together', () => {
    expect(
      buildPutRole({ projectId: '', name: 'admin', descriptor: { cluster: ['manage_ilm'], run_as: ['x'] } }),
    ).toEqual({
      ok: false,
      issues: [
        { path: 'projectId', message: 'is required' },
        { path: 'name', message: '"admin" is the name of a predefined role; choose another name' },
        { path: 'cluster[0]', message: '"manage_ilm" is not available on Serverless (stack only)' },
        { path: 'run_as', message: 'run-as is disabled on Serverless; only an empty list [] is accepted' },
      ],
    });
  });

  it('encodes the name in the path and sends the validated descriptor', () => {
    const result = buildPutRole({
      projectId: 'p1',
      name: 'team.reader_v2',
      descriptor: { indices: [{ names: 'logs-*', privileges: ['read'] }] },
    });
    expect(result).toEqual({
      ok: true,
      warnings: [],
      body: { indices: [{ names: 'logs-*', privileges: ['read'] }] },
      request: {
        method: 'PUT',
        path: '/_security/role/team.reader_v2',
        body: { indices: [{ names: 'logs-*', privileges: ['read'] }] },
        target: { service: 'es', projectId: 'p1' },
        summary: 'create or update role team.reader_v2',
      },
    });
  });
});
