/**
 * The doctor's shortcut (src/domain/doctor/reached-projects.ts) against the access model it skips: on random
 * organizations, the projects it says a principal reaches are exactly those access/ finds a reach in, and every
 * principal × project where access/ shows a custom role is among the pairs it hands to the rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activePrincipals,
  principalRef,
  projectAccess,
  projectIndex,
  reachesOf,
} from '../../../src/domain/access/index.js';
import {
  customRoleHolderAccess,
  customRoleHolders,
  reachedProjects,
} from '../../../src/domain/doctor/reached-projects.js';
import { randomOrganization } from '../../support/random-organization.js';

describe('where the doctor looks for custom roles', () => {
  it('reaches exactly the projects access/ finds a reach in, in snapshot order', () => {
    fc.assert(
      fc.property(randomOrganization, (snapshot) => {
        const index = projectIndex(snapshot.projects);
        for (const principal of activePrincipals(snapshot)) {
          const assignments =
            principal.kind === 'member'
              ? principal.member.role_assignments
              : principal.kind === 'key'
                ? principal.key.role_assignments
                : principal.invitation.role_assignments;
          const covered = snapshot.projects.filter((p) => reachesOf(principal.kind, assignments ?? {}, p).length > 0);
          expect(reachedProjects(index, principal)).toEqual(covered);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hands the rules every principal × project where access/ shows a custom role', () => {
    fc.assert(
      fc.property(randomOrganization, (snapshot) => {
        const looked = new Set(
          customRoleHolders(snapshot).flatMap(({ principal, projects }) =>
            projects.map((p) => `${principalRef(principal).id} ${snapshot.projects.indexOf(p)}`),
          ),
        );
        for (const principal of activePrincipals(snapshot)) {
          snapshot.projects.forEach((p, position) => {
            const custom = projectAccess(snapshot, principal, p).roles.filter((r) => r.origin === 'custom');
            if (custom.length > 0) expect(looked).toContain(`${principalRef(principal).id} ${position}`);
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it("works out each holder's access in the projects it reaches once per doctor run, as access/ gives it", () => {
    fc.assert(
      fc.property(randomOrganization, (snapshot) => {
        const run = { snapshot };
        const holders = customRoleHolderAccess(run);
        expect(customRoleHolderAccess(run)).toBe(holders);
        expect(customRoleHolderAccess({ snapshot })).not.toBe(holders);
        expect(holders.map(({ principal, projects }) => ({ principal, projects }))).toEqual(
          customRoleHolders(snapshot),
        );
        for (const { principal, projects, accesses } of holders) {
          expect(accesses).toEqual(projects.map((p) => projectAccess(snapshot, principal, p)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
