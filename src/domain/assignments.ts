/**
 * RoleAssignments as rows: one row per wire entry, so lists, comparisons and edits need not walk the nested
 * `organization` / `deployment` / `project.<type>` shape each time.
 *
 * The Cloud API has no "replace all": an edit is a DELETE of the entries that go and a POST of the entries that come
 * (cloud-api.md §4; terraform-provider-ec removes first, then adds). `diffAssignments` yields exactly those two bodies.
 * Rows keep only the documented fields; rebuilding an entry drops fields the API may add later.
 */
import { PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../api/schemas.js';
import { ORGANIZATION_OWNER_ROLE_ID } from './catalog.js';

export type AssignmentScope = 'organization' | 'deployment' | 'project';

export interface FlatAssignment {
  readonly scope: AssignmentScope;
  /** Project entries only. */
  readonly type?: ProjectType;
  readonly roleId: string;
  readonly organizationId: string;
  /** `all: true` on the wire. Organization entries cover the whole organization, so they read as `true`. */
  readonly all: boolean;
  /** `deployment_ids` / `project_ids`; empty when `all`. */
  readonly ids: readonly string[];
  readonly applicationRoles: readonly string[];
}

/** ECE `platform` entries are left out: they never occur on Elastic Cloud. */
export function flattenAssignments(ra: RoleAssignments): FlatAssignment[] {
  const organization = (ra.organization ?? []).map((e): FlatAssignment => ({
    scope: 'organization',
    roleId: e.role_id,
    organizationId: e.organization_id,
    all: true,
    ids: [],
    applicationRoles: e.application_roles ?? [],
  }));
  const deployment = (ra.deployment ?? []).map((e): FlatAssignment => ({
    scope: 'deployment',
    roleId: e.role_id,
    organizationId: e.organization_id,
    all: e.all === true,
    ids: e.all === true ? [] : (e.deployment_ids ?? []),
    applicationRoles: e.application_roles ?? [],
  }));
  const project = PROJECT_TYPES.flatMap((type) =>
    (ra.project?.[type] ?? []).map((e): FlatAssignment => ({
      scope: 'project',
      type,
      roleId: e.role_id,
      organizationId: e.organization_id,
      all: e.all === true,
      ids: e.all === true ? [] : (e.project_ids ?? []),
      applicationRoles: e.application_roles ?? [],
    })),
  );
  return [...organization, ...deployment, ...project];
}

const withApplicationRoles = (row: FlatAssignment) =>
  row.applicationRoles.length > 0 ? { application_roles: [...row.applicationRoles] } : {};

/** Rows back to the wire shape, with `all` and the id list following the spec rule (ids absent exactly when all). */
export function toRoleAssignments(rows: readonly FlatAssignment[]): RoleAssignments {
  const ra: RoleAssignments = {};
  for (const row of rows) {
    const base = { role_id: row.roleId, organization_id: row.organizationId };
    if (row.scope === 'organization') {
      ra.organization = [...(ra.organization ?? []), { ...base, ...withApplicationRoles(row) }];
    } else if (row.scope === 'deployment') {
      const reach = row.all ? { all: true } : { all: false, deployment_ids: [...row.ids] };
      ra.deployment = [...(ra.deployment ?? []), { ...base, ...reach, ...withApplicationRoles(row) }];
    } else {
      const type = row.type!;
      const reach = row.all ? { all: true } : { all: false, project_ids: [...row.ids] };
      ra.project = {
        ...ra.project,
        [type]: [...(ra.project?.[type] ?? []), { ...base, ...reach, ...withApplicationRoles(row) }],
      };
    }
  }
  return ra;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** Same entry as far as the API is concerned: id lists and application roles compare as sets. */
export function isSameAssignment(a: FlatAssignment, b: FlatAssignment): boolean {
  return (
    a.scope === b.scope &&
    a.type === b.type &&
    a.roleId === b.roleId &&
    a.organizationId === b.organizationId &&
    a.all === b.all &&
    sameSet(a.ids, b.ids) &&
    sameSet(a.applicationRoles, b.applicationRoles)
  );
}

function without(rows: readonly FlatAssignment[], others: readonly FlatAssignment[]): FlatAssignment[] {
  return rows.filter((row) => !others.some((other) => isSameAssignment(row, other)));
}

function unique(rows: readonly FlatAssignment[]): FlatAssignment[] {
  return rows.filter((row, i) => rows.findIndex((other) => isSameAssignment(row, other)) === i);
}

/** The union of several RoleAssignments, each entry once, in first-seen order. */
export function mergeAssignments(...lists: readonly RoleAssignments[]): RoleAssignments {
  return toRoleAssignments(unique(lists.flatMap(flattenAssignments)));
}

export function isEmptyAssignments(ra: RoleAssignments): boolean {
  return flattenAssignments(ra).length === 0;
}

/**
 * The bodies that turn `before` into `after`: DELETE `removed`, then POST `added`. An entry whose ids changed
 * appears in both (the API cannot edit an entry in place).
 */
export function diffAssignments(
  before: RoleAssignments,
  after: RoleAssignments,
): { added: RoleAssignments; removed: RoleAssignments } {
  const old = unique(flattenAssignments(before));
  const next = unique(flattenAssignments(after));
  return { added: toRoleAssignments(without(next, old)), removed: toRoleAssignments(without(old, next)) };
}

/**
 * Whether the entry applies to the project at all (console access or stack roles), following the access model of
 * src/domain/access/reach.ts: project entries through `all` or their ids; organization entries when they carry
 * `application_roles` or are the owner role (billing-admin reaches no project); deployment entries never.
 */
export function assignmentReachesProject(
  entry: FlatAssignment,
  project: { readonly id: string; readonly type: ProjectType },
): boolean {
  switch (entry.scope) {
    case 'organization':
      return entry.applicationRoles.length > 0 || entry.roleId === ORGANIZATION_OWNER_ROLE_ID;
    case 'deployment':
      return false;
    case 'project':
      return entry.type === project.type && (entry.all || entry.ids.includes(project.id));
  }
}
