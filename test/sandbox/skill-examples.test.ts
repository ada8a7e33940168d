/**
 * Every command example of the access-management skill (SKILL.md and its api-reference.md), sent as the HTTP
 * request it makes, with the skill's own JSON (bare role ids, missing organization_id), and checked for the effect
 * the skill documents. Bodies are the skill's text with the shell variables substituted, nothing else changed.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ApiKeyList,
  CreatedApiKey,
  InvitationList,
  MemberList,
  OrganizationList,
  RoleMap,
  type Project,
} from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { parseAs } from '../support/json.js';
import { acceptInvitation } from './answers.js';
import { anyOf } from '../support/matchers.js';
import { withSandbox, call, esClient, members, projectNamed } from './helpers.js';

let sb: RunningSandbox;
let search: Project;
let obs: Project;
let vars: Record<string, string>;
withSandbox('file', async (started) => {
  sb = started;
  search = await projectNamed(sb, 'search-staging');
  obs = await projectNamed(sb, 'obs-dev');
  vars = { ORG_ID: sb.organizationId, PROJECT_ID: search.id };
});

/** The skill's JSON text with $VARS substituted, as the shell would. */
const skill = (text: string, extra: Record<string, string> = {}) =>
  text.replace(/\$([A-Z_]+)/g, (_m, name: string) => ({ ...vars, ...extra })[name] ?? `$${name}`);
const api = (method: string, path: string, body?: string) =>
  call(sb, method, `/api/v1${path}`, body === undefined ? {} : { body });
/** The entries of a --roles document that --stack-access touches; everything else passes through untouched. */
const SkillRoles = z.looseObject({
  organization: z.array(z.looseObject({})).optional(),
  project: z.record(z.string(), z.array(z.looseObject({}))).optional(),
});
/** What cloud_access.py does for --roles plus --stack-access: add application_roles to every entry. */
const withStackAccess = (roles: string, stack: string) => {
  const parsed = parseAs(SkillRoles, JSON.parse(roles), 'the --roles document');
  for (const entries of [parsed.organization, ...Object.values(parsed.project ?? {})])
    for (const e of entries ?? []) e.application_roles = [stack];
  return parsed;
};
const rolesIn = async (project: Project, key: string) => (await esClient(sb, project, key).authenticate()).roles;

describe('SKILL.md examples', () => {
  it('project-scoped key with developer ES access (--stack-access developer)', async () => {
    const roles = withStackAccess(
      skill('{"project":{"elasticsearch":[{"role_id":"developer","organization_id":"$ORG_ID","all":true}]}}'),
      'developer',
    );
    const created = await api(
      'POST',
      '/users/auth/keys',
      JSON.stringify({ description: 'CI pipeline - ES ingest', expiration: '30d', role_assignments: roles }),
    );
    expect(created.status).toBe(201);
    const key = created.as(CreatedApiKey);
    expect(key.role_assignments?.project?.elasticsearch?.[0]?.role_id).toBe('elasticsearch-developer');
    expect(await rolesIn(search, key.key)).toEqual(['developer']);
  });

  it('organization-scoped key with admin ES access (--stack-access admin) reaches every project', async () => {
    const roles = withStackAccess(
      skill('{"organization":[{"role_id":"organization-admin","organization_id":"$ORG_ID"}]}'),
      'admin',
    );
    const created = await api(
      'POST',
      '/users/auth/keys',
      JSON.stringify({ description: 'Platform automation', expiration: '7d', role_assignments: roles }),
    );
    const { key } = created.as(CreatedApiKey);
    expect(await rolesIn(search, key)).toEqual(['admin']);
    expect(await rolesIn(obs, key)).toEqual(['admin']);
  });

  it('project-scoped key with a custom role: no access until the role exists in the project', async () => {
    const roles = skill(
      '{"project":{"elasticsearch":[{"role_id":"elasticsearch-viewer","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"],"application_roles":["marketing-writer"]}]}}',
    );
    const created = await api(
      'POST',
      '/users/auth/keys',
      `{"description":"Marketing ETL","expiration":"14d","role_assignments":${roles}}`,
    );
    expect(created.status).toBe(201);
    const { key } = created.as(CreatedApiKey);
    await expect(rolesIn(search, key)).rejects.toMatchObject({ status: 403 });
    await esClient(sb, search).putRole('marketing-writer', {
      indices: [{ names: ['marketing-*'], privileges: ['write'] }],
    });
    expect(await rolesIn(search, key)).toEqual(['marketing-writer']);
  });

  it('invite-user as a Viewer on a search project', async () => {
    const roles = skill(
      '{"project":{"elasticsearch":[{"role_id":"viewer","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"]}]}}',
    );
    const answer = await api(
      'POST',
      `/organizations/${sb.organizationId}/invitations`,
      `{"emails":["alice@example.com"],"role_assignments":${roles}}`,
    );
    expect(answer.status).toBe(201);
    expect(answer.as(InvitationList).invitations[0]?.role_assignments?.project?.elasticsearch?.[0]).toMatchObject({
      role_id: 'elasticsearch-viewer',
      project_ids: [search.id],
    });
  });

  it('CI/CD key with deployment-editor on all deployments (no organization_id)', async () => {
    const roleAssignments: unknown = JSON.parse('{"deployment":[{"role_id":"deployment-editor","all":true}]}');
    const answer = await api(
      'POST',
      '/users/auth/keys',
      JSON.stringify({
        description: 'CI/CD pipeline',
        expiration: '30d',
        role_assignments: roleAssignments,
      }),
    );
    expect(answer.status).toBe(201);
    expect(answer.as(CreatedApiKey).role_assignments?.deployment).toEqual([
      { role_id: 'deployment-editor', organization_id: sb.organizationId, all: true },
    ]);
  });

  it('create-custom-role marketing-reader, then the full dashboard-reader flow: create, invite, accept, assign', async () => {
    const put = await call(sb, 'PUT', `/_es/${search.id}/_security/role/marketing-reader`, {
      body: '{"cluster":[],"indices":[{"names":["marketing-*"],"privileges":["read","view_index_metadata"]}]}',
    });
    expect(put.json).toEqual({ role: { created: true } });
    const role = await call(sb, 'PUT', `/_es/${search.id}/_security/role/dashboard-reader`, {
      body: '{"cluster":[],"indices":[],"applications":[{"application":"kibana-.kibana","privileges":["feature_dashboard.read"],"resources":["*"]}]}',
    });
    expect(role.status).toBe(200);
    const invited = await api(
      'POST',
      `/organizations/${sb.organizationId}/invitations`,
      '{"emails":["bob@example.com"]}',
    );
    const userId = await acceptInvitation(sb, invited.as(InvitationList).invitations[0]!.token);
    // assign-custom-role: role_id <type>-viewer plus application_roles
    const assign = await api(
      'POST',
      `/users/${userId}/role_assignments`,
      skill(
        '{"project":{"elasticsearch":[{"role_id":"elasticsearch-viewer","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"],"application_roles":["dashboard-reader"]}]}}',
      ),
    );
    expect([assign.status, assign.json]).toEqual([200, {}]);
    const bob = (await members(sb)).find((m) => m.user_id === userId)!;
    expect(bob.role_assignments?.project?.elasticsearch).toEqual([
      {
        role_id: 'elasticsearch-viewer',
        organization_id: sb.organizationId,
        all: false,
        project_ids: [search.id],
        application_roles: ['dashboard-reader'],
      },
    ]);
  });

  it('assign-role: promote to admin on an observability project (bare "admin")', async () => {
    const target = (await members(sb)).find((m) => Object.keys(m.role_assignments ?? {}).length === 0)!;
    const answer = await api(
      'POST',
      `/users/${target.user_id}/role_assignments`,
      skill(
        '{"project":{"observability":[{"role_id":"admin","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"]}]}}',
        { PROJECT_ID: obs.id },
      ),
    );
    expect(answer.status).toBe(200);
    const after = (await members(sb)).find((m) => m.user_id === target.user_id)!;
    expect(after.role_assignments?.project?.observability?.[0]?.role_id).toBe('observability-admin');
    // remove-role-assignment with the same --roles schema
    await api(
      'DELETE',
      `/users/${target.user_id}/role_assignments`,
      skill(
        '{"project":{"observability":[{"role_id":"admin","organization_id":"$ORG_ID","all":false,"project_ids":["$PROJECT_ID"]}]}}',
        { PROJECT_ID: obs.id },
      ),
    );
    expect((await members(sb)).find((m) => m.user_id === target.user_id)!.role_assignments).toEqual({});
  });

  it('list-members shows user id, email and roles', async () => {
    const answer = await api('GET', `/organizations/${sb.organizationId}/members`);
    expect(answer.as(MemberList).members[0]).toMatchObject({
      user_id: anyOf(String),
      email: anyOf(String),
      role_assignments: anyOf(Object),
    });
  });
});

describe('api-reference.md examples', () => {
  it('GET /organizations discovers the organization id', async () => {
    expect((await api('GET', '/organizations')).as(OrganizationList).organizations[0]?.id).toBe(sb.organizationId);
  });

  it('invites two users with billing-admin (no organization_id) and deployment-viewer, expiring in 3d', async () => {
    const body = skill(`{
    "emails": ["alice2@example.com", "bob2@example.com"],
    "expires_in": "3d",
    "role_assignments": {
      "organization": [
        { "role_id": "billing-admin" }
      ],
      "deployment": [
        {
          "role_id": "deployment-viewer",
          "organization_id": "$ORG_ID",
          "all": true
        }
      ]
    }
  }`);
    const answer = await api('POST', `/organizations/${sb.organizationId}/invitations`, body);
    expect(answer.status).toBe(201);
    const { invitations } = answer.as(InvitationList);
    expect(invitations).toHaveLength(2);
    expect(invitations[0]?.role_assignments?.organization).toEqual([
      { role_id: 'billing-admin', organization_id: sb.organizationId },
    ]);
    // Cancel one by token.
    const token = invitations[0]!.token;
    expect((await call(sb, 'DELETE', `/api/v1/organizations/${sb.organizationId}/invitations/${token}`)).json).toEqual(
      {},
    );
  });

  it('adds organization-admin, deployment-editor and a project admin role in one call (empty type lists included)', async () => {
    const target = (await members(sb)).find((m) => Object.keys(m.role_assignments ?? {}).length === 0)!;
    const answer = await api(
      'POST',
      `/users/${target.user_id}/role_assignments`,
      skill(`{
    "organization": [
      { "role_id": "organization-admin" }
    ],
    "deployment": [
      {
        "role_id": "deployment-editor",
        "organization_id": "$ORG_ID",
        "all": true
      }
    ],
    "project": {
      "elasticsearch": [
        {
          "role_id": "admin",
          "organization_id": "$ORG_ID",
          "all": false,
          "project_ids": ["$PROJECT_ID"]
        }
      ],
      "observability": [],
      "security": []
    }
  }`),
    );
    expect(answer.status).toBe(200);
    const roles = (await members(sb)).find((m) => m.user_id === target.user_id)!.role_assignments!;
    expect(roles.organization?.[0]?.role_id).toBe('organization-admin');
    expect(roles.project?.elasticsearch?.[0]?.role_id).toBe('elasticsearch-admin');
  });

  it('creates the three documented keys, lists them and deletes two in one call', async () => {
    const ci = await api(
      'POST',
      '/users/auth/keys',
      skill(`{
    "description": "CI/CD pipeline key",
    "expiration": "30d",
    "role_assignments": {
      "organization": [
        { "role_id": "billing-admin" }
      ],
      "deployment": [
        {
          "role_id": "deployment-editor",
          "organization_id": "$ORG_ID",
          "all": true
        }
      ]
    }
  }`),
    );
    const es = await api(
      'POST',
      '/users/auth/keys',
      skill(`{
    "description": "CI pipeline with ES access",
    "expiration": "30d",
    "role_assignments": {
      "project": {
        "elasticsearch": [
          {
            "role_id": "developer",
            "organization_id": "$ORG_ID",
            "all": true,
            "application_roles": ["developer"]
          }
        ]
      }
    }
  }`),
    );
    const platform = await api(
      'POST',
      '/users/auth/keys',
      skill(`{
    "description": "Platform automation key",
    "expiration": "7d",
    "role_assignments": {
      "organization": [
        {
          "role_id": "organization-admin",
          "organization_id": "$ORG_ID",
          "application_roles": ["admin"]
        }
      ]
    }
  }`),
    );
    expect([ci.status, es.status, platform.status]).toEqual([201, 201, 201]);
    const ciKey = ci.as(CreatedApiKey);
    const esKey = es.as(CreatedApiKey);
    const platformKey = platform.as(CreatedApiKey);
    expect(await rolesIn(search, esKey.key)).toEqual(['developer']);
    await expect(rolesIn(search, ciKey.key)).rejects.toMatchObject({ status: 403 }); // no application_roles: Cloud only
    expect(await rolesIn(obs, platformKey.key)).toEqual(['admin']);
    const listed = (await api('GET', '/users/auth/keys')).as(ApiKeyList).keys.map((k) => k.id);
    expect(listed).toEqual(expect.arrayContaining([ciKey.id, esKey.id, platformKey.id]));
    const deleted = await call(sb, 'DELETE', '/api/v1/users/auth/keys', {
      body: `{"keys": ["${ciKey.id}", "${esKey.id}"]}`,
    });
    expect([deleted.status, deleted.json]).toEqual([200, {}]);
  });

  it('creates, gets, lists and deletes marketing-analyst on the project endpoint', async () => {
    const base = `/_es/${search.id}/_security/role`;
    const put = await call(sb, 'PUT', `${base}/marketing-analyst`, {
      body: `{
    "cluster": [],
    "indices": [
      {
        "names": ["marketing-*"],
        "privileges": ["read", "view_index_metadata"]
      }
    ],
    "applications": [
      {
        "application": "kibana-.kibana",
        "privileges": ["feature_discover.read", "feature_dashboard.read"],
        "resources": ["*"]
      }
    ]
  }`,
    });
    expect(put.json).toEqual({ role: { created: true } });
    expect(Object.keys((await call(sb, 'GET', `${base}/marketing-analyst`)).as(RoleMap))).toEqual([
      'marketing-analyst',
    ]);
    expect((await call(sb, 'GET', base)).as(RoleMap)['marketing-analyst']).toBeDefined();
    expect((await call(sb, 'DELETE', `${base}/marketing-analyst`)).json).toEqual({ found: true });
  });

  it('removes a member', async () => {
    const target = (await members(sb)).find((m) => !m.role_assignments?.organization)!;
    expect((await api('DELETE', `/organizations/${sb.organizationId}/members/${target.user_id}`)).json).toEqual({});
  });
});
