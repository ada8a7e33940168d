import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleAssignments } from '../../src/api/schemas.js';
import {
  assignmentReachesProject,
  diffAssignments,
  flattenAssignments,
  isEmptyAssignments,
  isSameAssignment,
  mergeAssignments,
  toRoleAssignments,
  type FlatAssignment,
} from '../../src/domain/assignments.js';

const ORG = 'org-1';

const member: RoleAssignments = {
  organization: [{ role_id: 'billing-admin', organization_id: ORG }],
  deployment: [{ role_id: 'deployment-viewer', organization_id: ORG, all: true }],
  project: {
    elasticsearch: [
      { role_id: 'elasticsearch-developer', organization_id: ORG, all: false, project_ids: ['p1', 'p2'] },
      {
        role_id: 'elasticsearch-viewer',
        organization_id: ORG,
        all: false,
        project_ids: ['p3'],
        application_roles: ['marketing-reader'],
      },
    ],
    security: [{ role_id: 'security-t1-analyst', organization_id: ORG, all: true }],
  },
};

describe('flattenAssignments / toRoleAssignments', () => {
  it('gives one row per entry', () => {
    expect(flattenAssignments(member)).toEqual([
      { scope: 'organization', roleId: 'billing-admin', organizationId: ORG, all: true, ids: [], applicationRoles: [] },
      {
        scope: 'deployment',
        roleId: 'deployment-viewer',
        organizationId: ORG,
        all: true,
        ids: [],
        applicationRoles: [],
      },
      {
        scope: 'project',
        type: 'elasticsearch',
        roleId: 'elasticsearch-developer',
        organizationId: ORG,
        all: false,
        ids: ['p1', 'p2'],
        applicationRoles: [],
      },
      {
        scope: 'project',
        type: 'elasticsearch',
        roleId: 'elasticsearch-viewer',
        organizationId: ORG,
        all: false,
        ids: ['p3'],
        applicationRoles: ['marketing-reader'],
      },
      {
        scope: 'project',
        type: 'security',
        roleId: 'security-t1-analyst',
        organizationId: ORG,
        all: true,
        ids: [],
        applicationRoles: [],
      },
    ]);
  });

  it('rebuilds the wire shape', () => {
    expect(toRoleAssignments(flattenAssignments(member))).toEqual(member);
  });

  it('drops ids that contradict all: true', () => {
    const ra = {
      project: {
        observability: [{ role_id: 'observability-admin', organization_id: ORG, all: true, project_ids: ['x'] }],
      },
    };
    expect(toRoleAssignments(flattenAssignments(ra))).toEqual({
      project: { observability: [{ role_id: 'observability-admin', organization_id: ORG, all: true }] },
    });
  });

  it('treats an empty body as empty', () => {
    expect(isEmptyAssignments({})).toBe(true);
    expect(isEmptyAssignments({ project: { elasticsearch: [], security: [] } })).toBe(true);
    expect(isEmptyAssignments(member)).toBe(false);
  });
});

describe('isSameAssignment', () => {
  const row = flattenAssignments(member)[2]!;
  it('compares ids and application roles as sets', () => {
    expect(isSameAssignment(row, { ...row, ids: ['p2', 'p1'] })).toBe(true);
    expect(isSameAssignment(row, { ...row, ids: ['p1'] })).toBe(false);
    expect(isSameAssignment(row, { ...row, applicationRoles: ['x'] })).toBe(false);
    expect(isSameAssignment(row, { ...row, type: 'security' })).toBe(false);
  });
});

describe('mergeAssignments', () => {
  it('keeps each entry once', () => {
    const extra: RoleAssignments = {
      project: { elasticsearch: [{ role_id: 'elasticsearch-admin', organization_id: ORG, all: true }] },
    };
    const merged = mergeAssignments(member, extra, member);
    expect(flattenAssignments(merged)).toHaveLength(6);
    expect(merged.project?.elasticsearch?.[2]).toEqual({
      role_id: 'elasticsearch-admin',
      organization_id: ORG,
      all: true,
    });
  });
});

describe('diffAssignments', () => {
  it('removes what goes and adds what comes; changed ids appear in both', () => {
    const after: RoleAssignments = {
      organization: [{ role_id: 'billing-admin', organization_id: ORG }],
      deployment: [{ role_id: 'deployment-viewer', organization_id: ORG, all: true }],
      project: {
        elasticsearch: [
          { role_id: 'elasticsearch-developer', organization_id: ORG, all: false, project_ids: ['p2', 'p1', 'p4'] },
          {
            role_id: 'elasticsearch-viewer',
            organization_id: ORG,
            all: false,
            project_ids: ['p3'],
            application_roles: ['marketing-reader'],
          },
        ],
      },
    };
    expect(diffAssignments(member, after)).toEqual({
      removed: {
        project: {
          elasticsearch: [
            { role_id: 'elasticsearch-developer', organization_id: ORG, all: false, project_ids: ['p1', 'p2'] },
          ],
          security: [{ role_id: 'security-t1-analyst', organization_id: ORG, all: true }],
        },
      },
      added: {
        project: {
          elasticsearch: [
            { role_id: 'elasticsearch-developer', organization_id: ORG, all: false, project_ids: ['p2', 'p1', 'p4'] },
          ],
        },
      },
    });
  });

  it('applying the diff reaches the target (property)', () => {
    const row = fc
      .record({
        type: fc.constantFrom<'elasticsearch' | 'observability' | 'security'>(
          'elasticsearch',
          'observability',
          'security',
        ),
        role: fc.constantFrom('admin', 'viewer'),
        ids: fc.subarray(['a', 'b', 'c']),
        app: fc.subarray(['r1', 'r2']),
      })
      .map(({ type, role, ids, app }): FlatAssignment => ({
        scope: 'project',
        type,
        roleId: `${type}-${role}`,
        organizationId: ORG,
        all: ids.length === 0,
        ids,
        applicationRoles: app,
      }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.array(row, { maxLength: 6 }), (a, b) => {
        const before = toRoleAssignments(a);
        const after = toRoleAssignments(b);
        const { added, removed } = diffAssignments(before, after);
        const result = flattenAssignments(mergeAssignments(before, added)).filter(
          (r) => !flattenAssignments(removed).some((x) => isSameAssignment(r, x)),
        );
        const target = flattenAssignments(mergeAssignments(after));
        expect(result).toHaveLength(target.length);
        expect(result.every((r) => target.some((t) => isSameAssignment(r, t)))).toBe(true);
      }),
    );
  });
});

describe('assignmentReachesProject', () => {
  const rows = flattenAssignments(member);
  const p1 = { id: 'p1', type: 'elasticsearch' as const };
  const s1 = { id: 's1', type: 'security' as const };

  it('follows all, ids and type', () => {
    expect(assignmentReachesProject(rows[2]!, p1)).toBe(true);
    expect(assignmentReachesProject(rows[3]!, p1)).toBe(false);
    expect(assignmentReachesProject(rows[4]!, s1)).toBe(true);
    expect(assignmentReachesProject(rows[4]!, { id: 's1', type: 'observability' })).toBe(false);
  });

  it('lets organization entries reach projects only as owner or with application roles', () => {
    expect(assignmentReachesProject(rows[0]!, p1)).toBe(false);
    expect(assignmentReachesProject({ ...rows[0]!, roleId: 'organization-admin' }, p1)).toBe(true);
    expect(assignmentReachesProject({ ...rows[0]!, applicationRoles: ['viewer'] }, s1)).toBe(true);
    expect(assignmentReachesProject(rows[1]!, p1)).toBe(false);
  });
});
