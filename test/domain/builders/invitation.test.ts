import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInvitation } from '../../../src/domain/builders/index.js';

const ORG = 'org-1';

describe('buildInvitation', () => {
  it('trims, lower-cases, splits and de-duplicates emails', () => {
    const result = buildInvitation({
      orgId: ORG,
      emails: [' Alice@Example.COM ', 'alice@example.com', 'bob@x.io, carol@y.org;dave@z.dev'],
    });
    expect(result.ok && result.body).toEqual({
      emails: ['alice@example.com', 'bob@x.io', 'carol@y.org', 'dave@z.dev'],
    });
    expect(result.ok && result.request).toEqual({
      method: 'POST',
      path: `/organizations/${ORG}/invitations`,
      body: { emails: ['alice@example.com', 'bob@x.io', 'carol@y.org', 'dave@z.dev'] },
      target: { service: 'cloud' },
      summary: 'invite alice@example.com, bob@x.io, carol@y.org, dave@z.dev',
    });
  });

  it('reports each bad address where it was typed', () => {
    expect(buildInvitation({ orgId: ORG, emails: ['ok@x.io', 'bob@', 'x y@z', 'carol@example'] })).toEqual({
      ok: false,
      issues: [
        { path: 'emails[1]', message: '"bob@" is not an email address' },
        { path: 'emails[2]', message: '"x" is not an email address' },
        { path: 'emails[2]', message: '"y@z" is not an email address' },
        { path: 'emails[3]', message: '"carol@example" is not an email address' },
      ],
    });
  });

  it('needs at least one address and an organization', () => {
    expect(buildInvitation({ orgId: '', emails: ['  '] })).toEqual({
      ok: false,
      issues: [
        { path: 'orgId', message: 'is required' },
        { path: 'emails', message: 'enter at least one email address' },
      ],
    });
  });

  it('sends the lifetime in days or hours, and leaves it out by default (server: 72 h)', () => {
    expect(buildInvitation({ orgId: ORG, emails: ['a@b.co'], expiresIn: '2w' })).toMatchObject({
      ok: true,
      body: { expires_in: '14d' },
    });
    expect(buildInvitation({ orgId: ORG, emails: ['a@b.co'], expiresIn: '72h' })).toMatchObject({
      ok: true,
      body: { expires_in: '3d' },
    });
    expect(buildInvitation({ orgId: ORG, emails: ['a@b.co'], expiresIn: '36h' })).toMatchObject({
      ok: true,
      body: { expires_in: '36h' },
    });
    expect(buildInvitation({ orgId: ORG, emails: ['a@b.co'], expiresIn: '30m' })).toEqual({
      ok: false,
      issues: [
        {
          path: 'expiresIn',
          message:
            '"30m" is ambiguous: write months as "mo" (e.g. 3mo); minutes are not supported, the smallest unit is h',
        },
      ],
    });
  });

  it('expands project role ids in friendly assignments', () => {
    const result = buildInvitation({
      orgId: ORG,
      emails: ['a@b.co'],
      roleAssignments: [
        { scope: 'project', type: 'security', roleId: 't1_analyst', all: true },
        { scope: 'project', type: 'elasticsearch', roleId: 'Developer', projectIds: ['p1'] },
      ],
    });
    expect(result.ok && result.body.role_assignments).toEqual({
      project: {
        elasticsearch: [{ role_id: 'elasticsearch-developer', organization_id: ORG, all: false, project_ids: ['p1'] }],
        security: [{ role_id: 'security-t1-analyst', organization_id: ORG, all: true }],
      },
    });
  });

  it('rejects unknown role ids with the valid ones', () => {
    expect(
      buildInvitation({
        orgId: ORG,
        emails: ['a@b.co'],
        roleAssignments: [{ scope: 'project', type: 'observability', roleId: 'developer', all: true }],
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'roleAssignments[0].roleId',
          message:
            '"developer" is not an observability project role; use one of observability-admin, observability-editor, observability-viewer (or the short form: admin, editor, viewer)',
        },
      ],
    });
  });

  it('refuses org-wide application roles for people, and both input forms at once', () => {
    expect(
      buildInvitation({
        orgId: ORG,
        emails: ['a@b.co'],
        roleAssignments: [{ scope: 'organization', roleId: 'billing-admin', applicationRoles: ['viewer'] }],
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'roleAssignments[0].applicationRoles',
          message: 'organization-wide application roles are documented for API keys only; give them on project entries',
        },
      ],
    });
    expect(buildInvitation({ orgId: ORG, emails: ['a@b.co'], roleAssignments: [], rawRoleAssignments: {} })).toEqual({
      ok: false,
      issues: [{ path: 'rawRoleAssignments', message: 'give either roleAssignments or rawRoleAssignments, not both' }],
    });
  });

  it('warns when a predefined and a custom role meet on one project', () => {
    const result = buildInvitation({
      orgId: ORG,
      emails: ['a@b.co'],
      roleAssignments: [
        { scope: 'project', type: 'elasticsearch', roleId: 'viewer', projectIds: ['p1', 'p2'] },
        {
          scope: 'project',
          type: 'elasticsearch',
          roleId: 'viewer',
          projectIds: ['p2'],
          applicationRoles: ['dashboard-reader'],
        },
      ],
    });
    expect(result.ok && result.warnings).toEqual([
      'elasticsearch-viewer and application_roles [dashboard-reader] both apply on elasticsearch project p2: roles combine as a union on sign-in, ' +
        'so the predefined role widens what the custom role allows. The custom role assignment (elasticsearch-viewer) already gives console access; drop elasticsearch-viewer there.',
    ]);
  });

  it('sends each person once, lower-cased, whatever the spelling (property)', () => {
    const local = fc.stringMatching(/^[a-z0-9._-]{1,10}$/);
    const domain = fc.stringMatching(/^[a-z0-9-]{1,10}\.[a-z]{2,5}$/);
    const email = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
    const spelling = (e: string) =>
      fc
        .tuple(fc.array(fc.boolean(), { minLength: e.length, maxLength: e.length }), fc.constantFrom('', ' ', '  '))
        .map(
          ([upper, pad]) =>
            pad +
            Array.from(e)
              .map((c, i) => (upper[i] ? c.toUpperCase() : c))
              .join('') +
            pad,
        );
    const typed = fc
      .uniqueArray(email, { minLength: 1, maxLength: 6 })
      .chain((people) =>
        fc
          .array(fc.constantFrom(...people).chain(spelling), { minLength: people.length, maxLength: 15 })
          .map((variants) => ({ people, variants: [...people.map((p) => p.toUpperCase()), ...variants] })),
      );
    fc.assert(
      fc.property(typed, ({ people, variants }) => {
        const result = buildInvitation({ orgId: ORG, emails: variants });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(new Set(result.body.emails).size).toBe(result.body.emails.length);
        expect([...result.body.emails].sort()).toEqual([...people].sort());
      }),
    );
  });
});
