/** Grant rows from the effective-access model, and the command's filters over them. */
import { describe, expect, it } from 'vitest';
import type { RoleAssignments } from '../../../src/api/schemas.js';
import { accessGrants, filterGrants, type AccessGrant } from '../../../src/domain/review/index.js';
import { acmeOrg, kid, ORG_ID, orgRole, pid, projectRole, roles, uid } from '../../fixtures/org.js';

const deployment = (roleId: string, ids: string[] | 'all'): RoleAssignments => ({
  deployment: [
    { role_id: roleId, organization_id: ORG_ID, ...(ids === 'all' ? { all: true } : { deployment_ids: ids }) },
  ],
});

const brief = (g: AccessGrant) =>
  `${g.principal.kind}:${g.principal.identity} ${g.scope.kind}:${g.scope.name} ${g.role_id} [${g.stack_roles.join(',')}] ${g.via}`;

function review() {
  return acmeOrg()
    .member('alice', projectRole('elasticsearch', 'elasticsearch-developer', 'all'))
    .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-staging')], ['marketing-reader']))
    .owner('olga')
    .member('dora', roles(deployment('deployment-admin', 'all'), deployment('deployment-viewer', ['dep-1', 'dep-2'])))
    .invitation('ivy@example.com', { roles: projectRole('observability', 'observability-viewer', [pid('obs-prod')]) })
    .invitation('old@example.com', { roles: orgRole('billing-admin'), createdHoursAgo: 100 })
    .key('ci ingest', {
      roles: projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-prod')], ['developer']),
    })
    .key('cloud only', { roles: projectRole('security', 'security-viewer', 'all') })
    .key('expired', { roles: projectRole('security', 'security-viewer', 'all', ['viewer']), expiresInDays: -1 })
    .key('automation', { roles: orgRole('organization-admin', ['admin']), expiresInDays: 7 })
    .build();
}

describe('accessGrants', () => {
  const grants = accessGrants(review());

  it('lists each grant with its scope, role, stack roles and how it is granted', () => {
    const rows = grants.map(brief);
    expect(rows).toContain('member:alice@example.com project:search-prod elasticsearch-developer [developer] all');
    expect(rows).toContain('member:alice@example.com project:search-staging elasticsearch-developer [developer] all');
    expect(rows).not.toContain('member:alice@example.com project:obs-prod elasticsearch-developer [developer] all');
    expect(rows).toContain(
      'member:bob@example.com project:search-staging elasticsearch-viewer [marketing-reader] direct',
    );
    // The organization row, and admin in every project through ownership.
    expect(rows).toContain('member:olga@example.com organization:Acme organization-admin [] owner');
    expect(rows).toContain('member:olga@example.com project:sec-prod organization-admin [admin] owner');
    // A key gets only application_roles: the security key reaches projects Cloud-only.
    expect(rows).toContain('cloud-key:cloud only project:sec-prod security-viewer [] all');
    expect(rows).toContain('cloud-key:automation project:obs-prod organization-admin [admin] organization');
    expect(rows).toContain('invitation:ivy@example.com project:obs-prod observability-viewer [viewer] direct');
  });

  it('includes deployments as a scope: all of them, or each one named', () => {
    const dora = grants.filter((g) => g.principal.id === uid('dora')).map(brief);
    expect(dora).toEqual([
      'member:dora@example.com deployment:all deployments deployment-admin [] all',
      'member:dora@example.com deployment:dep-1 deployment-viewer [] direct',
      'member:dora@example.com deployment:dep-2 deployment-viewer [] direct',
    ]);
  });

  it('marks custom roles missing in a project, and carries expiry for keys and invitations', () => {
    const bob = grants.find((g) => g.principal.id === uid('bob'))!;
    expect(bob.missing_roles).toEqual(['marketing-reader']);
    const key = grants.find((g) => g.principal.id === kid('automation'))!;
    expect(key.expires_at).toBe('2026-03-08T12:00:00.000Z');
    expect(grants.find((g) => g.principal.kind === 'invitation')!.expires_at).toMatch(/^2026-03-04T/);
    expect(grants.find((g) => g.principal.id === uid('alice'))!.expires_at).toBeNull();
  });

  it('leaves out expired keys and invitations that can no longer be accepted, and never exposes a token', () => {
    expect(grants.some((g) => g.principal.identity === 'expired')).toBe(false);
    expect(grants.some((g) => g.principal.identity === 'old@example.com')).toBe(false);
    expect(JSON.stringify(grants)).not.toContain('inv-ivy@example.com');
  });

  it('sorts by principal kind, identity, then organization, projects by name, deployments', () => {
    const kinds = grants.map((g) => g.principal.kind);
    expect(kinds.indexOf('invitation')).toBeGreaterThan(kinds.lastIndexOf('member'));
    expect(kinds.indexOf('cloud-key')).toBeGreaterThan(kinds.lastIndexOf('invitation'));
    const olga = grants.filter((g) => g.principal.id === uid('olga')).map((g) => g.scope.name);
    expect(olga).toEqual(['Acme', 'obs-prod', 'search-prod', 'search-staging', 'sec-prod']);
  });

  it('shows control and bidi characters in names as inert escapes', () => {
    const snapshot = acmeOrg()
      .key('evil\u001b[31m\u202ename', {
        roles: projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['viewer']),
      })
      .build();
    expect(accessGrants(snapshot)[0]!.principal.identity).toBe('evil\\x1b[31m<U+202E>name');
  });
});

describe('filters', () => {
  const grants = accessGrants(review());
  const who = (rows: AccessGrant[]) => [...new Set(rows.map((g) => g.principal.identity))].sort();

  it('--project keeps only that project', () => {
    const rows = filterGrants(grants, { projectId: pid('obs-prod') });
    expect(new Set(rows.map((g) => g.scope.name))).toEqual(new Set(['obs-prod']));
    expect(who(rows)).toEqual(['automation', 'ivy@example.com', 'olga@example.com']);
  });

  it('--member matches members and invitees by email, in any case', () => {
    expect(who(filterGrants(grants, { email: 'ALICE@example.com' }))).toEqual(['alice@example.com']);
    expect(who(filterGrants(grants, { email: 'ivy@example.com' }))).toEqual(['ivy@example.com']);
    expect(filterGrants(grants, { email: 'nobody@example.com' })).toEqual([]);
  });

  it('--key matches a key by id and never a member', () => {
    expect(who(filterGrants(grants, { keyId: kid('ci ingest') }))).toEqual(['ci ingest']);
    expect(filterGrants(grants, { keyId: uid('alice') })).toEqual([]);
  });

  it('--type keeps scopes of one project type, or deployments; filters combine', () => {
    const security = filterGrants(grants, { type: 'security' });
    expect(new Set(security.map((g) => g.scope.type))).toEqual(new Set(['security']));
    expect(new Set(filterGrants(grants, { type: 'deployment' }).map((g) => g.principal.identity))).toEqual(
      new Set(['dora@example.com']),
    );
    const both = filterGrants(grants, { type: 'elasticsearch', email: 'olga@example.com' });
    expect(both.map((g) => g.scope.name)).toEqual(['search-prod', 'search-staging']);
  });
});
