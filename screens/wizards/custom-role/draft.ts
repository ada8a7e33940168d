/**
 * The custom role builder's plan: the same descriptor PUT in every target project (through that project's
 * Elasticsearch), then, for each chosen member, the custom-role assignment per project type. When editing, the
 * changes against the role as read are listed field by field.
 */
import { PROJECT_TYPES, type Project } from '../../../src/api/schemas.js';
import { confirmationPhrase, isConfirmed } from '../../../src/domain/confirm.js';
import { flattenAssignments } from '../../../src/domain/assignments.js';
import { buildCustomRoleAssignment, buildPutRole } from '../../../src/domain/builders/index.js';
import { viewerRoleId } from '../../../src/domain/catalog.js';
import { createPlan } from '../../../src/domain/plan.js';
import type { Note } from '../../../components/wizard/model.js';
import type { Draft } from '../../../components/wizard/Wizard.js';
import { gather, refusal } from '../build.js';
import { customRolesIn, orgIdOf, projectName, type WizardEnv } from '../env.js';
import { overGrants } from '../over-grant.js';
import { descriptorOf, type RoleValues } from './values.js';

/** Target projects where a role of this name already exists: creating it there replaces it whole. */
export function replacedIn(v: RoleValues, env: WizardEnv): Project[] {
  if (v.mode !== 'create') return [];
  return env.snapshot.projects.filter((p) => v.projectIds.includes(p.id) && customRolesIn(env, p.id).includes(v.name));
}

export const replacePhrase = (v: RoleValues, env: WizardEnv) =>
  confirmationPhrase({ kind: 'replace-role', roleName: v.name, count: replacedIn(v, env).length });

const compact = (value: unknown) => {
  const text = JSON.stringify(value) ?? '(none)';
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
};

function diffNotes(v: RoleValues): Note[] {
  if (!v.original) return [];
  const after = descriptorOf(v) as Record<string, unknown>;
  const before = v.original as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return [{ tone: 'muted', text: 'No change to the role itself' }];
  return changed.map((k) => ({
    tone: 'accent' as const,
    text: `~ ${k}: ${compact(before[k])} → ${compact(after[k])}`,
  }));
}

/** One assignment per member and project type among the targets. */
function assignments(v: RoleValues, env: WizardEnv) {
  const orgId = orgIdOf(env);
  const targets = env.snapshot.projects.filter((p) => v.projectIds.includes(p.id));
  return v.assignees.flatMap((userId) =>
    PROJECT_TYPES.flatMap((type) => {
      const projectIds = targets.filter((p) => p.type === type).map((p) => p.id);
      // The plan names the member as the assignee list did: by email.
      const who = env.snapshot.members.find((m) => m.user_id === userId)?.email || userId;
      return projectIds.length === 0
        ? []
        : [
            {
              userId,
              type,
              projectIds,
              result: buildCustomRoleAssignment({ userId, who, orgId, type, roleName: v.name, projectIds }),
            },
          ];
    }),
  );
}

/** Why assigning the role to this member would over-grant (a predefined role on a target project); empty if safe. */
export function assigneeConflicts(v: RoleValues, env: WizardEnv, userId: string): string[] {
  const member = env.snapshot.members.find((m) => m.user_id === userId);
  const targets = env.snapshot.projects.filter((p) => v.projectIds.includes(p.id));
  const planned = PROJECT_TYPES.flatMap((type) => {
    const ids = targets.filter((p) => p.type === type).map((p) => p.id);
    return ids.length === 0
      ? []
      : [
          {
            scope: 'project' as const,
            type,
            roleId: viewerRoleId(type),
            organizationId: orgIdOf(env),
            all: false,
            ids,
            applicationRoles: [v.name],
          },
        ];
  });
  return overGrants([...flattenAssignments(member?.role_assignments ?? {}), ...planned], env);
}

export function roleDraft(v: RoleValues, env: WizardEnv): Draft<WizardEnv> {
  const descriptor = descriptorOf(v);
  const puts = v.projectIds.map((projectId) => buildPutRole({ projectId, name: v.name, descriptor }));
  const assigned = assignments(v, env);
  const built = gather([...puts, ...assigned.map((a) => a.result)]);
  const problems = v.assignees.flatMap((userId) => {
    const member = env.snapshot.members.find((m) => m.user_id === userId);
    return assigneeConflicts(v, env, userId).map((p) => `${member?.email ?? userId}: ${p}`);
  });
  // The lists of roles load lazily: a replace found after its step was passed (a pre-fill) is still confirmed first.
  const unconfirmed =
    replacedIn(v, env).length > 0 && !isConfirmed(replacePhrase(v, env), v.replaceConfirm ?? '')
      ? [`${v.name} already exists there: go back (esc) and type the confirmation to replace it.`]
      : [];
  const blocked = refusal([...problems, ...unconfirmed], built);
  return {
    plan: createPlan(`${v.mode === 'edit' ? 'Update' : 'Create'} custom role ${v.name}`, built.requests),
    notes: [...diffNotes(v), ...built.notes],
    verify: (fresh) =>
      v.projectIds.map((id) =>
        customRolesIn(fresh, id).includes(v.name)
          ? { tone: 'success' as const, text: `${v.name} is listed in ${projectName(fresh, id)}` }
          : { tone: 'danger' as const, text: `${v.name} is not in the re-read role list of ${projectName(fresh, id)}` },
      ),
    ...(blocked ? { blocked } : {}),
  };
}
