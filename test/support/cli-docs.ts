/**
 * The JSON documents ec-access's commands print (`ec-access/<name>@1`), as tests read them: one schema per
 * document, named after it, describing only the fields tests rely on (loose objects: other fields pass through).
 * Each mirrors what src/cli/commands/ really prints; registry.ts lists every document's full shape.
 */
import { z } from 'zod';

/** `members list` (src/cli/commands/members.ts). */
export const MembersDoc = z.looseObject({
  schema: z.literal('ec-access/members@1'),
  organization_id: z.string(),
  members: z.array(
    z.looseObject({
      user_id: z.string(),
      email: z.string().nullable(),
      role_assignments: z.looseObject({
        organization: z.array(z.looseObject({ role_id: z.string() })).optional(),
      }),
    }),
  ),
});

/** `projects list` (src/cli/commands/projects.ts). */
export const ProjectsDoc = z.looseObject({
  schema: z.literal('ec-access/projects@1'),
  projects: z.array(z.looseObject({ id: z.string(), name: z.string(), type: z.string() })),
});

/** `keys list` (src/cli/commands/keys.ts, project keys from shared/project-keys.ts). */
export const KeysDoc = z.looseObject({
  schema: z.literal('ec-access/keys@1'),
  keys: z.array(z.looseObject({ layer: z.string(), id: z.string(), expiry: z.string() })),
  project_keys: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string().nullable(),
      project_name: z.string(),
    }),
  ),
  unreadable_projects: z.array(z.looseObject({ project_name: z.string(), reason: z.string() })),
});

/** `invitations list` (src/cli/commands/invitations.ts). */
export const InvitationsDoc = z.looseObject({
  schema: z.literal('ec-access/invitations@1'),
  invitations: z.array(z.looseObject({ email: z.string(), token: z.string() })),
});

/** `roles list` without --name (src/cli/commands/roles-read.ts). */
export const RolesDoc = z.looseObject({
  schema: z.literal('ec-access/roles@1'),
  predefined: z.array(z.looseObject({ role_id: z.string(), scope: z.string() })),
  custom: z.array(z.looseObject({ name: z.string() })),
});

/** `doctor --json` (src/domain/doctor/json.ts). */
export const DoctorDoc = z.looseObject({
  schema: z.literal('ec-access/doctor@1'),
  summary: z.looseObject({ total: z.number() }),
  findings: z.array(z.unknown()),
});

/** Any write command with --dry-run (src/cli/commands/shared/writes.ts, printDryRun). */
export const DryRunDoc = z.looseObject({
  schema: z.literal('ec-access/dry-run@1'),
  requests: z.array(z.looseObject({ method: z.string(), url: z.string() })),
  warnings: z.array(z.string()),
});

/** Any write command that sent its requests (src/cli/commands/shared/writes.ts, executePlan). */
export const WriteDoc = z.looseObject({
  schema: z.literal('ec-access/write@1'),
  results: z.array(
    z.looseObject({
      target: z.string(),
      ok: z.boolean(),
      /** What the command made of the response (`keys create`: the key's id and secret_file); null on failure. */
      result: z.unknown(),
      error: z.looseObject({ status: z.number().nullable() }).nullable(),
    }),
  ),
  summary: z.looseObject({ succeeded: z.number(), failed: z.number(), unknown: z.number() }),
});

/** `keys revoke` (src/cli/commands/keys-revoke.ts). */
export const RevokeDoc = z.looseObject({
  schema: z.literal('ec-access/revoke@1'),
  results: z.array(
    z.looseObject({
      layer: z.enum(['cloud', 'project']),
      project_name: z.string().nullable(),
      status: z.enum(['revoked', 'already-gone', 'failed', 'unknown']),
      reason: z.string().nullable(),
    }),
  ),
  still_active: z.array(z.string()),
  complete: z.boolean(),
});

/** `keys identify` (src/cli/commands/keys-identify.ts); `key` is null and there is no command when not found. */
export const IdentifyDoc = z.looseObject({
  schema: z.literal('ec-access/identify@1'),
  found: z.boolean(),
  key: z
    .looseObject({
      layer: z.enum(['cloud', 'project']),
      id: z.string(),
      owner: z.looseObject({ member: z.boolean() }),
    })
    .nullable(),
  revoke_command: z.string().optional(),
});
