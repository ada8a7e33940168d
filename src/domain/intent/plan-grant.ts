/**
 * add / invite / give / grant: who (a member, or emails to invite) gets what (a predefined role, an existing custom
 * role, or feature access that needs a new custom role) where.
 */
import type { Member, Project, ProjectType } from '../../api/schemas.js';
import { expandProjectRoleId } from '../catalog.js';
import { reachesOf, roleExistence } from '../access/index.js';
import { accessSpecOf, type AccessSpec } from './access-spec.js';
import { featureRoleDescriptor, featureRoleName } from './custom-role.js';
import { memberLabel } from './resolve.js';
import { ask, failed, itemsOf, planned, unexpected, type PlanInput } from './plan-input.js';
import {
  customRoleGrants,
  customRoleGrantsOn,
  isEmptyScope,
  projectChoices,
  scopeOf,
  scopeProjects,
  stackRoleGrants,
  type Scope,
} from './targets.js';
import type { Assignee, IntentContext, IntentResult, ProjectGrant } from './types.js';

type Recipient =
  | { readonly kind: 'member'; readonly member: Member }
  | { readonly kind: 'invite'; readonly emails: readonly string[] };

function recipientOf(input: PlanInput): Recipient | string {
  const { items } = input.classified;
  const members = itemsOf(items, 'member').map((i) => i.member);
  for (const { email } of itemsOf(items, 'email')) {
    const member = input.context.members.find((m) => m.email?.toLowerCase() === email);
    if (member) members.push(member);
  }
  const unique = [...new Set(members)];
  const newEmails = itemsOf(items, 'email')
    .map((i) => i.email)
    .filter((e) => !unique.some((m) => m.email?.toLowerCase() === e));
  if (unique.length > 1 || (unique.length === 1 && newEmails.length > 0)) return 'one member at a time, please';
  if (unique.length === 1) return { kind: 'member', member: unique[0]! };
  if (newEmails.length > 0) return { kind: 'invite', emails: newEmails };
  return 'who? Give an email address (to invite) or the name of a member';
}

/** Roles combine as a union: warn when the new grant and an existing one meet on a project the wrong way round. */
function unionNotes(
  member: Member,
  projects: readonly Project[],
  adding: 'predefined' | 'custom',
  context: IntentContext,
): string[] {
  const snapshot = { customRoles: context.customRoles ?? new Map() };
  return projects.flatMap((project) => {
    const reaches = reachesOf('member', member.role_assignments ?? {}, project);
    const clash =
      adding === 'custom'
        ? reaches.find((r) => r.source === 'role_id' && r.via !== 'org-owner' && r.stackRoles.length > 0)
        : reaches.find((r) => r.stackRoles.some((name) => roleExistence(snapshot, project, name) !== 'predefined'));
    if (!clash) return [];
    return [
      `${memberLabel(member)} already has ${clash.roleId}${clash.applicationRoles.length ? ` [${clash.applicationRoles.join(', ')}]` : ''} on ${project.name}: ` +
        "roles combine as a union, so a predefined role there overrides the custom role's restriction",
    ];
  });
}

function projectsOf(grants: readonly ProjectGrant[], context: IntentContext): Project[] {
  return context.projects.filter((p) =>
    grants.some(
      (g) => g.target.type === p.type && (g.target.kind === 'all-of-type' || g.target.projectIds.includes(p.id)),
    ),
  );
}

function assignee(recipient: Recipient): Assignee {
  return recipient.kind === 'member'
    ? { kind: 'member', userId: recipient.member.user_id, label: memberLabel(recipient.member) }
    : { kind: 'invite', email: recipient.emails[0]! };
}

function planFeatures(
  input: PlanInput,
  recipient: Recipient,
  spec: Extract<AccessSpec, { kind: 'features' }>,
  scope: Scope,
  notes: string[],
): IntentResult {
  if (recipient.kind === 'invite' && recipient.emails.length > 1)
    return failed('a new custom role is assigned to one person at a time');
  const roleName = featureRoleName(spec.features, spec.level);
  const projects = scopeProjects(scope, input.context);
  if (scope.allProjects || scope.types.length > 0)
    notes.push(`"${roleName}" is created on today's projects only, not on future ones`);
  const snapshot = { customRoles: input.context.customRoles ?? new Map() };
  const grants = customRoleGrantsOn(projects, roleName);
  if (recipient.kind === 'member') notes.push(...unionNotes(recipient.member, projects, 'custom', input.context));
  if (projects.every((p) => roleExistence(snapshot, p, roleName) === 'exists') && recipient.kind === 'member') {
    notes.push(`reusing the existing custom role "${roleName}"`);
    return planned(
      {
        kind: 'assign-custom-role',
        userId: recipient.member.user_id,
        label: memberLabel(recipient.member),
        roleName,
        grants,
      },
      notes,
    );
  }
  return planned(
    {
      kind: 'create-custom-role-and-assign',
      roleName,
      descriptor: featureRoleDescriptor(spec.features, spec.level),
      projectIds: projects.map((p) => p.id),
      assignee: assignee(recipient),
      grants,
    },
    notes,
  );
}

export function planGrant(input: PlanInput): IntentResult {
  const { items } = input.classified;
  const notes = [...input.classified.notes];
  const bad = items.some((i) => i.t === 'duration')
    ? failed('role assignments of people do not expire; durations apply to API keys')
    : unexpected(
        items,
        ['email', 'member', 'project', 'type', 'all-projects', 'role', 'custom-role', 'feature', 'level'],
        'giving access',
      );
  if (bad) return bad;
  const recipient = recipientOf(input);
  if (typeof recipient === 'string') return failed(recipient);
  const spec = accessSpecOf(items);
  if (typeof spec === 'string') return failed(spec);
  const scope = scopeOf(items);

  if (spec.kind === 'organization') {
    if (!isEmptyScope(scope)) return failed('organization roles apply to the whole organization, not to projects');
    return recipient.kind === 'member'
      ? planned(
          {
            kind: 'update-member-roles',
            userId: recipient.member.user_id,
            label: memberLabel(recipient.member),
            organizationRoleIds: [spec.roleId],
            add: [],
            remove: [],
          },
          notes,
        )
      : planned({ kind: 'invite', emails: recipient.emails, organizationRoleIds: [spec.roleId], grants: [] }, notes);
  }
  if (spec.kind === 'none') {
    if (recipient.kind === 'member')
      return failed(`what should ${memberLabel(recipient.member)} get? Name a role, a custom role or a feature`);
    if (!isEmptyScope(scope)) return failed('which role on those projects? e.g. "as viewer"');
    notes.push('no role given: they join the organization without access to any project until a role is assigned');
    return planned({ kind: 'invite', emails: recipient.emails, organizationRoleIds: [], grants: [] }, notes);
  }
  if (isEmptyScope(scope)) {
    const fits =
      spec.kind === 'stack' ? (type: ProjectType) => expandProjectRoleId(type, spec.name) !== undefined : () => true;
    return ask('On which project?', projectChoices(input.sentence, input.context, fits));
  }
  if (spec.kind === 'features') return planFeatures(input, recipient, spec, scope, notes);

  const grants =
    spec.kind === 'stack'
      ? stackRoleGrants(scope, spec.name, false, input.context, notes)
      : customRoleGrants(scope, spec.name, input.context, notes);
  if (typeof grants === 'string') return failed(grants);
  if (recipient.kind === 'invite')
    return planned({ kind: 'invite', emails: recipient.emails, organizationRoleIds: [], grants }, notes);

  const { member } = recipient;
  notes.push(
    ...unionNotes(
      member,
      projectsOf(grants, input.context),
      spec.kind === 'custom' ? 'custom' : 'predefined',
      input.context,
    ),
  );
  return spec.kind === 'custom'
    ? planned(
        { kind: 'assign-custom-role', userId: member.user_id, label: memberLabel(member), roleName: spec.name, grants },
        notes,
      )
    : planned(
        {
          kind: 'update-member-roles',
          userId: member.user_id,
          label: memberLabel(member),
          organizationRoleIds: [],
          add: grants,
          remove: [],
        },
        notes,
      );
}
