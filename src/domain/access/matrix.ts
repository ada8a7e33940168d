/**
 * Principals × projects as compact cells for the matrix view. Cells are data (role names with a status); how a
 * missing role or an over-grant looks on screen is the TUI's business.
 */
import type { Project } from '../../api/schemas.js';
import type { OrgSnapshot } from '../org.js';
import { projectAccess, projectRef, type ProjectRef, type RoleStatus } from './effective.js';
import { principalRef, type Principal, type PrincipalRef } from './principal.js';
import { projectKeyPrivileges, projectKeyRef, type ProjectKeyHolder } from './project-key.js';

/** none: no assignment covers the project ("—"); cloud-only: covered, no stack role; roles: see `roles`. */
export type MatrixCellKind = 'none' | 'cloud-only' | 'roles';

export interface MatrixCell {
  readonly kind: MatrixCellKind;
  readonly roles: readonly { readonly name: string; readonly status: RoleStatus }[];
  readonly overGrant: boolean;
}

export interface AccessMatrix {
  readonly rows: readonly PrincipalRef[];
  readonly columns: readonly ProjectRef[];
  /** cells[row][column] */
  readonly cells: readonly (readonly MatrixCell[])[];
}

export function accessMatrix(
  snapshot: OrgSnapshot,
  principals: readonly Principal[],
  projects: readonly Project[],
): AccessMatrix {
  const cells = principals.map((principal) =>
    projects.map((project): MatrixCell => {
      const access = projectAccess(snapshot, principal, project);
      const kind: MatrixCellKind =
        access.reaches.length === 0 ? 'none' : access.roles.length === 0 ? 'cloud-only' : 'roles';
      return { kind, roles: access.roles.map(({ name, status }) => ({ name, status })), overGrant: access.overGrant };
    }),
  );
  return { rows: principals.map(principalRef), columns: projects.map(projectRef), cells };
}

/**
 * Project API keys as matrix rows: each reaches its own project only, with its role descriptors (by name; as
 * `superuser-like` when they allow everything). They hold no Cloud role, so no over-grant or missing role applies.
 */
export function projectKeyMatrix(holders: readonly ProjectKeyHolder[], projects: readonly Project[]): AccessMatrix {
  const cells = holders.map((holder) => {
    const p = projectKeyPrivileges(holder.key);
    const names = p.superuserLike ? ['superuser-like'] : projectKeyRoleNames(holder);
    return projects.map((project): MatrixCell =>
      project.id !== holder.project.id
        ? { kind: 'none', roles: [], overGrant: false }
        : { kind: 'roles', roles: names.map((name) => ({ name, status: 'granted' })), overGrant: false },
    );
  });
  return { rows: holders.map(projectKeyRef), columns: projects.map(projectRef), cells };
}

/** The descriptor names, or `limited_by` when the key works with its creator's privileges. */
function projectKeyRoleNames({ key }: ProjectKeyHolder): string[] {
  const own = Object.keys(key.role_descriptors ?? {});
  return own.length > 0 ? own : ['limited_by'];
}
