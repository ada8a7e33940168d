/**
 * The friendly way screens and commands describe role assignments: a flat list, camelCase, one entry per grant.
 * `roleId` of a project entry may be short (`developer`, `t1_analyst`) or prefixed (`elasticsearch-developer`).
 */
import * as z from 'zod';
import { ProjectType, type RoleAssignments } from '../../api/schemas.js';
import { mergeAssignments, toRoleAssignments } from '../assignments.js';
import { parseWith, type Validated } from '../validation.js';
import { collect, resolveEntry, type EntryRules } from './entry.js';

const ids = z.array(z.string());

export const AssignmentInput = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('organization'), roleId: z.string(), applicationRoles: ids.optional() }),
  z.strictObject({
    scope: z.literal('deployment'),
    roleId: z.string(),
    all: z.boolean().optional(),
    deploymentIds: ids.optional(),
  }),
  z.strictObject({
    scope: z.literal('project'),
    type: ProjectType,
    roleId: z.string(),
    all: z.boolean().optional(),
    projectIds: ids.optional(),
    applicationRoles: ids.optional(),
  }),
]);
export type AssignmentInput = z.infer<typeof AssignmentInput>;

const FIELDS = {
  roleId: 'roleId',
  organizationId: 'organizationId',
  all: 'all',
  applicationRoles: 'applicationRoles',
} as const;

/** Friendly entries → wire RoleAssignments (duplicates merged), or every issue, under `path` ("assignments[2].roleId"). */
export function assignmentsFromInput(
  inputs: unknown,
  rules: EntryRules,
  path = 'assignments',
): Validated<RoleAssignments> {
  const parsed = parseWith(z.array(AssignmentInput), inputs, path);
  if (!parsed.ok) return parsed;
  const rows = collect(
    parsed.value.map((input, i) => {
      const fields = { ...FIELDS, path: `${path}[${i}]` };
      switch (input.scope) {
        case 'organization':
          return resolveEntry(
            { scope: 'organization', roleId: input.roleId, applicationRoles: input.applicationRoles },
            { ...fields, ids: '' },
            rules,
          );
        case 'deployment':
          return resolveEntry(
            { scope: 'deployment', roleId: input.roleId, all: input.all, ids: input.deploymentIds },
            { ...fields, ids: 'deploymentIds' },
            rules,
          );
        case 'project':
          return resolveEntry(
            {
              scope: 'project',
              type: input.type,
              roleId: input.roleId,
              all: input.all,
              ids: input.projectIds,
              applicationRoles: input.applicationRoles,
            },
            { ...fields, ids: 'projectIds' },
            rules,
          );
      }
    }),
  );
  return rows.ok ? { ok: true, value: mergeAssignments(toRoleAssignments(rows.value)) } : rows;
}
