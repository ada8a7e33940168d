/**
 * A replacement key's answers, read off an existing key. Keys cannot be edited, so rotating one or changing what it
 * may do means a new key like it, then revoking the old one. The wizard's scope model is narrower than the API's
 * role_assignments (one organization role; or one Cloud role and one set of stack roles on chosen projects or on all
 * projects of some types, optionally next to one organization role; deployment roles beside any of them, or alone),
 * so whatever it cannot carry over exactly is said in `caveats`, never changed silently.
 */
import { PROJECT_TYPES, type ApiKey, type ProjectType } from '../../../src/api/schemas.js';
import { flattenAssignments, isSameAssignment, type FlatAssignment } from '../../../src/domain/assignments.js';
import { findRole, friendlyRoleName, predefinedStackRoles, rolesForScope } from '../../../src/domain/catalog.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { lifetimeDays } from '../../../src/domain/doctor/key-expiry.js';
import { deploymentGrantsFrom } from '../deployment-grants.js';
import type { WizardEnv } from '../env.js';
import { EMPTY_KEY, keyRows, PRESETS, type KeyValues } from './values.js';

export interface FromKeyOptions {
  /** Give each project entry without application_roles the stack role its role_id names (elasticsearch-developer → developer). */
  readonly addStackAccess?: boolean;
  /** Organization-scoped application_roles become `all: true` entries for each project type where those roles exist. */
  readonly projectScoped?: boolean;
  /** The new key's expiration. Default: the old key's lifetime when that is a preset, else 90d (the console default). */
  readonly expiration?: string;
}

export interface KeyPrefill {
  readonly values: KeyValues;
  /** Plain sentences on where the pre-filled key would differ from `intended`; empty when it matches exactly. */
  readonly caveats: readonly string[];
  /** The assignments the new key should have: the old key's, after the requested change. */
  readonly intended: readonly FlatAssignment[];
}

const DEFAULT_EXPIRY = '90d';

const shortOf = (row: FlatAssignment) => row.roleId.slice(row.type!.length + 1);
const unique = <T>(items: readonly T[]) => [...new Set(items)];
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Entries that differ only in their project ids reach the union of them: one entry, as the wizard writes it. */
function merged(rows: readonly FlatAssignment[]): FlatAssignment[] {
  const out: FlatAssignment[] = [];
  for (const row of rows) {
    const at = out.findIndex(
      (o) =>
        o.scope === row.scope &&
        o.type === row.type &&
        o.roleId === row.roleId &&
        !o.all &&
        !row.all &&
        sameSet(unique(o.applicationRoles), unique(row.applicationRoles)),
    );
    if (row.scope === 'project' && at >= 0) out[at] = { ...out[at]!, ids: unique([...out[at]!.ids, ...row.ids]) };
    else out.push(row);
  }
  return out;
}

/** Same reach: the same entries once entries that only split a project list are joined. */
const sameRows = (a: readonly FlatAssignment[], b: readonly FlatAssignment[]) => {
  const [x, y] = [merged(a), merged(b)];
  return x.length === y.length && x.every((r) => y.some((o) => isSameAssignment(r, o)));
};

function existsInType(snapshot: OrgSnapshot, type: ProjectType, name: string): boolean {
  if (predefinedStackRoles(type).includes(name)) return true;
  return snapshot.projects.some((p) => {
    const state = p.type === type ? snapshot.customRoles.get(p.id) : undefined;
    return state?.status === 'loaded' && state.names.includes(name);
  });
}

/**
 * One `all: true` entry per type where any of the roles exists. The Cloud role is the stack role's own predefined
 * role when every type has it (admin → elasticsearch-admin …), else viewer, the role that carries custom roles.
 */
function perTypeRows(row: FlatAssignment, snapshot: OrgSnapshot): FlatAssignment[] {
  const names = row.applicationRoles;
  const found = PROJECT_TYPES.filter((type) => names.some((name) => existsInType(snapshot, type, name)));
  const types = found.length > 0 ? found : [...PROJECT_TYPES];
  const cloudRole =
    names
      .map((n) => n.replaceAll('_', '-'))
      .find((short) => types.every((type) => rolesForScope(type).some((r) => r.id === `${type}-${short}`))) ?? 'viewer';
  return types.map((type) => ({
    scope: 'project',
    type,
    roleId: `${type}-${cloudRole}`,
    organizationId: row.organizationId,
    all: true,
    ids: [],
    applicationRoles: [...names],
  }));
}

/** The old key's assignments with the requested change applied. */
export function intendedAssignments(
  key: ApiKey,
  snapshot: OrgSnapshot,
  options: FromKeyOptions = {},
): FlatAssignment[] {
  let rows = flattenAssignments(key.role_assignments ?? {});
  if (options.projectScoped) {
    rows = rows.flatMap((row) =>
      row.scope === 'organization' && row.applicationRoles.length > 0
        ? [{ ...row, applicationRoles: [] }, ...perTypeRows(row, snapshot)]
        : [row],
    );
  }
  if (options.addStackAccess) {
    rows = rows.map((row) => {
      const stackRole =
        row.scope === 'project' && row.applicationRoles.length === 0 ? findRole(row.roleId)?.stackRole : undefined;
      return stackRole ? { ...row, applicationRoles: [stackRole] } : row;
    });
  }
  return rows.filter((row, i) => rows.findIndex((other) => isSameAssignment(row, other)) === i);
}

function expiryOf(key: ApiKey, options: FromKeyOptions): Pick<KeyValues, 'expiry' | 'customExpiry'> {
  const days = lifetimeDays(key);
  const lifetime = days === undefined ? undefined : `${days}d`;
  const wanted =
    options.expiration ?? (lifetime && (PRESETS as readonly string[]).includes(lifetime) ? lifetime : DEFAULT_EXPIRY);
  return (PRESETS as readonly string[]).includes(wanted)
    ? { expiry: wanted, customExpiry: '' }
    : { expiry: 'custom', customExpiry: wanted };
}

type Shape = Pick<
  KeyValues,
  'scope' | 'orgRole' | 'types' | 'projectIds' | 'cloudRole' | 'stackRoles' | 'orgRoleToo'
> & { readonly replacedOrgRole?: string };

/** Only organization entries: the organization scope, unless stack access is wanted and must be placed on projects. */
function organizationShape(org: readonly FlatAssignment[], options: FromKeyOptions, caveats: string[]): Partial<Shape> {
  const [first, ...rest] = org;
  if (!first) {
    caveats.push('The old key has no role assignments to copy: choose what the new key may do.');
    return { scope: 'projects' };
  }
  if (rest.length > 0)
    caveats.push(
      `Only one organization role fits the wizard: ${friendlyRoleName(first.roleId)} is kept, ${rest.map((r) => friendlyRoleName(r.roleId)).join(', ')} is not.`,
    );
  if (options.addStackAccess && first.applicationRoles.length === 0) {
    caveats.push(
      'The old key has no project roles to take stack access from: choose the projects and the stack roles the new key needs.',
    );
    return { scope: 'projects', orgRoleToo: first.roleId, replacedOrgRole: first.roleId };
  }
  return { scope: 'organization', orgRole: first.roleId, stackRoles: [...first.applicationRoles] };
}

/** Only deployment entries: the deployments scope, unless stack access is wanted (it needs projects). */
function deploymentsShape(options: FromKeyOptions, caveats: string[]): Partial<Shape> {
  if (!options.addStackAccess) return { scope: 'deployments' };
  caveats.push(
    'The old key has only hosted deployment roles, no project roles to take stack access from: choose the projects and the stack roles the new key needs.',
  );
  return { scope: 'projects' };
}

function projectShape(
  org: readonly FlatAssignment[],
  project: readonly FlatAssignment[],
  snapshot: OrgSnapshot,
  caveats: string[],
): Partial<Shape> {
  const plainOrg = org.filter((r) => r.applicationRoles.length === 0);
  const stackOrg = org.filter((r) => r.applicationRoles.length > 0);
  if (stackOrg.length > 0) {
    caveats.push(
      `Its organization-scoped stack access [${unique(stackOrg.flatMap((r) => r.applicationRoles)).join(', ')}] cannot sit next to project entries in the wizard: it is not carried over.`,
    );
  }
  if (plainOrg.length > 1)
    caveats.push(
      `Only one organization role fits next to project access: ${friendlyRoleName(plainOrg[0]!.roleId)} is kept, ${plainOrg
        .slice(1)
        .map((r) => friendlyRoleName(r.roleId))
        .join(', ')} is not.`,
    );
  const shorts = unique(project.map(shortOf));
  if (shorts.length > 1)
    caveats.push(
      `Its project entries use different Cloud roles (${shorts.join(', ')}); the wizard gives every project the same one: ${shorts[0]}.`,
    );
  const stackRoles = unique(project.flatMap((r) => r.applicationRoles));
  if (project.some((r) => !sameSet(unique(r.applicationRoles), stackRoles))) {
    caveats.push(
      `Its project entries carry different stack roles; the wizard gives every entry all of them [${stackRoles.join(', ')}], wider where an entry had fewer.`,
    );
  }
  const orgRole = plainOrg[0]?.roleId;
  const base = {
    cloudRole: shorts[0]!,
    stackRoles,
    ...(orgRole ? { orgRoleToo: orgRole, replacedOrgRole: orgRole } : {}),
  };
  const allTypes = unique(project.filter((r) => r.all).map((r) => r.type!));
  if (project.every((r) => r.all)) return { ...base, scope: 'types', types: allTypes };
  const named = unique(project.flatMap((r) => r.ids));
  const gone = named.filter((id) => !snapshot.projects.some((p) => p.id === id));
  if (gone.length > 0)
    caveats.push(
      `Project${gone.length === 1 ? '' : 's'} ${gone.join(', ')} no longer exist${gone.length === 1 ? 's' : ''}: left out.`,
    );
  const today = snapshot.projects.filter((p) => allTypes.includes(p.type)).map((p) => p.id);
  if (allTypes.length > 0) {
    caveats.push(
      `It covers all ${allTypes.join(', ')} projects, including future ones, next to chosen projects; the wizard pre-fills today's projects instead (narrower: projects created later are not covered).`,
    );
  }
  return { ...base, scope: 'projects', projectIds: unique([...named.filter((id) => !gone.includes(id)), ...today]) };
}

/** The answers that recreate `key` (with `options` applied) as closely as the wizard can, and what differs. */
export function keyValuesFromKey(key: ApiKey, snapshot: OrgSnapshot, options: FromKeyOptions = {}): KeyPrefill {
  const caveats: string[] = [];
  const intended = intendedAssignments(key, snapshot, options);
  const env: WizardEnv = { snapshot, sandbox: false };
  const deploymentGrants = deploymentGrantsFrom(intended, env, caveats);
  const org = intended.filter((r) => r.scope === 'organization');
  const project = intended.filter((r) => r.scope === 'project');
  const onlyDeployments = project.length === 0 && org.length === 0 && intended.some((r) => r.scope === 'deployment');
  const { replacedOrgRole, ...shape } =
    project.length > 0
      ? projectShape(org, project, snapshot, caveats)
      : onlyDeployments
        ? deploymentsShape(options, caveats)
        : organizationShape(org, options, caveats);
  const values: KeyValues = {
    ...EMPTY_KEY,
    description: key.description,
    ...expiryOf(key, options),
    ...shape,
    deploymentGrants,
    ...(deploymentGrants.length > 0 && shape.scope !== 'deployments' ? { deploymentsToo: true } : {}),
    replaces: { keyId: key.id, ...(replacedOrgRole ? { orgRole: replacedOrgRole } : {}) },
  };
  const produced = keyRows(values, env);
  if (caveats.length === 0 && !sameRows(produced, intended)) {
    caveats.push(
      "The wizard cannot express this key's role assignments exactly: compare the request with the old key before sending.",
    );
  }
  return { values, caveats, intended };
}
