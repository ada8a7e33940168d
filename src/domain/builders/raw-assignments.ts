/**
 * The skill's raw `--roles` JSON (access-management-SKILL.md), as people paste it, normalized to the wire shape:
 * bare project role ids are expanded (`developer` → `elasticsearch-developer`), a missing `organization_id` is
 * filled in, empty type lists are dropped. Placeholders left over from the examples (`$ORG_ID`, `$PROJECT_ID`) are
 * reported, not sent. Unknown fields are refused, so a typo such as `projects_ids` is caught instead of ignored.
 */
import * as z from 'zod';
import { PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../../api/schemas.js';
import { mergeAssignments, toRoleAssignments } from '../assignments.js';
import { issue, parseWith, type Validated } from '../validation.js';
import { collect, resolveEntry, type EntryDraft, type EntryRules } from './entry.js';
import { errorMessage } from '../../util/errors.js';

const names = z.array(z.string());
const organizationEntry = z.strictObject({
  role_id: z.string(),
  organization_id: z.string().optional(),
  application_roles: names.optional(),
});
const deploymentEntry = z.strictObject({
  role_id: z.string(),
  organization_id: z.string().optional(),
  all: z.boolean().optional(),
  deployment_ids: names.optional(),
  application_roles: names.optional(),
});
const projectEntry = z.strictObject({
  role_id: z.string(),
  organization_id: z.string().optional(),
  all: z.boolean().optional(),
  project_ids: names.optional(),
  application_roles: names.optional(),
});
const RawRoleAssignments = z.strictObject({
  organization: z.array(organizationEntry).optional(),
  deployment: z.array(deploymentEntry).optional(),
  project: z
    .strictObject({
      elasticsearch: z.array(projectEntry).optional(),
      observability: z.array(projectEntry).optional(),
      security: z.array(projectEntry).optional(),
    })
    .optional(),
});
type RawRoleAssignments = z.infer<typeof RawRoleAssignments>;

const fieldsAt = (path: string, ids: string) => ({
  path,
  roleId: 'role_id',
  organizationId: 'organization_id',
  all: 'all',
  ids,
  applicationRoles: 'application_roles',
});

function drafts(raw: RawRoleAssignments): Array<{ draft: EntryDraft; path: string; ids: string }> {
  return [
    ...(raw.organization ?? []).map((e, i) => ({
      draft: {
        scope: 'organization' as const,
        roleId: e.role_id,
        organizationId: e.organization_id,
        applicationRoles: e.application_roles,
      },
      path: `organization[${i}]`,
      ids: '',
    })),
    ...(raw.deployment ?? []).map((e, i) => ({
      draft: {
        scope: 'deployment' as const,
        roleId: e.role_id,
        organizationId: e.organization_id,
        all: e.all,
        ids: e.deployment_ids,
        applicationRoles: e.application_roles,
      },
      path: `deployment[${i}]`,
      ids: 'deployment_ids',
    })),
    ...PROJECT_TYPES.flatMap((type: ProjectType) =>
      (raw.project?.[type] ?? []).map((e, i) => ({
        draft: {
          scope: 'project' as const,
          type,
          roleId: e.role_id,
          organizationId: e.organization_id,
          all: e.all,
          ids: e.project_ids,
          applicationRoles: e.application_roles,
        },
        path: `project.${type}[${i}]`,
        ids: 'project_ids',
      })),
    ),
  ];
}

function parseJsonText(json: unknown): Validated<unknown> {
  if (typeof json !== 'string') return { ok: true, value: json };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    return { ok: false, issues: [issue('', `not valid JSON: ${errorMessage(error)}`)] };
  }
}

/** Accepts the JSON text or the parsed value. `platform` (ECE only) and unknown project types are refused. */
export function normalizeRoleAssignmentsInput(
  json: unknown,
  orgId: string,
  rules: Partial<EntryRules> = {},
): Validated<RoleAssignments> {
  const text = parseJsonText(json);
  if (!text.ok) return text;
  const parsed = parseWith(RawRoleAssignments, text.value);
  if (!parsed.ok) return parsed;
  const entryRules: EntryRules = {
    orgId,
    allowOrganizationApplicationRoles: rules.allowOrganizationApplicationRoles ?? true,
  };
  const rows = collect(
    drafts(parsed.value).map(({ draft, path, ids }) => resolveEntry(draft, fieldsAt(path, ids), entryRules)),
  );
  return rows.ok ? { ok: true, value: mergeAssignments(toRoleAssignments(rows.value)) } : rows;
}
