import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_TYPES, type ProjectType } from '../../../src/api/schemas.js';
import { flattenAssignments } from '../../../src/domain/assignments.js';
import { predefinedStackRoles } from '../../../src/domain/catalog.js';
import {
  buildAddRoleAssignments,
  buildCustomRoleAssignment,
  buildRemoveCustomRoleAssignment,
  buildRemoveRoleAssignments,
  type AssignmentInput,
} from '../../../src/domain/builders/index.js';

const ORG = 'org-1';
const USER = 'user-1';

describe('buildAddRoleAssignments / buildRemoveRoleAssignments', () => {
  const assignments: AssignmentInput[] = [
    { scope: 'organization', roleId: 'billing-admin' },
    { scope: 'deployment', roleId: 'deployment-viewer', deploymentIds: ['d1', 'd1', 'd2'] },
    { scope: 'project', type: 'elasticsearch', roleId: 'admin', all: true },
    { scope: 'project', type: 'security', roleId: 'security-soc-manager', projectIds: ['s1'] },
  ];
  const body = {
    organization: [{ role_id: 'billing-admin', organization_id: ORG }],
    deployment: [{ role_id: 'deployment-viewer', organization_id: ORG, all: false, deployment_ids: ['d1', 'd2'] }],
    project: {
      elasticsearch: [{ role_id: 'elasticsearch-admin', organization_id: ORG, all: true }],
      security: [{ role_id: 'security-soc-manager', organization_id: ORG, all: false, project_ids: ['s1'] }],
    },
  };

  it('POSTs the wire body for an add', () => {
    expect(buildAddRoleAssignments({ userId: USER, orgId: ORG, assignments })).toEqual({
      ok: true,
      body,
      warnings: [],
      request: {
        method: 'POST',
        path: `/users/${USER}/role_assignments`,
        body,
        target: { service: 'cloud' },
        summary: `add role assignments to ${USER}`,
      },
    });
  });

  it('names the member in the summary as the caller knows them, the path keeping the id', () => {
    const add = buildAddRoleAssignments({ userId: USER, who: 'ada@example.com', orgId: ORG, assignments });
    const remove = buildRemoveRoleAssignments({ userId: USER, who: 'ada@example.com', orgId: ORG, assignments });
    expect(add.ok && add.request).toMatchObject({
      path: `/users/${USER}/role_assignments`,
      summary: 'add role assignments to ada@example.com',
    });
    expect(remove.ok && remove.request).toMatchObject({
      path: `/users/${USER}/role_assignments`,
      summary: 'remove role assignments from ada@example.com',
    });
  });

  it('DELETEs the same body for a removal', () => {
    const result = buildRemoveRoleAssignments({ userId: USER, orgId: ORG, assignments });
    expect(result).toMatchObject({
      ok: true,
      body,
      request: { method: 'DELETE', path: `/users/${USER}/role_assignments`, body },
    });
  });

  it('enforces the all-versus-ids rule', () => {
    expect(
      buildAddRoleAssignments({
        userId: USER,
        orgId: ORG,
        assignments: [
          { scope: 'project', type: 'elasticsearch', roleId: 'viewer', all: true, projectIds: ['p1'] },
          { scope: 'project', type: 'elasticsearch', roleId: 'viewer', projectIds: [] },
          { scope: 'deployment', roleId: 'deployment-admin', all: false },
          { scope: 'project', type: 'elasticsearch', roleId: 'viewer', projectIds: ['p1', ' '] },
        ],
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'assignments[0].projectIds',
          message: 'must be left out when all is true (it already covers every project)',
        },
        { path: 'assignments[1].projectIds', message: 'list at least one project id, or set all: true' },
        { path: 'assignments[2].deploymentIds', message: 'list at least one deployment id, or set all: true' },
        { path: 'assignments[3].projectIds[1]', message: 'must not be empty' },
      ],
    });
  });

  it('lists the valid role ids of the scope', () => {
    expect(
      buildAddRoleAssignments({
        userId: USER,
        orgId: ORG,
        assignments: [
          { scope: 'organization', roleId: 'admin' },
          { scope: 'deployment', roleId: 'viewer', all: true },
          { scope: 'project', type: 'elasticsearch', roleId: 'security-viewer', all: true },
        ],
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'assignments[0].roleId',
          message: '"admin" is not an organization role; use one of organization-admin, billing-admin',
        },
        {
          path: 'assignments[1].roleId',
          message:
            '"viewer" is not a deployment role; use one of deployment-admin, deployment-editor, deployment-viewer',
        },
        {
          path: 'assignments[2].roleId',
          message:
            '"security-viewer" is not an elasticsearch project role; use one of elasticsearch-admin, elasticsearch-developer, elasticsearch-viewer (or the short form: admin, developer, viewer)',
        },
      ],
    });
  });

  it('reports shape errors field by field', () => {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the point: shapes the type forbids
    const illTyped = [
      { scope: 'team', roleId: 'x' },
      { scope: 'project', type: 'search', roleId: 'viewer', all: true },
      { scope: 'project', type: 'elasticsearch', roleId: 'viewer', all: true, projectId: 'p1' },
    ] as unknown as AssignmentInput[];
    expect(buildAddRoleAssignments({ userId: ' ', orgId: ORG, assignments: illTyped })).toEqual({
      ok: false,
      issues: [
        { path: 'userId', message: 'is required' },
        { path: 'assignments[0].scope', message: 'must be one of "organization", "deployment", "project"' },
        { path: 'assignments[1].type', message: 'must be one of "elasticsearch", "observability", "security"' },
        { path: 'assignments[2]', message: 'unknown field "projectId"' },
      ],
    });
  });

  it('needs something to change', () => {
    expect(buildAddRoleAssignments({ userId: USER, orgId: ORG, assignments: [] })).toEqual({
      ok: false,
      issues: [{ path: 'assignments', message: 'nothing to add: give at least one role assignment' }],
    });
    expect(
      buildRemoveRoleAssignments({ userId: USER, orgId: ORG, rawRoleAssignments: { project: { security: [] } } }),
    ).toEqual({
      ok: false,
      issues: [{ path: 'rawRoleAssignments', message: 'nothing to remove: give at least one role assignment' }],
    });
  });

  it('checks application role names', () => {
    expect(
      buildAddRoleAssignments({
        userId: USER,
        orgId: ORG,
        assignments: [
          {
            scope: 'project',
            type: 'elasticsearch',
            roleId: 'viewer',
            all: true,
            applicationRoles: ['marketing reader', '<custom-role-name>'],
          },
        ],
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'assignments[0].applicationRoles[0]',
          message: 'a space at position 10 is not allowed: use only letters, digits, "_", "-" and "."',
        },
        {
          path: 'assignments[0].applicationRoles[1]',
          message: '"<custom-role-name>" is a placeholder: put a role name here',
        },
      ],
    });
  });

  it('warns about a predefined role of another project type in application_roles', () => {
    const result = buildAddRoleAssignments({
      userId: USER,
      orgId: ORG,
      assignments: [
        { scope: 'project', type: 'observability', roleId: 'viewer', all: true, applicationRoles: ['developer'] },
      ],
    });
    expect(result.ok && result.warnings).toEqual([
      'application role "developer" is not a predefined role in observability projects: it grants nothing there unless a custom role of that name exists',
    ]);
  });

  it('always emits prefixed role ids, organization_id and a consistent all/ids pair (property)', () => {
    // Arbitraries built once: regex-based ones are costly to construct inside chain().
    const ids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{4}$/), { maxLength: 3 });
    const roleOf = (type: ProjectType) =>
      fc
        .constantFrom(...predefinedStackRoles(type))
        .chain((short) => fc.constantFrom(short, `${type}-${short.replaceAll('_', '-')}`, short.toUpperCase()));
    const roles = new Map(PROJECT_TYPES.map((type) => [type, roleOf(type)]));
    const projectInput = fc
      .constantFrom(...PROJECT_TYPES)
      .chain((type: ProjectType) => fc.tuple(fc.constant(type), roles.get(type)!, ids))
      .map(([type, roleId, projectIds]): AssignmentInput =>
        projectIds.length === 0
          ? { scope: 'project', type, roleId, all: true }
          : { scope: 'project', type, roleId, projectIds },
      );
    fc.assert(
      fc.property(fc.array(projectInput, { minLength: 1, maxLength: 6 }), (inputs) => {
        const result = buildAddRoleAssignments({ userId: USER, orgId: ORG, assignments: inputs });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        for (const type of PROJECT_TYPES) {
          for (const entry of result.body.project?.[type] ?? []) {
            expect(entry.organization_id).toBe(ORG);
            expect(entry.role_id.startsWith(`${type}-`)).toBe(true);
            expect(
              entry.all === true
                ? entry.project_ids === undefined
                : entry.all === false && entry.project_ids!.length > 0,
            ).toBe(true);
          }
        }
      }),
    );
  });
});

describe('buildCustomRoleAssignment', () => {
  const input = {
    userId: USER,
    orgId: ORG,
    type: 'observability' as const,
    projectIds: ['o1', 'o2'],
    roleName: 'log-reader',
  };
  const body = {
    project: {
      observability: [
        {
          role_id: 'observability-viewer',
          organization_id: ORG,
          all: false,
          project_ids: ['o1', 'o2'],
          application_roles: ['log-reader'],
        },
      ],
    },
  };

  it("uses the type's viewer role_id plus the custom role, and nothing else", () => {
    const result = buildCustomRoleAssignment(input);
    expect(result).toMatchObject({
      ok: true,
      body,
      warnings: [],
      request: { method: 'POST', path: `/users/${USER}/role_assignments` },
    });
    expect(result.ok && flattenAssignments(result.body)).toHaveLength(1);
  });

  it('removes the same entry with DELETE', () => {
    expect(buildRemoveCustomRoleAssignment(input)).toMatchObject({
      ok: true,
      body,
      request: { method: 'DELETE', body },
    });
  });

  it('warns that the role must exist in every project when given to all', () => {
    const result = buildCustomRoleAssignment({ ...input, projectIds: undefined, all: true });
    expect(result).toMatchObject({
      ok: true,
      body: {
        project: {
          observability: [
            { role_id: 'observability-viewer', organization_id: ORG, all: true, application_roles: ['log-reader'] },
          ],
        },
      },
      warnings: [
        '"log-reader" must exist in every observability project, including ones created later; where it does not, this grants nothing',
      ],
    });
  });

  it('refuses predefined names, bad names and a missing target', () => {
    expect(buildCustomRoleAssignment({ ...input, roleName: 'viewer' })).toEqual({
      ok: false,
      issues: [{ path: 'roleName', message: '"viewer" is the name of a predefined role; choose another name' }],
    });
    expect(buildCustomRoleAssignment({ ...input, userId: '', roleName: 'log reader', projectIds: [] })).toEqual({
      ok: false,
      issues: [
        { path: 'userId', message: 'is required' },
        {
          path: 'roleName',
          message: 'a space at position 4 is not allowed: use only letters, digits, "_", "-" and "."',
        },
        { path: 'projectIds', message: 'list at least one project id, or set all: true' },
      ],
    });
  });
});
