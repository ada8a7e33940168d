/**
 * Pre-filling the key wizard from an existing key and the invite wizard from an invitation: what the old record
 * had comes back exactly, or the difference is said in plain words (never changed silently).
 */
import { describe, expect, it } from 'vitest';
import type { ApiKey, Deployment, RoleAssignments } from '../../src/api/schemas.js';
import {
  flattenAssignments,
  isSameAssignment,
  toRoleAssignments,
  type FlatAssignment,
} from '../../src/domain/assignments.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import { keyValuesFromKey, type FromKeyOptions } from '../../screens/wizards/api-key/from-key.js';
import { keyRows } from '../../screens/wizards/api-key/values.js';
import { inviteValuesFromInvitation } from '../../screens/wizards/invite/from-invitation.js';
import { acmeOrg, kid, ORG_ID, orgRole, pid, projectRole, roles } from '../fixtures/org.js';

const deploymentRole = (roleId: string, ids: readonly string[] | 'all' = 'all'): RoleAssignments => ({
  deployment: [
    { role_id: roleId, organization_id: ORG_ID, ...(ids === 'all' ? { all: true } : { deployment_ids: [...ids] }) },
  ],
});

/** Two hosted deployments, as the list names them. */
const DEPLOYMENTS: readonly Deployment[] = [
  { id: 'dep-shop', name: 'shop', resources: [] },
  { id: 'dep-logs', name: 'logs', resources: [] },
];
const withDeployments = (snapshot: OrgSnapshot): OrgSnapshot => ({ ...snapshot, deployments: DEPLOYMENTS });

function keyOf(ra: RoleAssignments, expiresInDays: number | null = 4, createdDaysAgo = 26) {
  const snapshot = acmeOrg().key('job', { roles: ra, expiresInDays, createdDaysAgo }).build();
  return { snapshot, key: snapshot.keys[0]! };
}

const sameRows = (a: readonly FlatAssignment[], b: readonly FlatAssignment[]) =>
  a.length === b.length && a.every((x) => b.some((y) => isSameAssignment(x, y)));

/** The prefill and the role assignments the wizard would send with it. */
function prefill(key: ApiKey, snapshot: OrgSnapshot, options: FromKeyOptions = {}) {
  const result = keyValuesFromKey(key, snapshot, options);
  return { ...result, sent: keyRows(result.values, { snapshot, sandbox: false }) };
}

describe('keyValuesFromKey: the same access again', () => {
  it('chosen projects: same projects, Cloud role and stack roles; the old lifetime when it is a preset', () => {
    const { snapshot, key } = keyOf(
      projectRole('observability', 'observability-viewer', [pid('obs-prod')], ['viewer']),
    );
    const { values, caveats, sent } = prefill(key, snapshot);
    expect(values).toMatchObject({
      description: 'job',
      expiry: '30d',
      scope: 'projects',
      projectIds: [pid('obs-prod')],
      cloudRole: 'viewer',
      stackRoles: ['viewer'],
      orgRoleToo: '',
      replaces: { keyId: kid('job') },
    });
    expect(caveats).toEqual([]);
    expect(sameRows(sent, flattenAssignments(key.role_assignments!))).toBe(true);
  });

  it('a never-expiring key gets 90d, the console default; all projects of a type stays that', () => {
    const { snapshot, key } = keyOf(projectRole('observability', 'observability-viewer', 'all', ['viewer']), null);
    const { values, caveats, sent } = prefill(key, snapshot);
    expect(values).toMatchObject({
      expiry: '90d',
      scope: 'types',
      types: ['observability'],
      cloudRole: 'viewer',
      stackRoles: ['viewer'],
    });
    expect(caveats).toEqual([]);
    expect(sameRows(sent, flattenAssignments(key.role_assignments!))).toBe(true);
  });

  it('an organization role next to project access is kept, and the wizard will ask about it', () => {
    const ra = roles(
      orgRole('organization-admin'),
      projectRole('elasticsearch', 'elasticsearch-admin', 'all', ['admin']),
      projectRole('observability', 'observability-admin', 'all', ['admin']),
      projectRole('security', 'security-admin', 'all', ['admin']),
    );
    const { snapshot, key } = keyOf(ra);
    const { values, caveats, sent } = prefill(key, snapshot);
    expect(values).toMatchObject({
      scope: 'types',
      types: ['elasticsearch', 'observability', 'security'],
      orgRoleToo: 'organization-admin',
      replaces: { orgRole: 'organization-admin' },
    });
    expect(caveats).toEqual([]);
    expect(sameRows(sent, flattenAssignments(ra))).toBe(true);
  });

  it('an organization-only key keeps the organization scope and its stack roles', () => {
    const { snapshot, key } = keyOf(orgRole('organization-admin', ['viewer']));
    const { values, caveats, sent } = prefill(key, snapshot);
    expect(values).toMatchObject({ scope: 'organization', orgRole: 'organization-admin', stackRoles: ['viewer'] });
    expect(caveats).toEqual([]);
    expect(sameRows(sent, flattenAssignments(key.role_assignments!))).toBe(true);
  });

  it('two entries that only split a project list are the same reach as one', () => {
    const ra = roles(
      projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['viewer']),
      projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-staging')], ['viewer']),
    );
    const { snapshot, key } = keyOf(ra);
    const { values, caveats } = prefill(key, snapshot);
    expect(values.projectIds).toEqual([pid('search-prod'), pid('search-staging')]);
    expect(caveats).toEqual([]);
  });

  it('an expiration asked for (rotate key … keeps the old lifetime) wins, as a custom duration when it is no preset', () => {
    const { snapshot, key } = keyOf(projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['viewer']));
    expect(prefill(key, snapshot, { expiration: '47d' }).values).toMatchObject({
      expiry: 'custom',
      customExpiry: '47d',
    });
    expect(prefill(key, snapshot, { expiration: '7d' }).values).toMatchObject({ expiry: '7d' });
  });
});

describe('keyValuesFromKey: the access changed as the doctor asks', () => {
  it('addStackAccess: each project role_id gives its stack role (elasticsearch-developer → developer, t1-analyst → t1_analyst)', () => {
    const ra = roles(projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]));
    const { snapshot, key } = keyOf(ra);
    const { values, caveats, intended, sent } = prefill(key, snapshot, { addStackAccess: true });
    expect(values).toMatchObject({
      scope: 'projects',
      projectIds: [pid('search-prod')],
      cloudRole: 'developer',
      stackRoles: ['developer'],
    });
    expect(caveats).toEqual([]);
    expect(sameRows(sent, intended)).toBe(true);
    const soc = keyOf(projectRole('security', 'security-t1-analyst', [pid('sec-prod')]));
    expect(prefill(soc.key, soc.snapshot, { addStackAccess: true }).values.stackRoles).toEqual(['t1_analyst']);
  });

  it('addStackAccess on an organization-only key: no project role to take it from, so the user chooses, and is told', () => {
    const { snapshot, key } = keyOf(orgRole('organization-admin'));
    const { values, caveats } = prefill(key, snapshot, { addStackAccess: true });
    expect(values).toMatchObject({
      scope: 'projects',
      projectIds: [],
      stackRoles: [],
      orgRoleToo: 'organization-admin',
      replaces: { orgRole: 'organization-admin' },
    });
    expect(caveats).toEqual([
      'The old key has no project roles to take stack access from: choose the projects and the stack roles the new key needs.',
    ]);
  });

  it('projectScoped: org-scoped [admin] becomes all-projects-of-each-type entries; the organization role stays, without stack roles', () => {
    const { snapshot, key } = keyOf(orgRole('organization-admin', ['admin']));
    const { values, caveats, sent } = prefill(key, snapshot, { projectScoped: true });
    expect(values).toMatchObject({
      scope: 'types',
      types: ['elasticsearch', 'observability', 'security'],
      cloudRole: 'admin',
      stackRoles: ['admin'],
      orgRoleToo: 'organization-admin',
    });
    expect(caveats).toEqual([]);
    const body = toRoleAssignments(sent);
    expect(body.organization).toEqual([{ role_id: 'organization-admin', organization_id: ORG_ID }]);
    expect(body.project?.security).toEqual([
      { role_id: 'security-admin', organization_id: ORG_ID, all: true, application_roles: ['admin'] },
    ]);
  });

  it('projectScoped with a custom role: only the types where it exists, carried by the viewer role', () => {
    const { snapshot, key } = keyOf(orgRole('organization-admin', ['marketing-reader']));
    const { values, caveats } = prefill(key, snapshot, { projectScoped: true });
    expect(values).toMatchObject({
      scope: 'types',
      types: ['elasticsearch'],
      cloudRole: 'viewer',
      stackRoles: ['marketing-reader'],
    });
    expect(caveats).toEqual([]);
  });
});

describe('keyValuesFromKey: what the wizard cannot express is said, not changed silently', () => {
  it('different Cloud roles, and chosen projects next to all projects of a type; deployment roles come along', () => {
    const ra = roles(
      projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')], ['developer']),
      projectRole('observability', 'observability-viewer', 'all', ['viewer']),
      deploymentRole('deployment-viewer'),
    );
    const { snapshot, key } = keyOf(ra);
    const { caveats, sent, intended } = prefill(key, snapshot);
    expect(sameRows(sent, intended)).toBe(false);
    expect(sent.filter((r) => r.scope === 'deployment')).toEqual(intended.filter((r) => r.scope === 'deployment'));
    expect(caveats).toEqual([
      'Its project entries use different Cloud roles (developer, viewer); the wizard gives every project the same one: developer.',
      'Its project entries carry different stack roles; the wizard gives every entry all of them [developer, viewer], wider where an entry had fewer.',
      "It covers all observability projects, including future ones, next to chosen projects; the wizard pre-fills today's projects instead (narrower: projects created later are not covered).",
    ]);
  });

  it('organization-scoped stack access next to project entries, and a project that no longer exists', () => {
    const ra = roles(
      orgRole('organization-admin', ['viewer']),
      projectRole('elasticsearch', 'elasticsearch-viewer', [pid('gone'), pid('search-prod')], ['viewer']),
    );
    const { snapshot, key } = keyOf(ra);
    const { caveats } = prefill(key, snapshot);
    expect(caveats).toEqual([
      'Its organization-scoped stack access [viewer] cannot sit next to project entries in the wizard: it is not carried over.',
      `Project ${pid('gone')} no longer exists: left out.`,
    ]);
  });

  it('whenever the rows the wizard would send differ from the intended ones, some caveat says so', () => {
    const cases: RoleAssignments[] = [
      roles(orgRole('organization-admin'), orgRole('billing-admin')),
      roles(
        projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]),
        projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-staging')]),
      ),
      roles(
        projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['viewer']),
        projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['viewer']),
      ),
      {},
    ];
    for (const ra of cases) {
      const { snapshot, key } = keyOf(ra);
      const { caveats, sent, intended } = prefill(key, snapshot);
      if (!sameRows(sent, intended)) expect(caveats.length, JSON.stringify(ra)).toBeGreaterThan(0);
    }
  });
});

describe('inviteValuesFromInvitation', () => {
  const developer = projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')]);
  const custom = projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']);

  function invitationWith(ra: RoleAssignments) {
    const snapshot = acmeOrg().invitation('new@example.com', { roles: ra }).build();
    return { snapshot, invitation: snapshot.invitations[0]!, env: { snapshot, sandbox: false } };
  }

  it('invites the same address again, cancelling the old invitation, with its roles minus the removed entries', () => {
    const { invitation, env } = invitationWith(
      roles(orgRole('billing-admin'), deploymentRole('deployment-viewer'), custom, developer),
    );
    const { values, caveats, removed } = inviteValuesFromInvitation(invitation, developer, env);
    expect(values).toMatchObject({
      emailsText: 'new@example.com',
      pending: 'resend',
      orgRole: 'billing-admin',
      deploymentGrants: [{ role: 'deployment-viewer', all: true, deploymentIds: [] }],
      grants: [
        { type: 'elasticsearch', all: false, projectIds: [pid('search-prod')], role: 'custom:marketing-reader' },
      ],
    });
    expect(caveats).toEqual([]);
    expect(removed).toEqual(flattenAssignments(developer));
  });

  it('says what does not fit the wizard: org-scoped application roles, a predefined role with application roles', () => {
    const odd = projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')], ['marketing-reader']);
    const { invitation, env } = invitationWith(roles(orgRole('organization-admin', ['viewer']), odd));
    const { values, caveats } = inviteValuesFromInvitation(invitation, {}, env);
    expect(values.grants).toEqual([
      { type: 'elasticsearch', all: false, projectIds: [pid('search-prod')], role: 'elasticsearch-developer' },
    ]);
    expect(caveats).toEqual([
      'Organization-scoped application_roles [viewer] are not carried over: the wizard invites with project-scoped roles only.',
      'Developer (elasticsearch) on search-prod · stack: marketing-reader does not fit the wizard: it is pre-filled as Developer (elasticsearch) alone, ' +
        "so the invitee would get that role's own stack role there instead.",
    ]);
  });
});

describe('deployment roles in a pre-fill', () => {
  it('a key with chosen and all-deployments roles next to project access is carried over exactly', () => {
    const ra = roles(
      projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['viewer']),
      deploymentRole('deployment-editor', ['dep-shop', 'dep-logs']),
      deploymentRole('deployment-viewer'),
    );
    const { snapshot, key } = keyOf(ra);
    const { values, caveats, sent } = prefill(key, withDeployments(snapshot));
    expect(values.scope).toBe('projects');
    expect(values.deploymentGrants).toEqual([
      { role: 'deployment-editor', all: false, deploymentIds: ['dep-shop', 'dep-logs'] },
      { role: 'deployment-viewer', all: true, deploymentIds: [] },
    ]);
    expect(caveats).toEqual([]);
    expect(sameRows(sent, flattenAssignments(ra))).toBe(true);
  });

  it('a key with deployment roles only gets the deployments-only scope', () => {
    const ra = deploymentRole('deployment-admin', ['dep-logs']);
    const { snapshot, key } = keyOf(ra);
    const { values, caveats, sent } = prefill(key, withDeployments(snapshot));
    expect(values.scope).toBe('deployments');
    expect(caveats).toEqual([]);
    expect(sameRows(sent, flattenAssignments(ra))).toBe(true);
  });

  it('a deployment that no longer exists is left out, and said', () => {
    const ra = roles(orgRole('billing-admin'), deploymentRole('deployment-viewer', ['dep-shop', 'dep-gone']));
    const { snapshot, key } = keyOf(ra);
    const { values, caveats } = prefill(key, withDeployments(snapshot));
    expect(values.deploymentGrants).toEqual([{ role: 'deployment-viewer', all: false, deploymentIds: ['dep-shop'] }]);
    expect(caveats).toEqual(['Deployment dep-gone no longer exists: Deployment viewer is pre-filled without it.']);
  });

  it('an invitation keeps every deployment role with its scope, minus the removed entry', () => {
    const chosen = deploymentRole('deployment-editor', ['dep-shop']);
    const snapshot = withDeployments(
      acmeOrg()
        .invitation('new@example.com', { roles: roles(chosen, deploymentRole('deployment-viewer', ['dep-logs'])) })
        .build(),
    );
    const env = { snapshot, sandbox: false };
    const kept = inviteValuesFromInvitation(snapshot.invitations[0]!, {}, env);
    expect(kept.values.deploymentGrants).toEqual([
      { role: 'deployment-editor', all: false, deploymentIds: ['dep-shop'] },
      { role: 'deployment-viewer', all: false, deploymentIds: ['dep-logs'] },
    ]);
    expect(kept.caveats).toEqual([]);
    const dropped = inviteValuesFromInvitation(snapshot.invitations[0]!, chosen, env);
    expect(dropped.values.deploymentGrants).toEqual([
      { role: 'deployment-viewer', all: false, deploymentIds: ['dep-logs'] },
    ]);
  });
});
