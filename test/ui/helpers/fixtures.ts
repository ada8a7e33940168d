/** A small, realistic organization at a fixed moment, plus a generator for very large member lists. */
import type { ApiKey, Invitation, Member, Project, ProjectType } from '../../../src/api/schemas.js';
import type { FakeData } from './fake-cloud.js';

export const NOW = new Date('2026-11-20T12:00:00Z');
export const ORG = { id: 'org-1', name: 'Acme Corp' };
const DAY = 86_400_000;
const at = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * DAY).toISOString();

export function project(type: ProjectType, id: string, name: string, createdDaysAgo = 30): Project {
  return {
    id,
    name,
    alias: `${name}-a1b2c3`,
    type,
    region_id: 'aws-us-east-1',
    cloud_id: `${name}:abc`,
    metadata: { created_at: at(-createdDaysAgo), created_by: 'u-owner', organization_id: ORG.id },
    endpoints: {
      elasticsearch: `https://${name}.es.us-east-1.aws.elastic.cloud`,
      kibana: `https://${name}.kb.us-east-1.aws.elastic.cloud`,
    },
  };
}

export const PROJECTS: Project[] = [
  project('elasticsearch', 'p-search', 'search-prod', 90),
  project('elasticsearch', 'p-staging', 'search-staging', 10),
  project('observability', 'p-obs', 'logs-main', 40),
  project('security', 'p-sec', 'siem', 5),
];

export const MEMBERS: Member[] = [
  {
    organization_id: ORG.id,
    user_id: 'u-owner',
    member_since: at(-400),
    name: 'Olivia Owner',
    email: 'olivia@acme.test',
    role_assignments: { organization: [{ role_id: 'organization-admin', organization_id: ORG.id }] },
  },
  {
    organization_id: ORG.id,
    user_id: 'u-dev',
    member_since: at(-100),
    name: 'Dan Developer',
    email: 'dan@acme.test',
    role_assignments: {
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-developer',
            organization_id: ORG.id,
            all: false,
            project_ids: ['p-search', 'p-staging'],
          },
        ],
        observability: [{ role_id: 'observability-viewer', organization_id: ORG.id, all: true }],
      },
    },
  },
  {
    organization_id: ORG.id,
    user_id: 'u-ana',
    member_since: at(-20),
    name: 'Ana Analyst',
    email: 'ana@acme.test',
    role_assignments: {
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-viewer',
            organization_id: ORG.id,
            project_ids: ['p-search', 'p-gone'],
            application_roles: ['marketing-analyst'],
          },
        ],
      },
    },
  },
  {
    organization_id: ORG.id,
    user_id: 'u-billing',
    member_since: at(-3),
    name: 'Bill Payer',
    email: 'bill@acme.test',
    role_assignments: { organization: [{ role_id: 'billing-admin', organization_id: ORG.id }] },
  },
];

export const INVITATIONS: Invitation[] = [
  {
    token: 'inv-open',
    email: 'newbie@acme.test',
    created_at: at(-1),
    expires_at: at(2),
    expired: false,
    organization: ORG,
    role_assignments: {
      project: { security: [{ role_id: 'security-t1-analyst', organization_id: ORG.id, all: true }] },
    },
  },
  {
    token: 'inv-old',
    email: 'late@acme.test',
    created_at: at(-10),
    expires_at: at(-7),
    expired: true,
    organization: ORG,
  },
];

export const KEYS: ApiKey[] = [
  {
    id: 'k-owner',
    description: 'sandbox owner key',
    creation_date: at(-30),
    role_assignments: { organization: [{ role_id: 'organization-admin', organization_id: ORG.id }] },
  },
  {
    id: 'k-ci',
    description: 'CI ingest',
    creation_date: at(-5),
    expiration_date: at(3),
    role_assignments: {
      project: {
        elasticsearch: [
          { role_id: 'elasticsearch-developer', organization_id: ORG.id, all: true, application_roles: ['developer'] },
        ],
      },
    },
  },
  {
    id: 'k-old',
    description: 'old deploy key',
    creation_date: at(-60),
    expiration_date: at(-2),
    role_assignments: { organization: [{ role_id: 'billing-admin', organization_id: ORG.id }] },
  },
  {
    id: 'k-etl',
    description: 'marketing ETL',
    creation_date: at(-2),
    expiration_date: at(60),
    role_assignments: {
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-viewer',
            organization_id: ORG.id,
            project_ids: ['p-search'],
            application_roles: ['marketing-writer'],
          },
        ],
      },
    },
  },
];

export function orgData(overrides: Partial<FakeData> = {}): FakeData {
  return {
    organizations: [ORG],
    members: structuredClone(MEMBERS),
    invitations: structuredClone(INVITATIONS),
    keys: structuredClone(KEYS),
    projects: structuredClone(PROJECTS),
    projectRoles: {
      'p-search': [
        { name: 'marketing-analyst', description: 'Reads marketing-*' },
        { name: 'marketing-writer', description: '' },
      ],
    },
    ...overrides,
  };
}

export function manyMembers(count: number): Member[] {
  return Array.from({ length: count }, (_, i) => ({
    organization_id: ORG.id,
    user_id: `u-${i}`,
    member_since: at(-i % 500),
    name: `User ${String(i).padStart(5, '0')}`,
    email: `user${String(i).padStart(5, '0')}@big.test`,
    role_assignments: {
      project: { elasticsearch: [{ role_id: 'elasticsearch-viewer', organization_id: ORG.id, all: true }] },
    },
  }));
}
