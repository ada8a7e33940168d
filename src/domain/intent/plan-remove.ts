/**
 * remove / revoke / take away for people: out of the organization altogether, or off some projects. Removing a
 * project from an assignment that also covers others means deleting the entry and adding back the rest.
 */
import type { Member, Project, ProjectRoleAssignment, ProjectType } from '../../api/schemas.js';
import { PROJECT_TYPES } from '../../api/schemas.js';
import { expandProjectRoleId } from '../catalog.js';
import { reachesOf } from '../access/index.js';
import { accessSpecOf } from './access-spec.js';
import { memberLabel } from './resolve.js';
import { failed, itemsOf, planned, unexpected, type PlanInput } from './plan-input.js';
import { isEmptyScope, scopeOf, scopeProjects } from './targets.js';
import type { IntentContext, IntentResult, ProjectGrant } from './types.js';

function asGrant(type: ProjectType, entry: ProjectRoleAssignment): ProjectGrant {
  return {
    target: entry.all ? { kind: 'all-of-type', type } : { kind: 'projects', type, projectIds: entry.project_ids ?? [] },
    roleId: entry.role_id,
    ...(entry.application_roles ? { applicationRoles: entry.application_roles } : {}),
  };
}

/** What an entry still covers once `dropped` are taken out of it (type-wide entries become today's other projects). */
function remainder(
  type: ProjectType,
  entry: ProjectRoleAssignment,
  dropped: readonly Project[],
  context: IntentContext,
): ProjectGrant | undefined {
  const covered = entry.all
    ? context.projects.filter((p) => p.type === type).map((p) => p.id)
    : (entry.project_ids ?? []);
  const rest = covered.filter((id) => !dropped.some((p) => p.id === id));
  if (rest.length === 0) return undefined;
  return { ...asGrant(type, entry), target: { kind: 'projects', type, projectIds: rest } };
}

function planProjectRemoval(
  member: Member,
  projects: readonly Project[],
  roleName: string | undefined,
  input: PlanInput,
  notes: string[],
): IntentResult {
  const label = memberLabel(member);
  const entries = new Set<ProjectRoleAssignment>();
  let ownerOnly = false;
  for (const project of projects) {
    const reaches = reachesOf('member', member.role_assignments ?? {}, project);
    const wanted = reaches.filter(
      (r) => !roleName || r.roleId === expandProjectRoleId(project.type, roleName) || r.stackRoles.includes(roleName),
    );
    for (const reach of wanted) {
      if (reach.entry.scope === 'organization') ownerOnly = true;
      else entries.add(reach.entry.assignment);
    }
  }
  if (entries.size === 0) {
    return failed(
      ownerOnly
        ? `${label} reaches ${projects.map((p) => p.name).join(', ')} through an organization-level role; change that role instead`
        : `${label} has no ${roleName ? `${roleName} ` : ''}role on ${projects.map((p) => p.name).join(', ')}`,
    );
  }
  const remove: ProjectGrant[] = [];
  const add: ProjectGrant[] = [];
  for (const type of PROJECT_TYPES) {
    for (const entry of member.role_assignments?.project?.[type] ?? []) {
      if (!entries.has(entry)) continue;
      remove.push(asGrant(type, entry));
      const rest = remainder(type, entry, projects, input.context);
      if (rest) add.push(rest);
      if (rest && entry.all)
        notes.push(
          `${entry.role_id} on all ${type} projects becomes specific projects; it will no longer cover new ${type} projects`,
        );
    }
  }
  return planned(
    { kind: 'update-member-roles', userId: member.user_id, label, organizationRoleIds: [], add, remove },
    notes,
  );
}

export function planRemove(input: PlanInput): IntentResult {
  const { items } = input.classified;
  const notes = [...input.classified.notes];
  const bad = unexpected(
    items,
    ['email', 'member', 'project', 'type', 'all-projects', 'role', 'organization'],
    'removing access',
  );
  if (bad) return bad;
  const members = [
    ...new Set([
      ...itemsOf(items, 'member').map((i) => i.member),
      ...itemsOf(items, 'email').flatMap((i) =>
        input.context.members.filter((m) => m.email?.toLowerCase() === i.email),
      ),
    ]),
  ];
  const strangers = itemsOf(items, 'email').filter((i) => !members.some((m) => m.email?.toLowerCase() === i.email));
  if (strangers.length > 0) {
    const invited = input.context.invitations?.some((inv) => inv.email.toLowerCase() === strangers[0]!.email);
    return failed(
      `${strangers[0]!.email} is not a member${invited ? ' but has a pending invitation: cancel it from the invitations list' : ''}`,
    );
  }
  if (members.length !== 1)
    return failed(
      members.length === 0 ? 'remove whom? Give the name or email of a member' : 'one member at a time, please',
    );
  const member = members[0]!;
  const scope = scopeOf(items);
  const spec = accessSpecOf(items);
  if (typeof spec === 'string') return failed(spec);
  if (isEmptyScope(scope)) {
    if (spec.kind !== 'none')
      return failed(`remove ${spec.kind === 'stack' ? spec.name : 'that role'} on which project?`);
    return planned({ kind: 'remove-member', userId: member.user_id, label: memberLabel(member) }, notes);
  }
  return planProjectRemoval(
    member,
    scopeProjects(scope, input.context),
    spec.kind === 'stack' ? spec.name : undefined,
    input,
    notes,
  );
}
