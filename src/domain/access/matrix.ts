/**
 * Principals × projects as compact cells for the matrix view. Cells are data (role names with a status); how a
 * missing role or an over-grant looks on screen is the TUI's business.
 */
import { finish, type Steps } from '../../util/stepwise.js';
import type { OrgSnapshot } from '../org.js';
import { PROJECT_TYPES, type Project } from '../../api/schemas.js';
import { projectRef, type ProjectRef, type RoleStatus } from './effective.js';
import { principalRef, roleAssignmentsOf, type Principal, type PrincipalRef } from './principal.js';
import { coveredPositions, projectIndex, type ProjectIndex } from './project-index.js';
import { organizationReaches, projectStackRoles } from './reach.js';
import { roleExistence, type RoleExistence } from './role-existence.js';
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

/** The one cell of every pair no assignment covers: most of a large matrix, so shared rather than allocated. */
const NO_ACCESS: MatrixCell = Object.freeze({ kind: 'none', roles: Object.freeze([]), overGrant: false });

/** What one assignment yields in a project it covers, without the reason text the matrix never shows. */
interface Yield {
  readonly stackRoles: readonly string[];
  /** Mapped from role_id by a project role (not an owner's admin): the accidental half of an over-grant. */
  readonly mapped: boolean;
}

/**
 * Every principal × project, computed from what each principal's assignments cover (through a project index)
 * instead of resolving every pair: work is proportional to the cells that hold access. Cells with the same
 * content are one object, so a matrix of thousands of similar rows holds few distinct cells. The cells are
 * those `projectAccess` describes (test/domain/access/matrix-reference.test.ts checks it on random organizations).
 */
export function accessMatrix(
  snapshot: OrgSnapshot,
  principals: readonly Principal[],
  projects: readonly Project[],
): AccessMatrix {
  return finish(accessMatrixSteps(snapshot, principals, projects));
}

/** Rows between two steps of accessMatrixSteps: a few milliseconds' work at the large scale. */
const ROWS_PER_STEP = 100;

/** accessMatrix a batch of rows per step, for a caller that must stay responsive meanwhile (the TUI's matrix). */
export function* accessMatrixSteps(
  snapshot: OrgSnapshot,
  principals: readonly Principal[],
  projects: readonly Project[],
): Steps<AccessMatrix> {
  const index = projectIndex(projects);
  const existence = existenceLookup(snapshot, projects);
  const interned = new Map<string, MatrixCell>();
  const cells: MatrixCell[][] = [];
  for (const principal of principals) {
    cells.push(rowOf(principal, index, existence, interned));
    if (cells.length % ROWS_PER_STEP === 0) yield;
  }
  return { rows: principals.map(principalRef), columns: projects.map(projectRef), cells };
}

type ExistenceLookup = (position: number, name: string) => RoleExistence;

/** roleExistence, asked once per project and role name. */
function existenceLookup(snapshot: OrgSnapshot, projects: readonly Project[]): ExistenceLookup {
  const known = projects.map(() => new Map<string, RoleExistence>());
  return (position, name) => {
    const seen = known[position]!;
    let found = seen.get(name);
    if (found === undefined) {
      found = roleExistence(snapshot, projects[position]!, name);
      seen.set(name, found);
    }
    return found;
  };
}

function rowOf(
  principal: Principal,
  index: ProjectIndex,
  existence: ExistenceLookup,
  interned: Map<string, MatrixCell>,
): MatrixCell[] {
  const assignments = roleAssignmentsOf(principal);
  const overGrantCounts = principal.kind !== 'key';
  const organization = organizationReaches(principal.kind, assignments).map((reach): Yield => ({
    stackRoles: reach.stackRoles,
    mapped: false,
  }));
  const row = new Array<MatrixCell>(index.projects.length).fill(NO_ACCESS);
  for (const type of PROJECT_TYPES) {
    const entries = assignments.project?.[type] ?? [];
    const ofType = index.byType.get(type);
    if (!ofType || (entries.length === 0 && organization.length === 0)) continue;
    const yields = entries.map((entry): Yield => {
      const { stackRoles, source } = projectStackRoles(principal.kind, entry, type);
      return { stackRoles, mapped: source === 'role_id' };
    });
    // Organization and `all` entries cover every project of the type alike; listed ids add entries here and there.
    const everywhere = entries.flatMap((entry, n) => (entry.all ? [n] : []));
    const listedAt = new Map<number, number[]>();
    entries.forEach((entry, n) => {
      if (entry.all) return;
      for (const position of coveredPositions(index, type, entry)) {
        const numbers = listedAt.get(position);
        if (numbers) numbers.push(n);
        else listedAt.set(position, [n]);
      }
    });
    const coverages = new Map<string, Coverage>();
    const coverageFor = (listed: readonly number[]): Coverage => {
      const numbers = listed.length === 0 ? everywhere : [...everywhere, ...listed].sort((x, y) => x - y);
      const signature = numbers.join(' ');
      let coverage = coverages.get(signature);
      if (!coverage) {
        coverage = coverageOf([...organization, ...numbers.map((n) => yields[n]!)], overGrantCounts);
        coverages.set(signature, coverage);
      }
      return coverage;
    };
    if (organization.length > 0 || everywhere.length > 0) {
      const base = coverageFor([]);
      for (const position of ofType.all) {
        const listed = listedAt.get(position);
        row[position] = cellOf(listed ? coverageFor(listed) : base, position, existence, interned);
      }
    } else {
      for (const [position, listed] of listedAt)
        row[position] = cellOf(coverageFor(listed), position, existence, interned);
    }
  }
  return row;
}

/** The stack roles some assignments yield together, before asking which exist in a given project. */
interface Coverage {
  readonly names: readonly string[];
  readonly mappedNames: ReadonlySet<string>;
  readonly overGrantCounts: boolean;
  /** Set once every name proved predefined (existence then depends on the project's type only). */
  cell?: MatrixCell;
}

function coverageOf(yields: readonly Yield[], overGrantCounts: boolean): Coverage {
  const names: string[] = [];
  const mappedNames = new Set<string>();
  for (const { stackRoles, mapped } of yields) {
    for (const name of stackRoles) {
      if (!names.includes(name)) names.push(name);
      if (mapped) mappedNames.add(name);
    }
  }
  return { names, mappedNames, overGrantCounts };
}

/** The cell of one covered project: what `projectAccess` would say there, reduced to the matrix's content. */
function cellOf(
  coverage: Coverage,
  position: number,
  existence: ExistenceLookup,
  interned: Map<string, MatrixCell>,
): MatrixCell {
  if (coverage.cell) return coverage.cell;
  let key = '';
  let mappedPredefined = false;
  let liveCustom = false;
  let allPredefined = true;
  const roles = coverage.names.map((name) => {
    const found = existence(position, name);
    const status: RoleStatus = found === 'missing' ? 'missing' : found === 'unknown' ? 'unknown' : 'granted';
    if (found === 'predefined') mappedPredefined ||= coverage.mappedNames.has(name);
    else {
      allPredefined = false;
      liveCustom ||= status !== 'missing';
    }
    key += `${name}\u0000${status}\u0000`;
    return { name, status };
  });
  // Roles combine as a union: a predefined role mapped from role_id defeats the restriction a custom role gives.
  const overGrant = coverage.overGrantCounts && mappedPredefined && liveCustom;
  const kind: MatrixCellKind = roles.length === 0 ? 'cloud-only' : 'roles';
  key += `${kind}\u0000${overGrant}`;
  let cell = interned.get(key);
  if (!cell) {
    cell = Object.freeze({ kind, roles: Object.freeze(roles.map((r) => Object.freeze(r))), overGrant });
    interned.set(key, cell);
  }
  if (allPredefined) coverage.cell = cell;
  return cell;
}

/**
 * Project API keys as matrix rows: each reaches its own project only, with its role descriptors (by name; as
 * `superuser-like` when they allow everything). They hold no Cloud role, so no over-grant or missing role applies.
 */
export function projectKeyMatrix(holders: readonly ProjectKeyHolder[], projects: readonly Project[]): AccessMatrix {
  const cells = holders.map((holder) => {
    const p = projectKeyPrivileges(holder.key);
    const names = p.superuserLike ? ['superuser-like'] : projectKeyRoleNames(holder);
    const own: MatrixCell = {
      kind: 'roles',
      roles: names.map((name) => ({ name, status: 'granted' })),
      overGrant: false,
    };
    return projects.map((project) => (project.id !== holder.project.id ? NO_ACCESS : own));
  });
  return { rows: holders.map(projectKeyRef), columns: projects.map(projectRef), cells };
}

/** The descriptor names, or `limited_by` when the key works with its creator's privileges. */
function projectKeyRoleNames({ key }: ProjectKeyHolder): string[] {
  const own = Object.keys(key.role_descriptors ?? {});
  return own.length > 0 ? own : ['limited_by'];
}
