/** `roles create | delete`: custom roles inside a project's Elasticsearch (the skill's create-custom-role / delete). */
import { esRequests } from '../../api/requests.js';
import { buildPutRole } from '../../domain/builders/role-descriptor.js';
import { confirmationPhrase, extraWarnings, roleReferences } from '../../domain/confirm.js';
import { replaceActions, replaceWarning, roleDiff } from '../../domain/role-replace.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { unwrap } from './shared/build.js';
import { withSession } from './shared/connect.js';
import { jsonFromFlagOrFile, required } from './shared/flags.js';
import { createOutput } from './shared/output.js';
import { resolveProject } from './shared/resolve-project.js';
import { loadSnapshot } from './shared/snapshot.js';
import { executePlan } from './shared/writes.js';

export async function rolesDelete(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const projectName = required(ctx.values, 'project', 'the project the role is in');
  const name = required(ctx.values, 'name', 'the custom role to delete');
  return withSession(ctx, async (session) => {
    const snapshot = await loadSnapshot(session);
    const project = resolveProject(snapshot.projects, projectName);
    if (!(await session.es(project).getRole(name))) {
      throw new UsageError(
        `project ${project.name} has no role "${name}" (see ec-access roles list --project ${project.alias})`,
      );
    }
    return executePlan(ctx, session, out, {
      operation: ctx.name,
      writes: [{ target: name, request: esRequests.deleteRole(project.id, name), describe: (body) => body }],
      warnings: extraWarnings({ kind: 'delete-role', projectId: project.id, roleName: name }, snapshot).map(
        (w) => w.message,
      ),
      confirm: {
        actions: [`delete custom role "${name}" from project ${project.name} (${project.type})`],
        phrase: confirmationPhrase({ kind: 'delete-role', roleName: name }),
      },
    });
  });
}

export async function rolesCreate(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const projectName = required(ctx.values, 'project', 'the project to create the role in');
  const name = required(ctx.values, 'name', "the role's name");
  const descriptor = jsonFromFlagOrFile(ctx.values, 'body', 'body-file', ctx.io.cwd);
  return withSession(ctx, async (session) => {
    const project = resolveProject(await session.projects(), projectName);
    const built = unwrap(buildPutRole({ projectId: project.id, name, descriptor }), {
      name: '--name',
      projectId: '--project',
      '*': '--body',
    });
    // Resolve the credential now, so a missing one is a usage error even in a dry run.
    const existing = await session.es(project).getRole(name);
    if (!existing) {
      return executePlan(ctx, session, out, {
        operation: ctx.name,
        writes: [{ target: name, request: built.request, describe: (body) => body }],
        warnings: built.warnings,
      });
    }
    // PUT replaces the role whole, so an existing one is destructive: say so, show what changes and who holds it.
    const snapshot = await loadSnapshot(session);
    const holders = roleReferences(snapshot, project.id, name);
    const changes = roleDiff(existing, built.body);
    return executePlan(ctx, session, out, {
      operation: ctx.name,
      writes: [{ target: name, request: built.request, describe: (body) => body }],
      warnings: [replaceWarning(name, project, holders), ...built.warnings],
      confirm: {
        actions: replaceActions(name, project, changes, holders),
        phrase: confirmationPhrase({ kind: 'replace-role', roleName: name, count: 1 }),
      },
    });
  });
}
