/**
 * The indexed access matrix against the straightforward one it replaced: on random organizations, every cell is
 * what `projectAccess` says for that principal and project, reduced to the matrix's content.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/api/schemas.js';
import {
  accessMatrix,
  activePrincipals,
  projectAccess,
  type MatrixCell,
  type Principal,
} from '../../../src/domain/access/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { randomOrganization } from '../../support/random-organization.js';

function referenceCell(snapshot: OrgSnapshot, principal: Principal, project: Project): MatrixCell {
  const access = projectAccess(snapshot, principal, project);
  return {
    kind: access.reaches.length === 0 ? 'none' : access.roles.length === 0 ? 'cloud-only' : 'roles',
    roles: access.roles.map(({ name, status }) => ({ name, status })),
    overGrant: access.overGrant,
  };
}

describe('the access matrix', () => {
  it('holds, for every principal and project, the cell projectAccess describes', () => {
    fc.assert(
      fc.property(randomOrganization, (snapshot) => {
        const principals = activePrincipals(snapshot);
        const matrix = accessMatrix(snapshot, principals, snapshot.projects);
        expect(matrix.cells).toEqual(
          principals.map((principal) =>
            snapshot.projects.map((project) => referenceCell(snapshot, principal, project)),
          ),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
