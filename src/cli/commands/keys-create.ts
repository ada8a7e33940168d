/**
 * `keys create`: the skill's create-api-key. Reach is given either as the skill's `--roles` JSON or as `--scope`:
 * - `all:<type>` / a project: a project entry with the Cloud role `--role` (default `viewer`: what the key may see
 *   through the Cloud API) and `--stack-access` as its application_roles (what it may do inside the project);
 * - `org`: an Organization owner entry whose `--stack-access` reaches every current and future project (the
 *   skill's org-scoped example). With `--roles`, `org` only moves `--stack-access` onto the organization entry.
 * The value is saved to a 0600 file and never printed unless `--reveal` asks for it.
 */
import * as z from 'zod';
import { parseResponse } from '../../api/parse.js';
import { CreatedApiKey, isProjectType, PROJECT_TYPES, type Project } from '../../api/schemas.js';
import type { AssignmentInput } from '../../domain/builders/assignment-input.js';
import { buildCreateApiKey } from '../../domain/builders/api-key.js';
import { ORGANIZATION_OWNER_ROLE_ID } from '../../domain/catalog.js';
import { SecretFileError } from '../../secrets/index.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command-spec.js';
import { unwrap } from './shared/build.js';
import { withSession } from './shared/connect.js';
import { list, required, text } from './shared/flags.js';
import { createOutput } from './shared/output.js';
import { resolveProject } from './shared/resolve-project.js';
import { checkSecretFile, saveSecret, type SecretTarget } from './shared/secret-file.js';
import { executePlan } from './shared/writes.js';

const FLAGS = {
  description: '--description',
  expiration: '--expiration',
  rawRoleAssignments: '--roles',
  assignments: '--scope/--role',
  stackAccess: '--stack-access',
  stackAccessScope: '--scope',
};

function scopeEntry(scope: string, roleId: string, projects: readonly Project[]): AssignmentInput {
  if (scope === 'org') return { scope: 'organization', roleId: ORGANIZATION_OWNER_ROLE_ID };
  const all = /^all:(.*)$/.exec(scope);
  if (all) {
    const type = all[1];
    if (!isProjectType(type))
      throw new UsageError(`--scope ${scope}: the type must be one of ${PROJECT_TYPES.join(', ')}`);
    return { scope: 'project', type, roleId, all: true };
  }
  const project = resolveProject(projects, scope);
  return { scope: 'project', type: project.type, roleId, projectIds: [project.id] };
}

/** Turns the response into the output's `result`, saving the value first so it is never only in memory. */
/** What humanize reads back from keyResult's output. */
const KeyResult = z.object({ id: z.string(), secret_file: z.string(), secret: z.string().optional() });

function keyResult(target: SecretTarget, reveal: boolean) {
  return (response: unknown): z.input<typeof KeyResult> & Record<string, unknown> => {
    const key = parseResponse(CreatedApiKey, response, 'cloud', 'POST /users/auth/keys');
    let secretFile: string;
    try {
      secretFile = saveSecret(target, key.id, key.key);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SecretFileError(
        `API key ${key.id} was created but its value could not be saved (${reason}); revoke it with ` +
          `\`ec-access keys revoke --ids ${key.id} --yes\` and create it again`,
      );
    }
    return {
      id: key.id,
      description: key.description,
      creation_date: key.creation_date,
      expiration_date: key.expiration_date ?? null,
      role_assignments: key.role_assignments ?? {},
      secret_file: secretFile,
      ...(reveal ? { secret: key.key } : {}),
    };
  };
}

export async function keysCreate(ctx: CommandContext): Promise<number> {
  const out = createOutput(ctx);
  const { values } = ctx;
  const description = required(values, 'description', 'what the key is for');
  const expiration = required(values, 'expiration', 'e.g. 30d; "never" only if you mean it');
  const roles = text(values, 'roles');
  const scopes = list(values, 'scope') ?? [];
  const projectScopes = scopes.filter((s) => s !== 'org');
  const role = text(values, 'role');
  const stackAccess = list(values, 'stack-access');
  if (roles === undefined && scopes.length === 0)
    throw new UsageError('one of --roles or --scope is required: say what the key may reach');
  if (roles !== undefined && projectScopes.length > 0)
    throw new UsageError('--roles already says where the key reaches; with it, --scope may only be org');
  if (role !== undefined && projectScopes.length === 0)
    throw new UsageError('--role sets the Cloud role on the projects of --scope; give a project scope');
  const secretFile = text(values, 'secret-file');
  const target: SecretTarget = {
    env: ctx.io.env,
    ...(secretFile ? { explicit: checkSecretFile(secretFile, ctx.io.cwd) } : {}),
  };

  return withSession(ctx, async (session) => {
    const projects = projectScopes.length > 0 ? await session.projects() : [];
    const assignments = roles === undefined ? scopes.map((s) => scopeEntry(s, role ?? 'viewer', projects)) : undefined;
    const built = unwrap(
      buildCreateApiKey({
        orgId: session.orgId,
        description,
        expiration,
        ...(roles !== undefined ? { rawRoleAssignments: roles } : { assignments }),
        ...(stackAccess ? { stackAccess } : {}),
        stackAccessScope: scopes.includes('org') ? 'organization' : 'projects',
      }),
      FLAGS,
    );
    const cloudOnly = built.cloudOnly
      ? [
          'the key has no application_roles: Elasticsearch and Kibana will answer 403 (add --stack-access for data access)',
        ]
      : [];
    return executePlan(ctx, session, out, {
      operation: ctx.name,
      writes: [
        {
          target: description,
          request: built.request,
          describe: keyResult(target, values.reveal === true),
          humanize: (result) => {
            const r = KeyResult.parse(result);
            return `key ${r.id}: value saved to ${r.secret_file} (shown once; keep it private)${r.secret ? `\n        value: ${r.secret}` : ''}`;
          },
        },
      ],
      warnings: [...built.warnings, ...cloudOnly],
    });
  });
}
