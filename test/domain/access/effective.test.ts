import { describe, expect, it } from 'vitest';
import { effectiveAccess } from '../../../src/domain/access/index.js';
import type { ProjectAccess } from '../../../src/domain/access/index.js';
import { acmeOrg, orgRole, pid, projectRole, roles } from '../../fixtures/org.js';

const inProject = (projects: readonly ProjectAccess[], name: string) => projects.find((p) => p.project.name === name)!;
const granted = (access: ProjectAccess) => access.roles.filter((r) => r.status === 'granted').map((r) => r.name);

describe('effectiveAccess for users', () => {
  it('maps role_id to the stack role and explains the all:true reach', () => {
    const snapshot = acmeOrg()
      .member('alice', projectRole('elasticsearch', 'elasticsearch-developer', 'all'))
      .build();
    const access = effectiveAccess(snapshot, { kind: 'member', member: snapshot.members[0]! });
    const prod = inProject(access.projects, 'search-prod');
    expect(granted(prod)).toEqual(['developer']);
    expect(prod.roles[0]!.reasons[0]!.text).toBe('via elasticsearch-developer on all elasticsearch projects');
    expect(inProject(access.projects, 'obs-prod').reaches).toEqual([]);
    expect(access.cloudOnly).toBe(false);
    expect(access.futureProjects.map((f) => f.scope)).toEqual(['elasticsearch']);
  });

  it('lets application_roles replace the mapped role', () => {
    const snapshot = acmeOrg()
      .member('bob', projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']))
      .build();
    const prod = inProject(
      effectiveAccess(snapshot, { kind: 'member', member: snapshot.members[0]! }).projects,
      'search-prod',
    );
    expect(granted(prod)).toEqual(['marketing-reader']);
    expect(prod.roles[0]!.origin).toBe('custom');
    expect(prod.roles[0]!.reasons[0]!.text).toBe(
      'via elasticsearch-viewer + application_roles [marketing-reader] on search-prod',
    );
    expect(prod.overGrant).toBe(false);
  });

  it('flags the union of a predefined and a custom role on one project as an over-grant', () => {
    const snapshot = acmeOrg()
      .member(
        'bob',
        roles(
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']),
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')]),
        ),
      )
      .build();
    const prod = inProject(
      effectiveAccess(snapshot, { kind: 'member', member: snapshot.members[0]! }).projects,
      'search-prod',
    );
    expect(granted(prod).sort()).toEqual(['marketing-reader', 'viewer']);
    expect(prod.overGrant).toBe(true);
  });

  it('reports custom roles that are missing, and those that cannot be checked', () => {
    const snapshot = acmeOrg()
      .project('search-dev', 'elasticsearch', { customRoles: 'unavailable' })
      .member('carol', projectRole('elasticsearch', 'elasticsearch-viewer', 'all', ['marketing-reader']))
      .build();
    const access = effectiveAccess(snapshot, { kind: 'member', member: snapshot.members[0]! });
    expect(inProject(access.projects, 'search-prod').missingCustomRoles).toEqual([]);
    expect(inProject(access.projects, 'search-staging').missingCustomRoles).toEqual(['marketing-reader']);
    expect(inProject(access.projects, 'search-dev').unknownCustomRoles).toEqual(['marketing-reader']);
  });

  it('gives an organization owner admin on every project, not counted as an over-grant', () => {
    const snapshot = acmeOrg()
      .member(
        'olga',
        roles(
          orgRole('organization-admin'),
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']),
        ),
      )
      .build();
    const access = effectiveAccess(snapshot, { kind: 'member', member: snapshot.members[0]! });
    for (const project of access.projects) expect(granted(project)).toContain('admin');
    expect(inProject(access.projects, 'sec-prod').roles[0]!.reasons[0]!.via).toBe('org-owner');
    expect(inProject(access.projects, 'search-prod').overGrant).toBe(false);
    expect(access.cloudRoles).toEqual([
      { roleId: 'organization-admin', label: 'Organization owner', scope: 'organization' },
    ]);
  });

  it('gives a billing admin no project access', () => {
    const snapshot = acmeOrg().member('bill', orgRole('billing-admin')).build();
    const access = effectiveAccess(snapshot, { kind: 'member', member: snapshot.members[0]! });
    expect(access.projects.every((p) => p.reaches.length === 0)).toBe(true);
    expect(access.cloudRoles[0]!.label).toBe('Billing admin');
  });

  it('treats an invitation like the user it will become', () => {
    const snapshot = acmeOrg()
      .invitation('dave@example.com', { roles: projectRole('security', 'security-t1-analyst', [pid('sec-prod')]) })
      .build();
    const access = effectiveAccess(snapshot, { kind: 'invitation', invitation: snapshot.invitations[0]! });
    expect(granted(inProject(access.projects, 'sec-prod'))).toEqual(['t1_analyst']);
    expect(access.principal).toEqual({ kind: 'invitation', id: 'inv-dave@example.com', label: 'dave@example.com' });
  });
});

describe('effectiveAccess for API keys', () => {
  it('never inherits from role_id: a key without application_roles is cloud-only', () => {
    const snapshot = acmeOrg()
      .key('deployer', {
        roles: roles(orgRole('organization-admin'), projectRole('elasticsearch', 'elasticsearch-admin', 'all')),
      })
      .build();
    const access = effectiveAccess(snapshot, { kind: 'key', key: snapshot.keys[0]! });
    expect(access.cloudOnly).toBe(true);
    const prod = inProject(access.projects, 'search-prod');
    expect(prod.reaches.length).toBeGreaterThan(0);
    expect(prod.roles).toEqual([]);
    expect(access.futureProjects).toEqual([]);
  });

  it('grants org-scoped application_roles everywhere, now and in future projects', () => {
    const snapshot = acmeOrg()
      .key('platform', { roles: orgRole('organization-admin', ['admin']) })
      .build();
    const access = effectiveAccess(snapshot, { kind: 'key', key: snapshot.keys[0]! });
    expect(access.cloudOnly).toBe(false);
    for (const project of access.projects) {
      expect(granted(project)).toEqual(['admin']);
      expect(project.roles[0]!.reasons[0]!.text).toBe('via org-scoped application_roles [admin]');
    }
    expect(access.futureProjects).toEqual([
      {
        scope: 'organization',
        stackRoles: ['admin'],
        text: 'via org-scoped application_roles [admin] also covers every future project',
      },
    ]);
  });

  it('finds that an org-scoped predefined role of one solution is missing in another', () => {
    const snapshot = acmeOrg()
      .key('ingest', { roles: orgRole('organization-admin', ['developer']) })
      .build();
    const access = effectiveAccess(snapshot, { kind: 'key', key: snapshot.keys[0]! });
    expect(granted(inProject(access.projects, 'search-prod'))).toEqual(['developer']);
    expect(inProject(access.projects, 'obs-prod').missingCustomRoles).toEqual(['developer']);
  });

  it('never reports an over-grant for keys', () => {
    const snapshot = acmeOrg()
      .key('etl', {
        roles: roles(
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']),
          projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['viewer']),
        ),
      })
      .build();
    const prod = inProject(effectiveAccess(snapshot, { kind: 'key', key: snapshot.keys[0]! }).projects, 'search-prod');
    expect(granted(prod).sort()).toEqual(['marketing-reader', 'viewer']);
    expect(prod.overGrant).toBe(false);
  });
});
