/**
 * Small random organizations for property tests of the access model: a few projects whose ids repeat across types,
 * principals of every kind with assignments of every shape (organization, deployment, `all`, ids of another type or
 * of no project, made-up role ids, predefined and custom application_roles), custom roles loaded, unavailable or
 * never asked for.
 */
import fc from 'fast-check';
import {
  PROJECT_TYPES,
  type ApiKey,
  type Invitation,
  type Member,
  type Project,
  type ProjectType,
  type RoleAssignments,
} from '../../src/api/schemas.js';
import { predefinedStackRoles, PREDEFINED_ROLES } from '../../src/domain/catalog.js';
import type { CustomRolesState, OrgSnapshot } from '../../src/domain/org.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const LATER = '2026-04-01T12:00:00Z';
const ORG = { id: 'org-1', name: 'Org' };

/** A small pool, so ids repeat across types and assignments name projects of another type or of none. */
const PROJECT_IDS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const CUSTOM_ROLES = ['custom-a', 'custom-b'];
/** Every stack role name some type predefines (each missing from some other type), and custom names. */
const STACK_ROLES = [...new Set(PROJECT_TYPES.flatMap((t) => predefinedStackRoles(t))), ...CUSTOM_ROLES];
const ROLE_IDS = [...PREDEFINED_ROLES.map((r) => r.id), 'made-up-role'];

const applicationRoles = fc.option(fc.subarray(STACK_ROLES, { maxLength: 2 }), { nil: undefined });
const withApplicationRoles = <T extends object>(entry: T, roles: readonly string[] | undefined) =>
  roles === undefined ? entry : { ...entry, application_roles: [...roles] };

const projectEntry = fc
  .record({
    roleId: fc.constantFrom(...ROLE_IDS),
    all: fc.boolean(),
    ids: fc.subarray([...PROJECT_IDS, 'p-none']),
    roles: applicationRoles,
  })
  .map(({ roleId, all, ids, roles }) =>
    withApplicationRoles(
      { role_id: roleId, organization_id: ORG.id, ...(all ? { all: true } : { project_ids: ids }) },
      roles,
    ),
  );

const organizationEntry = fc
  .record({ roleId: fc.constantFrom(...ROLE_IDS), roles: applicationRoles })
  .map(({ roleId, roles }) => withApplicationRoles({ role_id: roleId, organization_id: ORG.id }, roles));

const deploymentEntry = fc
  .record({ roleId: fc.constantFrom(...ROLE_IDS), roles: applicationRoles })
  .map(({ roleId, roles }) => withApplicationRoles({ role_id: roleId, organization_id: ORG.id, all: true }, roles));

const assignments: fc.Arbitrary<RoleAssignments> = fc.record(
  {
    organization: fc.array(organizationEntry, { maxLength: 2 }),
    deployment: fc.array(deploymentEntry, { maxLength: 1 }),
    project: fc.record(
      {
        elasticsearch: fc.array(projectEntry, { maxLength: 2 }),
        observability: fc.array(projectEntry, { maxLength: 2 }),
        security: fc.array(projectEntry, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const project = fc
  .record({ id: fc.constantFrom(...PROJECT_IDS), type: fc.constantFrom<ProjectType>(...PROJECT_TYPES) })
  .map(({ id, type }): Project => ({
    id,
    type,
    name: `${type}-${id}`,
    alias: id,
    region_id: 'aws-us-east-1',
    cloud_id: `${id}:Y2xvdWQ=`,
    metadata: { created_at: LATER, created_by: 'u0', organization_id: ORG.id },
    endpoints: { elasticsearch: `https://${id}.es`, kibana: `https://${id}.kb` },
  }));

const customRoles: fc.Arbitrary<CustomRolesState | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<CustomRolesState>({ status: 'unavailable', reason: 'no credential' }),
  fc
    .subarray([...CUSTOM_ROLES, 'developer'])
    .map((names): CustomRolesState => ({ status: 'loaded', names, source: 'cloud' })),
);

export const randomOrganization: fc.Arbitrary<OrgSnapshot> = fc
  .record({
    projects: fc.array(fc.tuple(project, customRoles), { maxLength: 8 }),
    principals: fc.array(fc.tuple(fc.constantFrom('member', 'key', 'invitation'), assignments), {
      minLength: 1,
      maxLength: 6,
    }),
  })
  .map(({ projects, principals }): OrgSnapshot => {
    const members: Member[] = [];
    const keys: ApiKey[] = [];
    const invitations: Invitation[] = [];
    principals.forEach(([kind, role_assignments], i) => {
      if (kind === 'member')
        members.push({ organization_id: ORG.id, user_id: `u${i}`, member_since: LATER, role_assignments });
      else if (kind === 'key')
        keys.push({
          id: `k${i}`,
          description: `key ${i}`,
          creation_date: LATER,
          organization_id: ORG.id,
          role_assignments,
        });
      else
        invitations.push({
          token: `t${i}`,
          email: `i${i}@example.com`,
          created_at: LATER,
          expires_at: LATER,
          expired: false,
          organization: ORG,
          role_assignments,
        });
    });
    return {
      organization: ORG,
      members,
      invitations,
      keys,
      projects: projects.map(([p]) => p),
      customRoles: new Map(projects.flatMap(([p, state]) => (state ? [[p.id, state] as const] : []))),
      now: NOW,
    };
  });
