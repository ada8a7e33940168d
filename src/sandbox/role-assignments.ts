/**
 * Incoming `RoleAssignments` checked and put in the one form the sandbox stores and returns:
 * - `role_id` must exist for its scope and project type; the skill's bare project ids (`developer`, `t1_analyst`)
 *   are accepted and stored in the prefixed wire form (`elasticsearch-developer`, `security-t1-analyst`);
 * - a missing `organization_id` is filled with the caller's organization (the skill's examples omit it), another
 *   organization's id is refused;
 * - `all: true` excludes an id list and `all` false/absent requires a non-empty one, whose projects must exist and
 *   be of that type, and whose deployments must exist.
 * Adding and removing then work on that form, so "remove exactly what was listed" compares like with like.
 */
import { isProjectType, PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../api/schemas.js';
import { expandProjectRoleId, expandScopedRoleId } from '../domain/catalog.js';
import { validateRoleNameSyntax } from '../domain/role-name.js';
import type { SandboxData, StoredProject } from './model.js';
import { isRecord } from './json-object.js';
import { cloudError } from './reply.js';

export interface AssignmentRules {
  readonly orgId: string;
  readonly projects: readonly StoredProject[];
  /** The ids `deployment_ids` may name (deploymentIdsOf, plus for a removal the ids the holder has). */
  readonly deploymentIds: ReadonlySet<string>;
  /** The 400 code of the calling endpoint (`role_assignments.invalid_role`, `api_keys.invalid_input`, …). */
  readonly errorCode: string;
  /** Refuse a project role id that is not in the wire form instead of rewriting it (`ec-access sandbox --strict`). */
  readonly strict: boolean;
  /** Told about each id rewritten to the wire form. */
  readonly warn: (message: string) => void;
}

interface ScopedEntry {
  [field: string]: unknown;
  role_id: string;
  organization_id: string;
  all?: boolean;
  project_ids?: string[];
  deployment_ids?: string[];
  application_roles?: string[];
}

const SCOPES = ['platform', 'organization', 'deployment', 'project'] as const;

export function normalizeRoleAssignments(input: unknown, rules: AssignmentRules): RoleAssignments {
  const fail = (message: string, field: string) => cloudError(400, rules.errorCode, message, [field]);
  if (input === undefined || input === null) return {};
  if (!isRecord(input)) throw fail('role_assignments must be an object', 'role_assignments');
  for (const scope of Object.keys(input)) {
    if (!(SCOPES as readonly string[]).includes(scope)) throw fail(`unknown role assignment scope "${scope}"`, scope);
  }
  if (arrayOf(input.platform, 'platform', fail).length > 0) {
    throw fail('platform roles exist only in Elastic Cloud Enterprise', 'platform');
  }

  const out: RoleAssignments = {};
  const organization = arrayOf(input.organization, 'organization', fail).map((raw, i) => {
    const field = `organization[${i}]`;
    const entry = baseEntry(raw, field, rules, fail);
    const roleId = expandScopedRoleId('organization', entry.role_id);
    if (!roleId)
      throw fail(
        `${field}: "${entry.role_id}" is not an organization role (organization-admin, billing-admin)`,
        `${field}.role_id`,
      );
    if (raw.all !== undefined || raw.project_ids !== undefined || raw.deployment_ids !== undefined) {
      throw fail(`${field}: organization roles take no all/project_ids/deployment_ids`, field);
    }
    return withApplicationRoles({ role_id: roleId, organization_id: entry.organization_id }, raw, field, fail);
  });
  if (organization.length > 0) out.organization = organization;

  const deployment = arrayOf(input.deployment, 'deployment', fail).map((raw, i) => {
    const field = `deployment[${i}]`;
    const entry = baseEntry(raw, field, rules, fail);
    const roleId = expandScopedRoleId('deployment', entry.role_id);
    if (!roleId) throw fail(`${field}: "${entry.role_id}" is not a deployment role`, `${field}.role_id`);
    const scope = allOrIds(raw, 'deployment_ids', field, fail);
    for (const id of scope.deployment_ids ?? []) {
      if (!rules.deploymentIds.has(id))
        throw fail(`${field}: deployment ${id} does not exist`, `${field}.deployment_ids`);
    }
    return withApplicationRoles(
      { role_id: roleId, organization_id: entry.organization_id, ...scope },
      raw,
      field,
      fail,
    );
  });
  if (deployment.length > 0) out.deployment = deployment;

  if (input.project !== undefined) {
    if (!isRecord(input.project)) throw fail('project must be an object keyed by project type', 'project');
    const project: NonNullable<RoleAssignments['project']> = {};
    for (const [type, entries] of Object.entries(input.project)) {
      if (!isProjectType(type)) {
        throw fail(`unknown project type "${type}" (elasticsearch, observability, security)`, `project.${type}`);
      }
      const normalized = arrayOf(entries, `project.${type}`, fail).map((raw, i) =>
        projectEntry(type, raw, `project.${type}[${i}]`, rules, fail),
      );
      if (normalized.length > 0) project[type] = normalized;
    }
    if (Object.keys(project).length > 0) out.project = project;
  }
  return out;
}

type Fail = (message: string, field: string) => Error;

function projectEntry(
  type: ProjectType,
  raw: Record<string, unknown>,
  field: string,
  rules: AssignmentRules,
  fail: Fail,
) {
  const entry = baseEntry(raw, field, rules, fail);
  const roleId = expandProjectRoleId(type, entry.role_id);
  if (!roleId) throw fail(`${field}: "${entry.role_id}" is not a role of ${type} projects`, `${field}.role_id`);
  if (roleId !== entry.role_id) {
    const said = `${field}.role_id ${JSON.stringify(entry.role_id)} is not the wire form: Elastic Cloud expects "${roleId}"`;
    if (rules.strict) throw fail(`${said} (the sandbox runs with --strict)`, `${field}.role_id`);
    rules.warn(`${said}; the sandbox accepted it as "${roleId}"`);
  }
  const scope = allOrIds(raw, 'project_ids', field, fail);
  for (const id of scope.project_ids ?? []) {
    const project = rules.projects.find((p) => p.id === id);
    if (!project) throw fail(`${field}: project ${id} does not exist`, `${field}.project_ids`);
    if (project.type !== type)
      throw fail(`${field}: project ${id} is a ${project.type} project, not ${type}`, `${field}.project_ids`);
  }
  return withApplicationRoles({ role_id: roleId, organization_id: entry.organization_id, ...scope }, raw, field, fail);
}

function baseEntry(raw: Record<string, unknown>, field: string, rules: AssignmentRules, fail: Fail) {
  if (typeof raw.role_id !== 'string' || raw.role_id.trim() === '')
    throw fail(`${field}: role_id is required`, `${field}.role_id`);
  const orgId = raw.organization_id ?? rules.orgId;
  if (typeof orgId !== 'string') throw fail(`${field}: organization_id must be a string`, `${field}.organization_id`);
  if (orgId !== rules.orgId)
    throw fail(`${field}: organization ${orgId} is not this organization`, `${field}.organization_id`);
  return { role_id: raw.role_id, organization_id: orgId };
}

type Scope = { all: boolean; project_ids?: string[]; deployment_ids?: string[] };

function allOrIds(
  raw: Record<string, unknown>,
  idsField: 'project_ids' | 'deployment_ids',
  field: string,
  fail: Fail,
): Scope {
  if (raw.all !== undefined && typeof raw.all !== 'boolean')
    throw fail(`${field}: all must be a boolean`, `${field}.all`);
  const ids = raw[idsField];
  if (raw.all === true) {
    if (ids !== undefined) throw fail(`${field}: ${idsField} must be absent when all is true`, `${field}.${idsField}`);
    return { all: true };
  }
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    !ids.every((id): id is string => typeof id === 'string' && id !== '')
  ) {
    throw fail(`${field}: ${idsField} must list at least one id when all is not true`, `${field}.${idsField}`);
  }
  return { all: false, [idsField]: [...new Set(ids)] };
}

function withApplicationRoles(
  entry: ScopedEntry,
  raw: Record<string, unknown>,
  field: string,
  fail: Fail,
): ScopedEntry {
  const roles = raw.application_roles;
  if (roles === undefined) return entry;
  if (!Array.isArray(roles) || !roles.every((r): r is string => typeof r === 'string')) {
    throw fail(`${field}: application_roles must be a list of role names`, `${field}.application_roles`);
  }
  for (const name of roles) {
    // Predefined names are fine here (they are what most grants name), so only the syntax is checked.
    const problem = validateRoleNameSyntax(name);
    if (problem) throw fail(`${field}: application role "${name}": ${problem}`, `${field}.application_roles`);
  }
  return roles.length > 0 ? { ...entry, application_roles: [...new Set(roles)] } : entry;
}

function arrayOf(value: unknown, field: string, fail: Fail): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isRecord)) throw fail(`${field} must be a list of objects`, field);
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Adding and removing normalized assignments

type AnyEntry = ScopedEntry;
const idsOf = (e: AnyEntry) => e.project_ids ?? e.deployment_ids;
const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((x) => b.includes(x));
/** Two entries grant the same role the same way (ignoring which ids it covers). */
const sameGrant = (a: AnyEntry, b: AnyEntry) =>
  a.role_id === b.role_id && (a.all ?? false) === (b.all ?? false) && sameSet(a.application_roles, b.application_roles);
const sameEntry = (a: AnyEntry, b: AnyEntry) => sameGrant(a, b) && sameSet(idsOf(a), idsOf(b));

/** POST: each listed entry is added unless an identical one is already there. */
export function addAssignments(current: RoleAssignments, add: RoleAssignments): RoleAssignments {
  return mapEntries(current, add, (have, extra) => [
    ...have,
    ...extra.filter((e) => !have.some((h) => sameEntry(h, e))),
  ]);
}

/**
 * DELETE: removes exactly what is listed. An entry naming ids takes those ids out of the matching grant (the rest
 * stays); `all: true` removes the matching `all` grant. Entries that match nothing change nothing.
 */
export function removeAssignments(current: RoleAssignments, remove: RoleAssignments): RoleAssignments {
  return mapEntries(current, remove, (have, gone) => {
    let result = have;
    for (const g of gone) {
      result = result.flatMap((h) => {
        if (!sameGrant(h, g)) return [h];
        const removeIds = idsOf(g);
        if (h.all || !removeIds) return [];
        const key = h.project_ids ? 'project_ids' : 'deployment_ids';
        const left = (idsOf(h) ?? []).filter((id) => !removeIds.includes(id));
        return left.length > 0 ? [{ ...h, [key]: left }] : [];
      });
    }
    return result;
  });
}

function mapEntries(
  current: RoleAssignments,
  change: RoleAssignments,
  merge: (have: AnyEntry[], change: AnyEntry[]) => AnyEntry[],
): RoleAssignments {
  const out: RoleAssignments = {};
  const apply = (have: AnyEntry[] | undefined, delta: AnyEntry[] | undefined) => merge(have ?? [], delta ?? []);
  const organization = apply(current.organization, change.organization);
  if (organization.length > 0) out.organization = organization;
  const deployment = apply(current.deployment, change.deployment);
  if (deployment.length > 0) out.deployment = deployment;
  const project: NonNullable<RoleAssignments['project']> = {};
  for (const type of PROJECT_TYPES) {
    const entries = apply(current.project?.[type], change.project?.[type]);
    if (entries.length > 0) project[type] = entries;
  }
  if (Object.keys(project).length > 0) out.project = project;
  return out;
}

/** Every deployment that exists: the ids a new deployment assignment may name. */
export function deploymentIdsOf(data: Pick<SandboxData, 'deployments'>): Set<string> {
  return new Set(data.deployments.map((d) => d.id));
}

export function isOrganizationOwner(assignments: RoleAssignments): boolean {
  return (assignments.organization ?? []).some((a) => a.role_id === 'organization-admin');
}
