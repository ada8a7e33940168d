/**
 * One role assignment entry, checked and turned into its wire form. Both input forms (the friendly list and the
 * skill's raw `--roles` JSON) end here, so the rules live once:
 * - `role_id` must be a predefined role of the scope; project roles are accepted short (`developer`, `t1_analyst`)
 *   and always emitted prefixed (`elasticsearch-developer`, `security-t1-analyst`);
 * - `organization_id` is always set (required by the spec), filled in when missing;
 * - `all: true` without ids, or ids (non-empty) with `all: false` (spec rule);
 * - `application_roles` hold role names (predefined stack roles or custom ones);
 * - placeholders copied from examples (`$ORG_ID`, `<project-id>`) are reported, never sent.
 */
import type { ProjectType } from '../../api/schemas.js';
import type { FlatAssignment, AssignmentScope } from '../assignments.js';
import { expandScopedRoleId, rolesForScope, type RoleScope } from '../catalog.js';
import { validateRoleNameSyntax } from '../role-name.js';
import { issue, joinPath, type FieldIssue, type Validated } from '../validation.js';

/** An entry as given, before any check; `roleId` may be short, `organizationId` may be missing. */
export interface EntryDraft {
  readonly scope: AssignmentScope;
  readonly type?: ProjectType;
  readonly roleId: string;
  readonly organizationId?: string;
  readonly all?: boolean;
  readonly ids?: readonly string[];
  readonly applicationRoles?: readonly string[];
}

/** Field names as the input spells them, for issue paths (`projectIds` in the friendly form, `project_ids` raw). */
export interface EntryFields {
  readonly path: string;
  readonly roleId: string;
  readonly organizationId: string;
  readonly all: string;
  readonly ids: string;
  readonly applicationRoles: string;
}

export interface EntryRules {
  readonly orgId: string;
  /** Org-scoped `application_roles` is documented for API keys only (cloud-api.md §10). */
  readonly allowOrganizationApplicationRoles: boolean;
}

const PLACEHOLDER = /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|^<[^<>]*>$/;

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** "an organization role", "a deployment role", "an elasticsearch project role". */
function scopeLabel(scope: RoleScope): string {
  const label = scope === 'organization' || scope === 'deployment' ? `${scope} role` : `${scope} project role`;
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

function roleIdIssue(scope: RoleScope, roleId: string): string {
  const valid = rolesForScope(scope).map((r) => r.id);
  const short =
    scope === 'organization' || scope === 'deployment'
      ? ''
      : ` (or the short form: ${rolesForScope(scope)
          .map((r) => r.stackRole)
          .join(', ')})`;
  return `"${roleId}" is not ${scopeLabel(scope)}; use one of ${valid.join(', ')}${short}`;
}

function organizationIdIssues(draft: EntryDraft, fields: EntryFields, orgId: string): FieldIssue[] {
  const at = joinPath(fields.path, fields.organizationId);
  const given = draft.organizationId;
  if (given === undefined) return [];
  if (isPlaceholder(given))
    return [issue(at, `"${given}" is a placeholder: put the organization id (${orgId}) here, or leave the field out`)];
  return given === orgId ? [] : [issue(at, `"${given}" is not this organization (${orgId})`)];
}

function idListIssues(draft: EntryDraft, fields: EntryFields): FieldIssue[] {
  if (draft.scope === 'organization') return [];
  const ids = draft.ids ?? [];
  const idsPath = joinPath(fields.path, fields.ids);
  const what = draft.scope === 'deployment' ? 'deployment' : 'project';
  if (draft.all === true) {
    return ids.length > 0
      ? [issue(idsPath, `must be left out when ${fields.all} is true (it already covers every ${what})`)]
      : [];
  }
  if (ids.length === 0) return [issue(idsPath, `list at least one ${what} id, or set ${fields.all}: true`)];
  return ids.flatMap((id, i): FieldIssue[] => {
    const at = `${idsPath}[${i}]`;
    if (id.trim() === '') return [issue(at, 'must not be empty')];
    return isPlaceholder(id) ? [issue(at, `"${id}" is a placeholder: put the real ${what} id here`)] : [];
  });
}

function applicationRoleIssues(draft: EntryDraft, fields: EntryFields, rules: EntryRules): FieldIssue[] {
  const roles = draft.applicationRoles ?? [];
  const rolesPath = joinPath(fields.path, fields.applicationRoles);
  if (draft.scope === 'organization' && roles.length > 0 && !rules.allowOrganizationApplicationRoles) {
    return [
      issue(
        rolesPath,
        'organization-wide application roles are documented for API keys only; give them on project entries',
      ),
    ];
  }
  return roles.flatMap((role, i): FieldIssue[] => {
    const at = `${rolesPath}[${i}]`;
    if (isPlaceholder(role)) return [issue(at, `"${role}" is a placeholder: put a role name here`)];
    const problem = validateRoleNameSyntax(role);
    return problem ? [issue(at, problem)] : [];
  });
}

const distinct = (values: readonly string[]) => [...new Set(values)];

export function resolveEntry(draft: EntryDraft, fields: EntryFields, rules: EntryRules): Validated<FlatAssignment> {
  const scope: RoleScope = draft.scope === 'project' ? draft.type! : draft.scope;
  const roleId = expandScopedRoleId(scope, draft.roleId);
  const issues = [
    ...(roleId === undefined ? [issue(joinPath(fields.path, fields.roleId), roleIdIssue(scope, draft.roleId))] : []),
    ...organizationIdIssues(draft, fields, rules.orgId),
    ...idListIssues(draft, fields),
    ...applicationRoleIssues(draft, fields, rules),
  ];
  if (issues.length > 0 || roleId === undefined) return { ok: false, issues };
  const all = draft.scope === 'organization' || draft.all === true;
  return {
    ok: true,
    value: {
      scope: draft.scope,
      ...(draft.type ? { type: draft.type } : {}),
      roleId,
      organizationId: rules.orgId,
      all,
      ids: all ? [] : distinct(draft.ids ?? []),
      applicationRoles: distinct(draft.applicationRoles ?? []),
    },
  };
}

/** Collects entry results: every issue of every entry, or all the rows. */
export function collect(results: readonly Validated<FlatAssignment>[]): Validated<FlatAssignment[]> {
  const issues = results.flatMap((r) => (r.ok ? [] : r.issues));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: results.flatMap((r) => (r.ok ? [r.value] : [])) };
}
