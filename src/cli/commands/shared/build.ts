/**
 * Builders (src/domain/builders) validate everything and name problems by their own field names; on the command
 * line those are flags, so each issue is reported against the flag it came from. `--project P --role R` becomes
 * the builders' friendly assignment entry, so role expansion and checks are theirs alone.
 */
import type { Project } from '../../../api/schemas.js';
import type { AssignmentInput } from '../../../domain/builders/assignment-input.js';
import type { BuildResult } from '../../../domain/builders/result.js';
import { UsageError, type FlagValues } from '../../args.js';
import { text } from './flags.js';
import { resolveProject } from './resolve-project.js';

/** Builder field (first path segment) → the flag a person typed it with; `*` names the flag for any other field. */
export type FieldFlags = Readonly<Record<string, string>>;

export function unwrap<B, E extends object>(
  result: BuildResult<B, E>,
  flags: FieldFlags,
): Extract<BuildResult<B, E>, { ok: true }> {
  if (result.ok) return result;
  const lines = result.issues.map(({ path, message }) => {
    const [field = '', ...rest] = path.split(/(?=[.[])/);
    const flag = flags[field];
    const inner = rest.join('').replace(/^\./, '');
    if (flag) return `${flag}${inner ? ` ${inner}` : ''}: ${message}`;
    return `${flags['*'] ? `${flags['*']} ` : ''}${path ? `${path}: ` : ''}${message}`;
  });
  throw new UsageError(lines.join('\n'));
}

/** Whether `--project P --role R` was given; one without the other is a usage error. */
export function wantsProjectRole(values: FlagValues): boolean {
  const project = text(values, 'project');
  const role = text(values, 'role');
  if ((project === undefined) !== (role === undefined)) throw new UsageError('--project and --role go together');
  if (project !== undefined && values.roles !== undefined)
    throw new UsageError('use either --roles or --project with --role, not both');
  return project !== undefined;
}

export function projectRoleInput(projects: readonly Project[], values: FlagValues): AssignmentInput[] {
  const project = resolveProject(projects, text(values, 'project')!);
  return [{ scope: 'project', type: project.type, roleId: text(values, 'role')!, projectIds: [project.id] }];
}
