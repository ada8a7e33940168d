/**
 * `roles assign | unassign | assign-custom | unassign-custom`: the skill's assign-role, remove-role-assignment and
 * assign-custom-role, plus the matching removal of a custom role. The member is looked up first, so an unknown
 * user id or email stops the command before anything is sent, and removals can be confirmed by email.
 */
import type { Member, Project, RoleAssignments } from '../../api/schemas.js';
import {
  buildCustomRoleAssignment,
  buildRemoveCustomRoleAssignment,
  type CustomRoleAssignment,
} from '../../domain/builders/custom-role-assignment.js';
import {
  buildAddRoleAssignments,
  buildRemoveRoleAssignments,
  type RoleAssignmentsChange,
} from '../../domain/builders/role-assignments.js';
import type { BuildResult } from '../../domain/builders/result.js';
import { flattenAssignments, isSameAssignment } from '../../domain/assignments.js';
import { confirmationPhrase, extraWarnings } from '../../domain/confirm.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { projectRoleInput, unwrap, wantsProjectRole } from './shared/build.js';
import { withSession, type Session } from './shared/connect.js';
import { required, text } from './shared/flags.js';
import { memberLabel, memberNames, selectMembers } from './shared/members.js';
import { createOutput } from './shared/output.js';
import { resolveProject } from './shared/resolve-project.js';
import { loadSnapshot, projectCustomRoles } from './shared/snapshot.js';
import { executePlan } from './shared/writes.js';

const FLAGS = {
  rawRoleAssignments: '--roles',
  assignments: '--project/--role',
  roleName: '--role-name',
  userId: '--user-id',
};

type Built = Extract<BuildResult<RoleAssignments>, { ok: true }>;

/** For removals: the whole organization, for the last-owner warning. */
async function membersOf(session: Session, destructive: boolean) {
  if (!destructive) return { members: await session.cloud.listMembers(session.orgId), snapshot: undefined };
  const snapshot = await loadSnapshot(session);
  return { members: snapshot.members, snapshot };
}

async function run(ctx: CommandContext, destructive: boolean, build: Change<Built>): Promise<number> {
  const out = createOutput(ctx);
  const wanted = memberNames(ctx.values, true);
  return withSession(ctx, async (session) => {
    const { members, snapshot } = await membersOf(session, destructive);
    const [member] = selectMembers(members, wanted);
    const built = await build(session, member!);
    const warnings = [
      ...built.warnings,
      ...(snapshot
        ? extraWarnings({ kind: 'remove-assignment', userId: member!.user_id, remove: built.body }, snapshot).map(
            (w) => w.message,
          )
        : []),
      ...(destructive ? unheld(member!, built.body) : []),
    ];
    return executePlan(ctx, session, out, {
      operation: ctx.name,
      writes: [{ target: memberLabel(member!), request: built.request }],
      warnings,
      ...(destructive
        ? {
            confirm: {
              actions: [`remove from ${memberLabel(member!)}: ${JSON.stringify(built.body)}`],
              phrase: confirmationPhrase({ kind: 'remove-assignment', member: member! }),
            },
          }
        : {}),
    });
  });
}

/**
 * The API removes only entries exactly as the member holds them, and answers 200 either way; an entry that does
 * not match (say, one project of an assignment covering two) would silently change nothing.
 */
function unheld(member: Member, remove: RoleAssignments): string[] {
  const held = flattenAssignments(member.role_assignments ?? {});
  return flattenAssignments(remove)
    .filter((row) => !held.some((h) => isSameAssignment(h, row)))
    .map(
      (row) =>
        `${memberLabel(member)} holds no assignment exactly like ${row.roleId}${row.all ? ' (all)' : ` on ${row.ids.join(', ')}`}: removing it changes nothing (see ec-access members list)`,
    );
}

type Change<T> = (session: Session, member: Member) => Promise<T>;

/** `--roles JSON` or `--project P --role R`, read (and checked) before connecting, as the builders take them. */
function assignmentChange(ctx: CommandContext): Change<RoleAssignmentsChange> {
  const short = wantsProjectRole(ctx.values);
  const roles = text(ctx.values, 'roles');
  if (!short && roles === undefined) throw new UsageError('one of --roles or --project with --role is required');
  return async (session, member) => ({
    userId: member.user_id,
    who: memberLabel(member),
    orgId: session.orgId,
    ...(short ? { assignments: projectRoleInput(await session.projects(), ctx.values) } : {}),
    ...(roles !== undefined ? { rawRoleAssignments: roles } : {}),
  });
}

export function rolesAssign(ctx: CommandContext): Promise<number> {
  const change = assignmentChange(ctx);
  return run(ctx, false, async (session, member) =>
    unwrap(buildAddRoleAssignments(await change(session, member)), FLAGS),
  );
}

export function rolesUnassign(ctx: CommandContext): Promise<number> {
  const change = assignmentChange(ctx);
  return run(ctx, true, async (session, member) =>
    unwrap(buildRemoveRoleAssignments(await change(session, member)), FLAGS),
  );
}

function customChange(ctx: CommandContext): Change<{ project: Project; input: CustomRoleAssignment }> {
  const projectName = required(ctx.values, 'project', 'the project the custom role is in');
  const roleName = required(ctx.values, 'role-name', "the custom role's name");
  return async (session, member) => {
    const project = resolveProject(await session.projects(), projectName);
    return {
      project,
      input: {
        userId: member.user_id,
        who: memberLabel(member),
        orgId: session.orgId,
        type: project.type,
        roleName,
        projectIds: [project.id],
      },
    };
  };
}

export function rolesAssignCustom(ctx: CommandContext): Promise<number> {
  const change = customChange(ctx);
  return run(ctx, false, async (session, member) => {
    const { project, input } = await change(session, member);
    const built = unwrap(buildCustomRoleAssignment(input), FLAGS);
    // Assigning a role the project lacks is allowed (it may be created next) but grants nothing until then.
    const known = await projectCustomRoles(session, project);
    const missing = known.ok && !known.roles.some((r) => r.name === input.roleName);
    return missing
      ? {
          ...built,
          warnings: [
            ...built.warnings,
            `project ${project.name} has no custom role "${input.roleName}" yet: this grants nothing until it is created (ec-access roles create)`,
          ],
        }
      : built;
  });
}

export function rolesUnassignCustom(ctx: CommandContext): Promise<number> {
  const change = customChange(ctx);
  return run(ctx, true, async (session, member) =>
    unwrap(buildRemoveCustomRoleAssignment((await change(session, member)).input), FLAGS),
  );
}
