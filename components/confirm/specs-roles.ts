/**
 * Deleting a project's custom role, through that project's Elasticsearch. Who still names the role is listed
 * first: deleting it does not touch their assignments, which go on naming a role that grants nothing.
 */
import type { Project } from '../../src/api/schemas.js';
import { esRequests } from '../../src/api/requests.js';
import { extraWarnings, roleReferences } from '../../src/domain/confirm.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import type { ConfirmEnv, ConfirmSpec } from './spec.js';
import { judgeSingle, reread } from './verify.js';

function referenceLines(env: ConfirmEnv, project: Project, roleName: string): Line[] {
  if (!env.snapshot)
    return [
      line(tone('warning', `  ${env.symbols.warn} could not check who uses it: the organization is not loaded yet`)),
    ];
  const references = roleReferences(env.snapshot, project.id, roleName);
  if (references.length === 0)
    return [line(tone('muted', '  nobody: no member, open invitation or unexpired key names it here'))];
  return references.map((r) =>
    line(
      '  ',
      tone('muted', r.principal.kind.padEnd(11)),
      r.principal.label,
      tone(r.remainingStackRoles.length === 0 ? 'danger' : 'warning', ` — ${r.loses}`),
    ),
  );
}

export function deleteRoleSpec(project: Project, roleName: string): ConfirmSpec {
  return {
    id: `confirm:delete-role:${project.id}:${roleName}`,
    title: `Delete custom role ${roleName} in ${project.name}`,
    verb: 'Delete role',
    prepare(env) {
      const request = esRequests.deleteRole(project.id, roleName);
      const route = env.services?.esAccess?.(project) ?? {
        missing: env.services ? 'no Elasticsearch access configured' : 'not connected',
      };
      const api = 'api' in route ? route.api : undefined;
      return {
        target: { kind: 'delete-role', roleName },
        request,
        url: api ? api.urlOf(request) : `${project.endpoints.elasticsearch}${request.path}`,
        ...(api
          ? {}
          : { blocked: `cannot reach ${project.name}'s Elasticsearch: ${'missing' in route ? route.missing : ''}` }),
        effects: [
          line(
            '  The custom role ',
            tone('danger', roleName, true),
            ` is deleted from ${project.name}`,
            tone('muted', ` (${project.type}, ${project.id})`),
            '.',
          ),
          line('  Still assigned to (their assignments keep naming it, and get nothing from it):'),
          ...referenceLines(env, project, roleName),
        ],
        warnings: env.snapshot
          ? extraWarnings({ kind: 'delete-role', projectId: project.id, roleName }, env.snapshot)
          : [],
        send: async () => {
          if (!api) throw new Error(`cannot reach ${project.name}'s Elasticsearch`);
          await api.deleteRole(roleName);
        },
        refresh: [{ customRoles: project.id }, { role: { projectId: project.id, name: roleName } }],
        verify(data, sent) {
          const roles = reread(data.customRoles.get(project.id));
          return judgeSingle(
            sent,
            {
              done: `Deleted custom role ${roleName} from ${project.name}`,
              what: `the role ${roleName}`,
              where: `${project.name}'s custom roles`,
              present: roles?.status === 'loaded' ? roles.names.includes(roleName) : undefined,
            },
            env.symbols,
          );
        },
      };
    },
  };
}
