/**
 * `roles list`: the roles one can assign (predefined, from the catalog) and the custom roles each project
 * defines; with `--name`, one custom role's descriptor read from the project's Elasticsearch (the skill's
 * list-roles / GET /_security/role/{name}).
 */
import type { Project } from '../../api/schemas.js';
import { PREDEFINED_ROLES, type PredefinedRole } from '../../domain/catalog.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { withSession, type Session } from './shared/connect.js';
import { text } from './shared/flags.js';
import { createOutput, table, type Output } from './shared/output.js';
import { resolveProject } from './shared/resolve-project.js';
import { projectCustomRoles } from './shared/snapshot.js';

export async function rolesList(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const projectName = text(ctx.values, 'project');
  const roleName = text(ctx.values, 'name');
  if (roleName !== undefined && projectName === undefined)
    throw new UsageError('--name needs --project: custom roles live in a project');
  return withSession(ctx, async (session) => {
    const projects = await session.projects();
    const project = projectName === undefined ? undefined : resolveProject(projects, projectName);
    if (project && roleName !== undefined) return showRole(out, session, project, roleName);
    return listRoles(out, session, project ? [project] : projects, project);
  });
}

async function showRole(out: Output, session: Session, project: Project, name: string): Promise<number> {
  const role = await session.es(project).getRole(name);
  if (!role)
    throw new UsageError(
      `project ${project.name} has no role "${name}" (see ec-access roles list --project ${project.alias})`,
    );
  out.result(
    { schema: 'ec-access/role@1', project_id: project.id, name, role },
    () => `${name} in ${project.name} (${project.type})\n${JSON.stringify(role, null, 2)}`,
  );
  return 0;
}

async function listRoles(
  out: Output,
  session: Session,
  projects: readonly Project[],
  only: Project | undefined,
): Promise<number> {
  const predefined = PREDEFINED_ROLES.filter((r) => !only || r.scope === only.type);
  const found = await Promise.all(
    projects.map(async (p) => ({ project: p, found: await projectCustomRoles(session, p) })),
  );
  const custom = found.flatMap(({ project, found }) =>
    found.ok
      ? found.roles.map((r) => ({
          project_id: project.id,
          project_name: project.name,
          project_type: project.type,
          name: r.name,
          description: r.description,
        }))
      : [],
  );
  const unavailable = found.flatMap(({ project, found }) =>
    found.ok ? [] : [{ project_id: project.id, reason: found.reason }],
  );
  for (const u of unavailable) out.note(`custom roles of project ${u.project_id} could not be read: ${u.reason}`);
  out.result({ schema: 'ec-access/roles@1', predefined: predefined.map(predefinedJson), custom, unavailable }, () =>
    [
      'Predefined roles:',
      table(
        ['ROLE ID', 'SCOPE', 'LABEL', 'STACK ROLE'],
        predefined.map((r) => [r.id, r.scope, r.label, r.stackRole ?? '-']),
      ),
      '',
      'Custom roles:',
      table(
        ['PROJECT', 'TYPE', 'NAME', 'DESCRIPTION'],
        custom.map((r) => [r.project_name, r.project_type, r.name, r.description]),
      ),
    ].join('\n'),
  );
  return 0;
}

function predefinedJson(r: PredefinedRole) {
  return { role_id: r.id, scope: r.scope, label: r.label, stack_role: r.stackRole ?? null };
}
