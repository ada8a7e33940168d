/**
 * POST /users/auth/keys. The rules that make keys surprising are made visible here:
 * - A key never inherits stack roles from `role_id`: without `application_roles` it is Cloud-only and gets 403 from
 *   Elasticsearch and Kibana (`cloudOnly`).
 * - `stackAccess` is the skill's `--stack-access`: those role names are added to the `application_roles` of every
 *   project entry (explicit ones are kept). Organization entries get them only when `stackAccessScope` is
 *   `'organization'`, an explicit choice, because org-scoped application roles reach every current and future project
 *   (`orgScopedStackAccess`, always with a warning). The skill's org-scoped example therefore needs that choice.
 * - Expiration: at most one year. Left out, the server applies its default (3 months). `'never'` is its own option:
 *   it also sends no expiration, and says so in a warning, so "never" is never what happens by accident.
 */
import { cloudRequests } from '../../api/requests.js';
import { CreateApiKeyRequest, type RoleAssignments } from '../../api/schemas.js';
import { flattenAssignments, isEmptyAssignments, toRoleAssignments, type FlatAssignment } from '../assignments.js';
import { isPredefinedStackRole } from '../catalog.js';
import { validateExpiration } from '../duration.js';
import { validateRoleNameSyntax } from '../role-name.js';
import { issue, parseWith, requireText, type FieldIssue } from '../validation.js';
import type { AssignmentInput } from './assignment-input.js';
import { resolveAssignments } from './assignments-source.js';
import { failed, type BuildResult } from './result.js';
import { foreignStackRoleWarnings } from './warnings.js';

export const NEVER_EXPIRES = 'never';

export interface CreateApiKeyInput {
  readonly orgId: string;
  readonly description: string;
  /** A duration ("30d"), `'never'`, or undefined for the server default (3 months). */
  readonly expiration?: string;
  readonly assignments?: readonly AssignmentInput[];
  /** The skill's `--roles` JSON, as text or parsed. */
  readonly rawRoleAssignments?: unknown;
  /** Stack role names (predefined or custom) to give the key inside projects. */
  readonly stackAccess?: readonly string[];
  /** Where `stackAccess` goes; `'projects'` unless org-wide reach was explicitly chosen. */
  readonly stackAccessScope?: 'projects' | 'organization';
}

export interface ApiKeyFacts {
  /** No application_roles anywhere: Elasticsearch and Kibana answer 403 to this key. */
  readonly cloudOnly: boolean;
  /** Application roles on an organization entry: the key reaches every project, including future ones. */
  readonly orgScopedStackAccess: boolean;
}

const NEVER_WARNING =
  'No expiration is sent ("never"). The API documents no explicit never-expiring value, so the server ' +
  'decides (its documented default is 3 months); keys for long-running jobs should still expire and be rotated.';
const INHERIT_WARNING =
  'No role assignments: the key takes the roles of the owner who creates it. A key gets nothing inside ' +
  'projects from role_id, so unless those roles carry application_roles it is Cloud-only.';

function expirationOf(expiration: string | undefined): { value?: string; warnings: string[]; issues: FieldIssue[] } {
  if (expiration === undefined) return { warnings: [], issues: [] };
  if (expiration.trim().toLowerCase() === NEVER_EXPIRES) return { warnings: [NEVER_WARNING], issues: [] };
  const check = validateExpiration(expiration);
  return check.ok
    ? { value: check.normalized, warnings: [], issues: [] }
    : { warnings: [], issues: [issue('expiration', check.message)] };
}

function stackAccessIssues(names: readonly string[]): FieldIssue[] {
  return names.flatMap((name, i) => {
    const problem = validateRoleNameSyntax(name);
    return problem ? [issue(`stackAccess[${i}]`, problem)] : [];
  });
}

/** Adds `names` to the application roles of the rows `stackAccessScope` selects; explicit roles stay first. */
function injectStackAccess(
  rows: readonly FlatAssignment[],
  names: readonly string[],
  scope: 'projects' | 'organization',
): FlatAssignment[] {
  const targets = new Set<FlatAssignment['scope']>(
    scope === 'organization' ? ['project', 'organization'] : ['project'],
  );
  return rows.map((row) =>
    targets.has(row.scope) ? { ...row, applicationRoles: [...new Set([...row.applicationRoles, ...names])] } : row,
  );
}

function missingTargetIssue(rows: readonly FlatAssignment[], scope: 'projects' | 'organization'): FieldIssue[] {
  if (scope === 'organization') {
    return rows.some((r) => r.scope === 'organization')
      ? []
      : [
          issue(
            'stackAccessScope',
            'organization scope needs an organization assignment (such as organization-admin) to carry the roles',
          ),
        ];
  }
  return rows.some((r) => r.scope === 'project')
    ? []
    : [
        issue(
          'stackAccess',
          'no project assignment to give stack access on: add one (e.g. all elasticsearch projects), ' +
            'or choose organization scope to reach every current and future project',
        ),
      ];
}

function orgScopeWarnings(rows: readonly FlatAssignment[]): string[] {
  const roles = [...new Set(rows.filter((r) => r.scope === 'organization').flatMap((r) => r.applicationRoles))];
  if (roles.length === 0) return [];
  const custom = roles.filter((name) => !isPredefinedStackRole(name));
  return [
    `Organization-scoped application_roles [${roles.join(', ')}]: the key reaches Elasticsearch and Kibana on every project, including projects created later.`,
    ...custom.map(
      (name) =>
        `"${name}" is not a predefined role: it must exist in every project, or the key silently gets no access there.`,
    ),
  ];
}

function roleAssignmentsWithStackAccess(input: CreateApiKeyInput): { value?: RoleAssignments; issues: FieldIssue[] } {
  const resolved = resolveAssignments(
    {
      friendly: input.assignments,
      friendlyField: 'assignments',
      raw: input.rawRoleAssignments,
      rawField: 'rawRoleAssignments',
    },
    { orgId: input.orgId, allowOrganizationApplicationRoles: true },
  );
  if (!resolved.ok) return { issues: resolved.issues };
  const stackAccess = [...new Set(input.stackAccess ?? [])];
  if (stackAccess.length === 0) return { value: resolved.value, issues: [] };
  const rows = resolved.value ? flattenAssignments(resolved.value) : [];
  const scope = input.stackAccessScope ?? 'projects';
  const issues = [...stackAccessIssues(stackAccess), ...missingTargetIssue(rows, scope)];
  return issues.length > 0
    ? { issues }
    : { value: toRoleAssignments(injectStackAccess(rows, stackAccess, scope)), issues: [] };
}

export function apiKeyFacts(ra: RoleAssignments | undefined): ApiKeyFacts {
  const rows = ra ? flattenAssignments(ra) : [];
  return {
    cloudOnly: rows.every((r) => r.applicationRoles.length === 0),
    orgScopedStackAccess: rows.some((r) => r.scope === 'organization' && r.applicationRoles.length > 0),
  };
}

export function buildCreateApiKey(input: CreateApiKeyInput): BuildResult<CreateApiKeyRequest, ApiKeyFacts> {
  const expiration = expirationOf(input.expiration);
  const assignments = roleAssignmentsWithStackAccess(input);
  const issues = [
    ...requireText('orgId', input.orgId),
    ...requireText('description', input.description),
    ...expiration.issues,
    ...assignments.issues,
  ];
  if (issues.length > 0) return failed(issues);

  const roleAssignments = assignments.value && !isEmptyAssignments(assignments.value) ? assignments.value : undefined;
  const body = parseWith(CreateApiKeyRequest, {
    description: input.description.trim(),
    ...(expiration.value ? { expiration: expiration.value } : {}),
    ...(roleAssignments ? { role_assignments: roleAssignments } : {}),
  });
  if (!body.ok) return failed(body.issues);
  const rows = roleAssignments ? flattenAssignments(roleAssignments) : [];
  return {
    ok: true,
    request: cloudRequests.createApiKey(body.value),
    body: body.value,
    warnings: [
      ...expiration.warnings,
      ...(roleAssignments ? [] : [INHERIT_WARNING]),
      ...orgScopeWarnings(rows),
      ...(roleAssignments ? foreignStackRoleWarnings(roleAssignments) : []),
    ],
    ...apiKeyFacts(roleAssignments),
  };
}
