/**
 * What the API key wizard collects and what follows from it: the projects the key reaches, its role assignments,
 * its lifetime, and the existing keys that could be reused instead.
 */
import {
  PROJECT_TYPES,
  type ApiKey,
  type Project,
  type ProjectType,
  type RoleAssignments,
} from '../../../src/api/schemas.js';
import { isKeyExpired } from '../../../src/domain/access/index.js';
import {
  flattenAssignments,
  isSameAssignment,
  toRoleAssignments,
  type FlatAssignment,
} from '../../../src/domain/assignments.js';
import { validateExpiration } from '../../../src/domain/duration.js';
import { deploymentGrantRow, type WithDeploymentGrants } from '../deployment-grants.js';
import { orgIdOf, type WizardEnv } from '../env.js';

export const PRESETS = ['1d', '7d', '30d', '90d'] as const;
export const ORG_CONFIRM_PHRASE = 'all projects';

export interface KeyValues extends WithDeploymentGrants {
  readonly description: string;
  /** A preset, `custom` (see customExpiry) or `never` (no expiration sent). */
  readonly expiry: string;
  readonly customExpiry: string;
  /** `deployments`: hosted deployment roles only, no organization or Serverless project access. */
  readonly scope: 'organization' | 'types' | 'projects' | 'deployments';
  readonly orgRole: string;
  readonly types: readonly ProjectType[];
  readonly projectIds: readonly string[];
  /** Project role without its type prefix (`admin`, `viewer`), expanded per type. */
  readonly cloudRole: string;
  /** `application_roles`: stack roles the key gets inside the projects. Empty = Cloud API only. */
  readonly stackRoles: readonly string[];
  readonly orgConfirm: string;
  /** The reuse offer's answer: a key id, or `new`. */
  readonly reuse: string;
  /**
   * An organization role held as well as project-scoped access ('' for none). Only a replacement offers it: the old
   * key had one next to its project entries, and the new key should keep it unless the user drops it.
   */
  readonly orgRoleToo: string;
  /**
   * Deployment roles next to organization or project access. Only a replacement asks for them (the old key had
   * some); a new key gets deployment roles on its own, with the deployments-only scope.
   */
  readonly deploymentsToo?: boolean;
  /** The key this one replaces (rotation, "a key like it"): never offered for reuse, revoked afterwards. */
  readonly replaces?: KeyOrigin;
}

export interface KeyOrigin {
  readonly keyId: string;
  /** The old key's organization role next to its project entries, when it had one. */
  readonly orgRole?: string;
}

export const EMPTY_KEY: KeyValues = {
  description: '',
  expiry: '30d',
  customExpiry: '',
  scope: 'projects',
  orgRole: 'organization-admin',
  types: [],
  projectIds: [],
  cloudRole: '',
  stackRoles: [],
  orgConfirm: '',
  reuse: '',
  orgRoleToo: '',
  deploymentGrants: [],
};

/** The wire `expiration`, or undefined for "never" (and for a custom value that does not parse yet). */
export function expirationOf(v: KeyValues): string | undefined {
  if (v.expiry === 'never') return undefined;
  if (v.expiry !== 'custom') return v.expiry;
  const check = validateExpiration(v.customExpiry);
  return check.ok ? check.normalized : undefined;
}

export function lifetimeMs(v: KeyValues): number | undefined {
  const expiration = expirationOf(v);
  if (expiration === undefined) return undefined;
  const check = validateExpiration(expiration);
  return check.ok ? check.ms : undefined;
}

/** Project types the key's project-scoped entries cover. */
export function targetTypes(v: KeyValues, env: WizardEnv): ProjectType[] {
  if (v.scope === 'organization') return [...PROJECT_TYPES];
  if (v.scope === 'types') return [...v.types];
  if (v.scope === 'deployments') return [];
  return PROJECT_TYPES.filter((t) =>
    v.projectIds.some((id) => env.snapshot.projects.find((p) => p.id === id)?.type === t),
  );
}

/** Projects the key reaches today (organization scope and `all` also reach projects created later). */
export function targetProjects(v: KeyValues, env: WizardEnv): Project[] {
  const { projects } = env.snapshot;
  if (v.scope === 'organization') return [...projects];
  if (v.scope === 'types') return projects.filter((p) => v.types.includes(p.type));
  if (v.scope === 'deployments') return [];
  return projects.filter((p) => v.projectIds.includes(p.id));
}

/** Whether the wizard asks for deployment roles with these answers; grants it does not ask for are not sent. */
export const asksDeployments = (v: KeyValues) => v.scope === 'deployments' || v.deploymentsToo === true;

/** Organization and project rows, then the deployment grants. */
export function keyRows(v: KeyValues, env: WizardEnv): FlatAssignment[] {
  const organizationId = orgIdOf(env);
  const grants = asksDeployments(v) ? v.deploymentGrants : [];
  const deployments = grants.map((g) => deploymentGrantRow(g, organizationId));
  return [...accessRows(v, env, organizationId), ...deployments];
}

function accessRows(v: KeyValues, env: WizardEnv, organizationId: string): FlatAssignment[] {
  const applicationRoles = [...v.stackRoles];
  if (v.scope === 'deployments') return [];
  if (v.scope === 'organization')
    return [{ scope: 'organization', roleId: v.orgRole, organizationId, all: true, ids: [], applicationRoles }];
  const org: FlatAssignment[] = v.orgRoleToo
    ? [{ scope: 'organization', roleId: v.orgRoleToo, organizationId, all: true, ids: [], applicationRoles: [] }]
    : [];
  return [
    ...org,
    ...targetTypes(v, env).map((type): FlatAssignment => {
      const ids =
        v.scope === 'types'
          ? []
          : v.projectIds.filter((id) => env.snapshot.projects.find((p) => p.id === id)?.type === type);
      return {
        scope: 'project',
        type,
        roleId: `${type}-${v.cloudRole}`,
        organizationId,
        all: v.scope === 'types',
        ids,
        applicationRoles,
      };
    }),
  ];
}

export const keyAssignments = (v: KeyValues, env: WizardEnv): RoleAssignments => toRoleAssignments(keyRows(v, env));

const sameRows = (a: readonly FlatAssignment[], b: readonly FlatAssignment[]) =>
  a.length === b.length && a.every((x) => b.some((y) => isSameAssignment(x, y)));

/**
 * Active keys that already do this job: same description or same role assignments, and at least the requested
 * lifetime left (a key meant to never expire is matched only by keys that never expire). The key being replaced is
 * not one of them: it is the one going away.
 */
export function reuseCandidates(v: KeyValues, env: WizardEnv): ApiKey[] {
  const { keys, now } = env.snapshot;
  const wanted = keyRows(v, env);
  const need = lifetimeMs(v);
  const description = v.description.trim().toLowerCase();
  return keys.filter((key) => {
    if (isKeyExpired(key, now) || key.id === v.replaces?.keyId) return false;
    const left = key.expiration_date === undefined ? Infinity : Date.parse(key.expiration_date) - now.getTime();
    if (left < (need ?? Infinity)) return false;
    return (
      key.description.trim().toLowerCase() === description ||
      sameRows(flattenAssignments(key.role_assignments ?? {}), wanted)
    );
  });
}
