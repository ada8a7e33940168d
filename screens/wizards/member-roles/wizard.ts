/**
 * `e` on a member: remove some of their assignments and add others. The Cloud API has no "replace", so the plan is
 * a DELETE of exactly the entries that go, then a POST of the entries that come (diffAssignments), with the
 * before/after shown entry by entry.
 */
import type { Member, RoleAssignments } from '../../../src/api/schemas.js';
import {
  diffAssignments,
  flattenAssignments,
  isEmptyAssignments,
  isSameAssignment,
  toRoleAssignments,
  type FlatAssignment,
} from '../../../src/domain/assignments.js';
import { buildAddRoleAssignments, buildRemoveRoleAssignments } from '../../../src/domain/builders/index.js';
import { rolesForScope } from '../../../src/domain/catalog.js';
import { memberLabel } from '../../../src/domain/org.js';
import { createPlan } from '../../../src/domain/plan.js';
import type { Note, Step } from '../../../components/wizard/model.js';
import type { Draft, WizardSpec } from '../../../components/wizard/Wizard.js';
import { orgIdOf, type WizardEnv } from '../env.js';
import {
  deploymentGrantRow,
  deploymentGrantSteps,
  deploymentIdNotes,
  type WithDeploymentGrants,
} from '../deployment-grants.js';
import { grantRow, grantSteps, type WithGrants } from '../grants.js';
import { gather, refusal, toInputs } from '../build.js';
import { overGrants } from '../over-grant.js';
import { rowLabel } from '../row-label.js';
import { MEMBERS } from '../../../src/state/lists.js';

export interface MemberRolesValues extends WithGrants, WithDeploymentGrants {
  readonly userId: string;
  /** Indexes (as strings) into the member's current entries, in flattenAssignments order. */
  readonly remove: readonly string[];
  /** An organization role to add; '' for none. */
  readonly orgRole: string;
}

type S = Step<MemberRolesValues, WizardEnv>;

export const memberOf = (v: MemberRolesValues, env: WizardEnv): Member | undefined =>
  env.snapshot.members.find((m) => m.user_id === v.userId);
const currentRows = (v: MemberRolesValues, env: WizardEnv) =>
  flattenAssignments(memberOf(v, env)?.role_assignments ?? {});

function afterRows(v: MemberRolesValues, env: WizardEnv): FlatAssignment[] {
  const orgId = orgIdOf(env);
  const kept = currentRows(v, env).filter((_, i) => !v.remove.includes(String(i)));
  const org: FlatAssignment[] = v.orgRole
    ? [{ scope: 'organization', roleId: v.orgRole, organizationId: orgId, all: true, ids: [], applicationRoles: [] }]
    : [];
  const added = [
    ...org,
    ...v.deploymentGrants.map((g) => deploymentGrantRow(g, orgId)),
    ...v.grants.map((g) => grantRow(g, orgId)),
  ].filter((row) => !kept.some((k) => isSameAssignment(k, row)));
  return [...kept, ...added];
}

const STEPS: readonly S[] = [
  {
    kind: 'multi',
    id: 'remove',
    concept: 'edit-role-assignments',
    title: 'Which current assignments should go?',
    help: 'space ticks an entry for removal; enter continues',
    options: (v, env) => currentRows(v, env).map((row, i) => ({ id: String(i), label: rowLabel(row, env) })),
    get: (v) => v.remove,
    set: (v, remove) => ({ ...v, remove }),
    summary: (v, env) =>
      v.remove.map((i) => rowLabel(currentRows(v, env)[Number(i)]!, env)).join('; ') || 'nothing removed',
  },
  {
    kind: 'choice',
    id: 'org-role',
    concept: 'organization-roles',
    title: 'Add an organization role?',
    options: (v, env) => [
      { id: '', label: 'No' },
      ...rolesForScope('organization')
        .filter((r) => !currentRows(v, env).some((row) => row.scope === 'organization' && row.roleId === r.id))
        .map((r) => ({ id: r.id, label: r.label, hint: r.description })),
    ],
    get: (v) => v.orgRole,
    set: (v, orgRole) => ({ ...v, orgRole }),
  },
  ...deploymentGrantSteps<MemberRolesValues>('add-deployments', 'Hosted deployment roles to add'),
  ...grantSteps<MemberRolesValues>('add', 'Project roles to add'),
];

function diffNotes(v: MemberRolesValues, env: WizardEnv): Note[] {
  const before = currentRows(v, env);
  const after = afterRows(v, env);
  const gone = before.filter((b) => !after.some((a) => isSameAssignment(a, b)));
  const come = after.filter((a) => !before.some((b) => isSameAssignment(a, b)));
  const kept = before.filter((b) => after.some((a) => isSameAssignment(a, b)));
  return [
    { tone: 'muted', text: `Before → after for ${memberOf(v, env)?.email ?? v.userId}:` },
    ...kept.map((r) => ({ tone: 'muted' as const, text: `  = ${rowLabel(r, env)}` })),
    ...gone.map((r) => ({ tone: 'danger' as const, text: `  - ${rowLabel(r, env)}` })),
    ...come.map((r) => ({ tone: 'success' as const, text: `  + ${rowLabel(r, env)}` })),
  ];
}

function draft(v: MemberRolesValues, env: WizardEnv): Draft<WizardEnv> {
  const member = memberOf(v, env);
  if (!member)
    return { plan: createPlan('Edit roles', []), blocked: 'This member is no longer in the organization (r reloads).' };
  const planned = afterRows(v, env);
  const { added, removed } = diffAssignments(member.role_assignments ?? {}, toRoleAssignments(planned));
  const change = (ra: RoleAssignments) => ({
    userId: member.user_id,
    who: memberLabel(member),
    orgId: orgIdOf(env),
    assignments: toInputs(flattenAssignments(ra)),
  });
  // Removing first, as terraform-provider-ec does: a failed POST then leaves less access, never more.
  const built = gather([
    ...(isEmptyAssignments(removed) ? [] : [buildRemoveRoleAssignments(change(removed))]),
    ...(isEmptyAssignments(added) ? [] : [buildAddRoleAssignments(change(added))]),
  ]);
  const blocked = refusal(overGrants(planned, env), built);
  return {
    plan: createPlan(`Edit roles of ${member.email ?? member.user_id}`, built.requests),
    notes: [
      ...diffNotes(v, env),
      ...deploymentIdNotes(flattenAssignments(removed).concat(flattenAssignments(added)), env),
      ...built.notes,
    ],
    verify: (fresh) => verify(planned, v, fresh),
    ...(blocked ? { blocked } : {}),
  };
}

function verify(expected: readonly FlatAssignment[], v: MemberRolesValues, fresh: WizardEnv): Note[] {
  const has = currentRows(v, fresh);
  const same = has.length === expected.length && has.every((h) => expected.some((e) => isSameAssignment(e, h)));
  return [
    same
      ? { tone: 'success', text: 'The re-read member shows exactly the planned assignments' }
      : {
          tone: 'warning',
          text: `The re-read member now has: ${has.map((r) => rowLabel(r, fresh)).join('; ') || 'no assignments'}`,
        },
  ];
}

export const MEMBER_ROLES_SPEC: WizardSpec<MemberRolesValues, WizardEnv> = {
  title: 'Edit roles',
  steps: STEPS,
  draft,
  refresh: () => [MEMBERS],
};
