/**
 * The review's project rows come from the projects a principal's assignments can reach (found through the project
 * index), not from asking every project: on random organizations they are exactly the reaches that asking every
 * principal about every project gives.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { activePrincipals, reachesOf, roleAssignmentsOf, type Principal } from '../../../src/domain/access/index.js';
import { accessGrants } from '../../../src/domain/review/index.js';
import { inertText } from '../../../src/util/inert-text.js';
import { randomOrganization } from '../../support/random-organization.js';

const VIA = { project: 'direct', 'all-of-type': 'all', organization: 'organization', 'org-owner': 'owner' } as const;

const idOf = (p: Principal): string =>
  p.kind === 'member' ? p.member.user_id : p.kind === 'invitation' ? inertText(p.invitation.email) : p.key.id;

const row = (
  who: string,
  project: string,
  roleId: string,
  via: string,
  app: readonly string[],
  stack: readonly string[],
) => JSON.stringify([who, project, roleId, via, app, stack]);

it('has a project row for every reach of every principal on every project, and no other', () => {
  fc.assert(
    fc.property(randomOrganization, (snapshot) => {
      const expected = activePrincipals(snapshot).flatMap((principal) =>
        snapshot.projects.flatMap((project) =>
          reachesOf(principal.kind, roleAssignmentsOf(principal), project).map((r) =>
            row(idOf(principal), project.id, r.roleId, VIA[r.via], r.applicationRoles, r.stackRoles),
          ),
        ),
      );
      const actual = accessGrants(snapshot)
        .filter((g) => g.scope.kind === 'project' && g.principal.kind !== 'project-key')
        .map((g) => row(g.principal.id, g.scope.id, g.role_id, g.via, g.application_roles, g.stack_roles));
      expect(actual.sort()).toEqual(expected.sort());
    }),
    { numRuns: 500 },
  );
});
