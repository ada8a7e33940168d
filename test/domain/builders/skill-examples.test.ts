/**
 * Every example of access-management-SKILL.md (and its api-reference.md) normalized to the body we send, with
 * `$ORG_ID` / `$PROJECT_ID` replaced as the skill instructs. Leaving a placeholder in is reported, never sent.
 */
import { describe, expect, it } from 'vitest';
import {
  buildAddRoleAssignments,
  buildCreateApiKey,
  buildCustomRoleAssignment,
  buildInvitation,
  buildPutRole,
  normalizeRoleAssignmentsInput,
} from '../../../src/domain/builders/index.js';

const ORG = '1234567890';
const PROJECT = 'c6a3b4e0f1d24a8b9c0d1e2f3a4b5c6d';
const USER = '987654321';
const fill = (json: string) => json.replaceAll('$ORG_ID', ORG).replaceAll('$PROJECT_ID', PROJECT);

describe('skill: create-api-key examples', () => {
  it('project-scoped key with developer ES access (--stack-access developer)', () => {
    const result = buildCreateApiKey({
      orgId: ORG,
      description: 'CI pipeline - ES ingest',
      expiration: '30d',
      rawRoleAssignments: fill(
        '{"project":{"elasticsearch":[{"role_id":"developer","organization_id":"$ORG_ID","all":true}]}}',
      ),
      stackAccess: ['developer'],
    });
    expect(result).toMatchObject({
      ok: true,
      cloudOnly: false,
      orgScopedStackAccess: false,
      warnings: [],
      body: {
        description: 'CI pipeline - ES ingest',
        expiration: '30d',
        role_assignments: {
          project: {
            elasticsearch: [
              { role_id: 'elasticsearch-developer', organization_id: ORG, all: true, application_roles: ['developer'] },
            ],
          },
        },
      },
      request: { method: 'POST', path: '/users/auth/keys', target: { service: 'cloud' } },
    });
  });

  it('organization-scoped key with admin ES access, once organization scope is chosen', () => {
    const input = {
      orgId: ORG,
      description: 'Platform automation',
      expiration: '7d',
      rawRoleAssignments: fill('{"organization":[{"role_id":"organization-admin","organization_id":"$ORG_ID"}]}'),
      stackAccess: ['admin'],
    };
    expect(buildCreateApiKey(input)).toEqual({
      ok: false,
      issues: [
        {
          path: 'stackAccess',
          message:
            'no project assignment to give stack access on: add one (e.g. all elasticsearch projects), or choose organization scope to reach every current and future project',
        },
      ],
    });
    const result = buildCreateApiKey({ ...input, stackAccessScope: 'organization' });
    expect(result).toMatchObject({
      ok: true,
      orgScopedStackAccess: true,
      cloudOnly: false,
      body: {
        expiration: '7d',
        role_assignments: {
          organization: [{ role_id: 'organization-admin', organization_id: ORG, application_roles: ['admin'] }],
        },
      },
      warnings: [
        'Organization-scoped application_roles [admin]: the key reaches Elasticsearch and Kibana on every project, including projects created later.',
      ],
    });
  });

  it('project-scoped key with a custom role (raw JSON)', () => {
    const result = buildCreateApiKey({
      orgId: ORG,
      description: 'Marketing ETL',
      expiration: '14d',
      rawRoleAssignments: fill(
        '{"project":{"elasticsearch":[{"role_id":"elasticsearch-viewer","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"],"application_roles":["marketing-writer"]}]}}',
      ),
    });
    expect(result).toMatchObject({
      ok: true,
      cloudOnly: false,
      body: {
        expiration: '14d',
        role_assignments: {
          project: {
            elasticsearch: [
              {
                role_id: 'elasticsearch-viewer',
                organization_id: ORG,
                all: false,
                project_ids: [PROJECT],
                application_roles: ['marketing-writer'],
              },
            ],
          },
        },
      },
    });
  });

  it('CI/CD key with editor access to all deployments (no organization_id in the example)', () => {
    const result = buildCreateApiKey({
      orgId: ORG,
      description: 'CI/CD pipeline',
      expiration: '30d',
      rawRoleAssignments: '{"deployment":[{"role_id":"deployment-editor","all":true}]}',
    });
    expect(result).toMatchObject({
      ok: true,
      cloudOnly: true,
      body: { role_assignments: { deployment: [{ role_id: 'deployment-editor', organization_id: ORG, all: true }] } },
    });
  });

  it('api-reference: org-scoped key with explicit application_roles', () => {
    const result = buildCreateApiKey({
      orgId: ORG,
      description: 'Platform automation key',
      expiration: '7d',
      rawRoleAssignments: {
        organization: [{ role_id: 'organization-admin', organization_id: ORG, application_roles: ['admin'] }],
      },
    });
    expect(result).toMatchObject({
      ok: true,
      orgScopedStackAccess: true,
      body: { role_assignments: { organization: [{ application_roles: ['admin'] }] } },
    });
  });

  it('reports placeholders left in the JSON', () => {
    const result = buildCreateApiKey({
      orgId: ORG,
      description: 'Marketing ETL',
      rawRoleAssignments:
        '{"project":{"elasticsearch":[{"role_id":"elasticsearch-viewer","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"],"application_roles":["marketing-writer"]}]}}',
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'rawRoleAssignments.project.elasticsearch[0].organization_id',
          message: `"$ORG_ID" is a placeholder: put the organization id (${ORG}) here, or leave the field out`,
        },
        {
          path: 'rawRoleAssignments.project.elasticsearch[0].project_ids[0]',
          message: '"$PROJECT_ID" is a placeholder: put the real project id here',
        },
      ],
    });
  });
});

describe('skill: invite-user examples', () => {
  it('viewer on a search project', () => {
    const result = buildInvitation({
      orgId: ORG,
      emails: ['alice@example.com'],
      rawRoleAssignments: fill(
        '{"project":{"elasticsearch":[{"role_id":"viewer","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"]}]}}',
      ),
    });
    expect(result).toMatchObject({
      ok: true,
      body: {
        emails: ['alice@example.com'],
        role_assignments: {
          project: {
            elasticsearch: [
              { role_id: 'elasticsearch-viewer', organization_id: ORG, all: false, project_ids: [PROJECT] },
            ],
          },
        },
      },
      request: { method: 'POST', path: `/organizations/${ORG}/invitations` },
    });
  });

  it('bob with no project roles (custom-role onboarding)', () => {
    const result = buildInvitation({ orgId: ORG, emails: ['bob@example.com'] });
    expect(result).toMatchObject({ ok: true, body: { emails: ['bob@example.com'] }, warnings: [] });
    expect(result.ok && result.body).toEqual({ emails: ['bob@example.com'] });
  });

  it('api-reference: two emails, 3d, billing admin without organization_id, all deployments', () => {
    const result = buildInvitation({
      orgId: ORG,
      emails: ['alice@example.com', 'bob@example.com'],
      expiresIn: '3d',
      rawRoleAssignments: {
        organization: [{ role_id: 'billing-admin' }],
        deployment: [{ role_id: 'deployment-viewer', organization_id: ORG, all: true }],
      },
    });
    expect(result.ok && result.body).toEqual({
      emails: ['alice@example.com', 'bob@example.com'],
      expires_in: '3d',
      role_assignments: {
        organization: [{ role_id: 'billing-admin', organization_id: ORG }],
        deployment: [{ role_id: 'deployment-viewer', organization_id: ORG, all: true }],
      },
    });
  });
});

describe('skill: assign-role and assign-custom-role examples', () => {
  it('promote Bob to admin on an observability project', () => {
    const result = buildAddRoleAssignments({
      userId: USER,
      orgId: ORG,
      rawRoleAssignments: fill(
        '{"project":{"observability":[{"role_id":"admin","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"]}]}}',
      ),
    });
    expect(result).toMatchObject({
      ok: true,
      request: { method: 'POST', path: `/users/${USER}/role_assignments` },
      body: {
        project: {
          observability: [{ role_id: 'observability-admin', organization_id: ORG, all: false, project_ids: [PROJECT] }],
        },
      },
    });
  });

  it('api-reference: owner, all deployments, admin on one project, empty type lists dropped', () => {
    const result = normalizeRoleAssignmentsInput(
      {
        organization: [{ role_id: 'organization-admin' }],
        deployment: [{ role_id: 'deployment-editor', organization_id: ORG, all: true }],
        project: {
          elasticsearch: [{ role_id: 'admin', organization_id: ORG, all: false, project_ids: ['project-uuid-here'] }],
          observability: [],
          security: [],
        },
      },
      ORG,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        organization: [{ role_id: 'organization-admin', organization_id: ORG }],
        deployment: [{ role_id: 'deployment-editor', organization_id: ORG, all: true }],
        project: {
          elasticsearch: [
            { role_id: 'elasticsearch-admin', organization_id: ORG, all: false, project_ids: ['project-uuid-here'] },
          ],
        },
      },
    });
  });

  it('assign-custom-role dashboard-reader', () => {
    const result = buildCustomRoleAssignment({
      userId: USER,
      orgId: ORG,
      type: 'elasticsearch',
      projectIds: [PROJECT],
      roleName: 'dashboard-reader',
    });
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      body: {
        project: {
          elasticsearch: [
            {
              role_id: 'elasticsearch-viewer',
              organization_id: ORG,
              all: false,
              project_ids: [PROJECT],
              application_roles: ['dashboard-reader'],
            },
          ],
        },
      },
    });
  });
});

describe('skill: create-custom-role examples', () => {
  it.each([
    [
      'marketing-analyst',
      { cluster: [], indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }] },
    ],
    [
      'marketing-reader',
      { cluster: [], indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }] },
    ],
    [
      'dashboard-reader',
      {
        cluster: [],
        indices: [],
        applications: [{ application: 'kibana-.kibana', privileges: ['feature_dashboard.read'], resources: ['*'] }],
      },
    ],
  ])('%s', (name, descriptor) => {
    const result = buildPutRole({ projectId: PROJECT, name, descriptor });
    expect(result).toMatchObject({
      ok: true,
      body: descriptor,
      request: {
        method: 'PUT',
        path: `/_security/role/${name}`,
        target: { service: 'es', projectId: PROJECT },
        body: descriptor,
      },
    });
  });
});
