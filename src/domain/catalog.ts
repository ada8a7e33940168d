/**
 * The predefined Cloud role catalog (cloud-api.md §4) and the two namespaces it must keep apart:
 * - wire `role_id`s, which carry the project type as a prefix (`elasticsearch-developer`, `security-t1-analyst`);
 * - stack role names used in `application_roles` inside a project (`developer`, `t1_analyst`).
 * The skill's bare ids (`developer`, `t1_analyst`) are accepted as input and expanded to the wire form.
 */
import { PROJECT_TYPES, type ProjectType } from '../api/schemas.js';

export type RoleScope = 'organization' | 'deployment' | ProjectType;

export interface PredefinedRole {
  /** Wire value of `role_id`. */
  readonly id: string;
  readonly scope: RoleScope;
  /** What people call it in the console. */
  readonly label: string;
  readonly description: string;
  /** For project roles: the stack role a user gets inside the project when no `application_roles` is set. */
  readonly stackRole?: string;
}

const org = (id: string, label: string, description: string): PredefinedRole => ({
  id,
  scope: 'organization',
  label,
  description,
});
const dep = (id: string, label: string, description: string): PredefinedRole => ({
  id,
  scope: 'deployment',
  label,
  description,
});

/** `short` is the hyphenated suffix; the stack role name is the same with underscores. */
function proj(type: ProjectType, short: string, label: string, description: string): PredefinedRole {
  return { id: `${type}-${short}`, scope: type, label, description, stackRole: short.replaceAll('-', '_') };
}

const SECURITY_ROLES: ReadonlyArray<readonly [string, string, string]> = [
  ['admin', 'Admin', 'Full project management, superuser on sign-in'],
  ['editor', 'Editor', 'Configure project features, read-only data indices'],
  ['viewer', 'Viewer', 'Read-only access to project data and features'],
  ['t1-analyst', 'Tier 1 analyst', 'Alert triage, general read, create dashboards'],
  ['t2-analyst', 'Tier 2 analyst', 'Alert triage, begin investigations, create cases'],
  ['t3-analyst', 'Tier 3 analyst', 'Deep investigation, rules, lists, response actions'],
  ['threat-intel-analyst', 'Threat intelligence analyst', 'Threat intelligence research and indicators'],
  ['rule-author', 'Rule author', 'Detection engineering, rule creation'],
  ['soc-manager', 'SOC manager', 'Alerts, cases, endpoint policy, response actions'],
  ['endpoint-operations-analyst', 'Endpoint operations analyst', 'Endpoint response actions and host isolation'],
  ['platform-engineer', 'Platform engineer', 'Integrations, Fleet and platform configuration'],
  ['detections-admin', 'Detections admin', 'Manage detection rules, lists and engine settings'],
  ['endpoint-policy-manager', 'Endpoint policy manager', 'Endpoint policies, trusted applications, event filters'],
];

export const PREDEFINED_ROLES: readonly PredefinedRole[] = [
  org('organization-admin', 'Organization owner', 'Full admin over org, deployments, projects'),
  org('billing-admin', 'Billing admin', 'Manage billing details only'),
  dep('deployment-admin', 'Deployment admin', 'Manage hosted deployments and their settings'),
  dep('deployment-editor', 'Deployment editor', 'Edit hosted deployments'),
  dep('deployment-viewer', 'Deployment viewer', 'Read-only access to hosted deployments'),
  proj('elasticsearch', 'admin', 'Admin', 'Full project management, superuser on sign-in'),
  proj('elasticsearch', 'developer', 'Developer', 'Create indices, API keys, connectors, visualizations'),
  proj('elasticsearch', 'viewer', 'Viewer', 'Read-only access to project data and features'),
  proj('observability', 'admin', 'Admin', 'Full project management, superuser on sign-in'),
  proj('observability', 'editor', 'Editor', 'Configure project features, read-only data indices'),
  proj('observability', 'viewer', 'Viewer', 'Read-only access to project data and features'),
  ...SECURITY_ROLES.map(([short, label, description]) => proj('security', short, label, description)),
];

const BY_ID = new Map(PREDEFINED_ROLES.map((r) => [r.id, r]));

export function rolesForScope(scope: RoleScope): PredefinedRole[] {
  return PREDEFINED_ROLES.filter((r) => r.scope === scope);
}

export function findRole(roleId: string): PredefinedRole | undefined {
  return BY_ID.get(roleId);
}

/** `elasticsearch-viewer` etc.: the `role_id` that carries a custom role in `application_roles`. */
export function viewerRoleId(type: ProjectType): string {
  return `${type}-viewer`;
}

/**
 * Expand a project role as people type it (`developer`, `t1_analyst`, `T1-Analyst`, `elasticsearch-developer`)
 * to the wire `role_id` for `type`. Returns undefined when no such role exists for that project type.
 */
export function expandProjectRoleId(type: ProjectType, input: string): string | undefined {
  const norm = input.trim().toLowerCase().replaceAll('_', '-');
  const candidate = norm.startsWith(`${type}-`) ? norm : `${type}-${norm}`;
  const role = BY_ID.get(candidate);
  return role && role.scope === type ? role.id : undefined;
}

/** Organization and deployment role ids have no aliases; accept them exactly (case-insensitively). */
export function expandScopedRoleId(scope: RoleScope, input: string): string | undefined {
  if (scope !== 'organization' && scope !== 'deployment') return expandProjectRoleId(scope, input);
  const role = BY_ID.get(input.trim().toLowerCase());
  return role && role.scope === scope ? role.id : undefined;
}

/** Stack role names that exist in every project of a type (valid in `application_roles` without creating anything). */
export function predefinedStackRoles(type: ProjectType): string[] {
  return rolesForScope(type).map((r) => r.stackRole!);
}

/** Stack roles that exist in at least one project type: what an org-scoped `application_roles` may name safely. */
export function isPredefinedStackRole(name: string, type?: ProjectType): boolean {
  const types = type ? [type] : PROJECT_TYPES;
  return types.some((t) => predefinedStackRoles(t).includes(name));
}

/** "Developer (elasticsearch)" for known ids, the raw id otherwise. */
export function friendlyRoleName(roleId: string): string {
  const role = BY_ID.get(roleId);
  if (!role) return roleId;
  return role.scope === 'organization' || role.scope === 'deployment' ? role.label : `${role.label} (${role.scope})`;
}

export const ORGANIZATION_OWNER_ROLE_ID = 'organization-admin';
