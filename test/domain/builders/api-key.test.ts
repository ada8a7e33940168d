import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_TYPES, type ProjectType } from '../../../src/api/schemas.js';
import { flattenAssignments } from '../../../src/domain/assignments.js';
import { buildCreateApiKey, type AssignmentInput } from '../../../src/domain/builders/index.js';

const ORG = 'org-1';
const base = { orgId: ORG, description: 'CI', expiration: '30d' };

describe('buildCreateApiKey: expiration', () => {
  it('sends a checked duration in days or hours', () => {
    expect(buildCreateApiKey({ ...base, expiration: '3mo' })).toMatchObject({ ok: true, body: { expiration: '90d' } });
    expect(buildCreateApiKey({ ...base, expiration: '1y' })).toMatchObject({ ok: true, body: { expiration: '365d' } });
  });

  it('refuses more than a year', () => {
    expect(buildCreateApiKey({ ...base, expiration: '2y' })).toEqual({
      ok: false,
      issues: [
        { path: 'expiration', message: '"2y" (730 days) is longer than the maximum for API keys: 365 days (365d)' },
      ],
    });
  });

  it('leaves it out for the server default, without a warning', () => {
    const result = buildCreateApiKey({
      ...base,
      expiration: undefined,
      assignments: [
        { scope: 'project', type: 'elasticsearch', roleId: 'viewer', all: true, applicationRoles: ['viewer'] },
      ],
    });
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(result.ok && 'expiration' in result.body).toBe(false);
  });

  it('makes "never" an explicit choice that says what it does', () => {
    const result = buildCreateApiKey({
      ...base,
      expiration: 'Never',
      assignments: [
        { scope: 'project', type: 'elasticsearch', roleId: 'viewer', all: true, applicationRoles: ['viewer'] },
      ],
    });
    expect(result.ok && 'expiration' in result.body).toBe(false);
    expect(result.ok && result.warnings).toEqual([
      'No expiration is sent ("never"). The API documents no explicit never-expiring value, so the server decides (its documented default is 3 months); ' +
        'keys for long-running jobs should still expire and be rotated.',
    ]);
  });
});

describe('buildCreateApiKey: access', () => {
  it('flags a key without application roles as Cloud-only', () => {
    const result = buildCreateApiKey({
      ...base,
      assignments: [{ scope: 'project', type: 'elasticsearch', roleId: 'developer', all: true }],
    });
    expect(result).toMatchObject({ ok: true, cloudOnly: true, orgScopedStackAccess: false, warnings: [] });
  });

  it("says that a key without role assignments takes its creator's roles", () => {
    const result = buildCreateApiKey(base);
    expect(result).toMatchObject({ ok: true, cloudOnly: true, body: { description: 'CI', expiration: '30d' } });
    expect(result.ok && result.body.role_assignments).toBeUndefined();
    expect(result.ok && result.warnings).toEqual([
      'No role assignments: the key takes the roles of the owner who creates it. A key gets nothing inside projects from role_id, so unless those roles carry application_roles it is Cloud-only.',
    ]);
  });

  it('adds stack access to every project entry, keeps explicit roles, and leaves organization and deployment entries alone', () => {
    const result = buildCreateApiKey({
      ...base,
      assignments: [
        { scope: 'organization', roleId: 'billing-admin' },
        { scope: 'deployment', roleId: 'deployment-viewer', all: true },
        {
          scope: 'project',
          type: 'elasticsearch',
          roleId: 'viewer',
          projectIds: ['p1'],
          applicationRoles: ['marketing-writer'],
        },
        { scope: 'project', type: 'elasticsearch', roleId: 'developer', all: true },
      ],
      stackAccess: ['viewer', 'viewer'],
    });
    expect(result.ok && result.body.role_assignments).toEqual({
      organization: [{ role_id: 'billing-admin', organization_id: ORG }],
      deployment: [{ role_id: 'deployment-viewer', organization_id: ORG, all: true }],
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-viewer',
            organization_id: ORG,
            all: false,
            project_ids: ['p1'],
            application_roles: ['marketing-writer', 'viewer'],
          },
          { role_id: 'elasticsearch-developer', organization_id: ORG, all: true, application_roles: ['viewer'] },
        ],
      },
    });
    expect(result).toMatchObject({ cloudOnly: false, orgScopedStackAccess: false });
  });

  it('needs somewhere to put stack access', () => {
    expect(buildCreateApiKey({ ...base, stackAccess: ['viewer'] })).toEqual({
      ok: false,
      issues: [
        {
          path: 'stackAccess',
          message:
            'no project assignment to give stack access on: add one (e.g. all elasticsearch projects), or choose organization scope to reach every current and future project',
        },
      ],
    });
    expect(
      buildCreateApiKey({
        ...base,
        stackAccess: ['viewer'],
        stackAccessScope: 'organization',
        assignments: [{ scope: 'project', type: 'security', roleId: 'viewer', all: true }],
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'stackAccessScope',
          message:
            'organization scope needs an organization assignment (such as organization-admin) to carry the roles',
        },
      ],
    });
  });

  it('checks stack access names, description and organization', () => {
    expect(
      buildCreateApiKey({
        orgId: '',
        description: ' ',
        stackAccess: ['ok', 'not ok'],
        assignments: [{ scope: 'project', type: 'security', roleId: 'viewer', all: true }],
      }),
    ).toEqual({
      ok: false,
      issues: [
        { path: 'orgId', message: 'is required' },
        { path: 'description', message: 'is required' },
        {
          path: 'stackAccess[1]',
          message: 'a space at position 4 is not allowed: use only letters, digits, "_", "-" and "."',
        },
      ],
    });
  });

  it('warns about org-wide custom roles and roles another project type owns', () => {
    const result = buildCreateApiKey({
      ...base,
      assignments: [
        { scope: 'organization', roleId: 'organization-admin' },
        { scope: 'project', type: 'observability', roleId: 'viewer', all: true },
      ],
      stackAccess: ['developer', 'etl-writer'],
      stackAccessScope: 'organization',
    });
    expect(result).toMatchObject({ ok: true, orgScopedStackAccess: true, cloudOnly: false });
    expect(result.ok && result.warnings).toEqual([
      'Organization-scoped application_roles [developer, etl-writer]: the key reaches Elasticsearch and Kibana on every project, including projects created later.',
      '"etl-writer" is not a predefined role: it must exist in every project, or the key silently gets no access there.',
      'application role "developer" is not a predefined role in observability projects: it grants nothing there unless a custom role of that name exists',
    ]);
  });

  it('puts stack access on every project entry and on organization entries only when chosen (property)', () => {
    const projectEntry = fc
      .record({
        type: fc.constantFrom<ProjectType>(...PROJECT_TYPES),
        all: fc.boolean(),
        explicit: fc.subarray(['etl-writer', 'reader']),
      })
      .map(({ type, all, explicit }): AssignmentInput => ({
        scope: 'project',
        type,
        roleId: 'viewer',
        ...(all ? { all: true } : { projectIds: ['p1'] }),
        ...(explicit.length > 0 ? { applicationRoles: explicit } : {}),
      }));
    const orgEntry = fc.constantFrom<AssignmentInput>(
      { scope: 'organization', roleId: 'organization-admin' },
      { scope: 'organization', roleId: 'billing-admin' },
    );
    const stackAccess = fc.uniqueArray(fc.constantFrom('admin', 'viewer', 'editor', 'custom-one'), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        fc.array(projectEntry, { minLength: 1, maxLength: 5 }),
        fc.array(orgEntry, { minLength: 1, maxLength: 2 }),
        stackAccess,
        fc.constantFrom('projects', 'organization' as const),
        (projects, orgs, names, scope) => {
          const result = buildCreateApiKey({
            ...base,
            assignments: [...orgs, ...projects],
            stackAccess: names,
            stackAccessScope: scope,
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const rows = flattenAssignments(result.body.role_assignments!);
          for (const row of rows.filter((r) => r.scope === 'project'))
            expect(row.applicationRoles).toEqual(expect.arrayContaining(names));
          for (const row of rows.filter((r) => r.scope === 'organization')) {
            expect(row.applicationRoles).toEqual(scope === 'organization' ? names : []);
          }
          expect(result.cloudOnly).toBe(false);
          expect(result.orgScopedStackAccess).toBe(scope === 'organization');
        },
      ),
    );
  });
});
