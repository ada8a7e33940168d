/**
 * The JSON documents ec-access's scriptable commands print (`--json`, or stdout not a terminal), as tests read
 * them: one schema per document, named after its `schema` id. They describe what src/cli/commands/ really prints
 * (loose objects: a field a test does not read may be added without touching this file). Embedded API objects
 * reuse src/api/schemas.ts where the command prints them as the API sent them.
 */
import { z } from 'zod';
import { ProjectEndpoints, ProjectType, Role, RoleAssignments } from '../../src/api/schemas.js';

const schemaId = <const Id extends string>(id: Id) => z.literal(`ec-access/${id}`);

/** A request as a write command shows it (src/cli/commands/shared/writes.ts requestJson); body only in a dry run. */
export const RequestJson = z.looseObject({
  method: z.string(),
  url: z.string(),
  body: z.unknown().optional(),
  summary: z.string(),
});

const ErrorJson = z.looseObject({
  kind: z.string(),
  status: z.number().nullable(),
  code: z.string().nullable(),
  message: z.string(),
  hint: z.string().nullable(),
});

// ---- members, invitations, projects ---------------------------------------------------------------------------

export const MemberJson = z.looseObject({
  user_id: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  member_since: z.string(),
  role_assignments: RoleAssignments,
});

export type MemberJson = z.output<typeof MemberJson>;

export const MembersDoc = z.looseObject({
  schema: schemaId('members@1'),
  organization_id: z.string(),
  members: z.array(MemberJson),
});

/** src/cli/commands/invitations.ts invitationJson: the token is always `[redacted]`. */
export const InvitationJson = z.looseObject({
  email: z.string(),
  token: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  expired: z.boolean(),
  role_assignments: RoleAssignments,
});

export const InvitationsDoc = z.looseObject({
  schema: schemaId('invitations@1'),
  organization_id: z.string(),
  invitations: z.array(InvitationJson),
});

export const DeploymentsDoc = z.looseObject({
  schema: schemaId('deployments@1'),
  deployments: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      region: z.string().nullable(),
      resources: z.array(z.looseObject({ kind: z.string(), ref_id: z.string(), id: z.string(), region: z.string() })),
      details: z
        .looseObject({
          healthy: z.boolean(),
          status: z.string().nullable(),
          version: z.string().nullable(),
          parts: z.array(
            z.looseObject({
              kind: z.string(),
              ref_id: z.string(),
              region: z.string(),
              status: z.string(),
              healthy: z.boolean(),
              version: z.string().nullable(),
            }),
          ),
        })
        .nullable(),
      access: z
        .array(
          z.looseObject({
            principal: z.looseObject({ kind: z.string(), id: z.string(), label: z.string() }),
            role_id: z.string(),
            role: z.string(),
            via: z.enum(['owner', 'all', 'direct']),
          }),
        )
        .nullable(),
    }),
  ),
  unreadable: z.array(z.looseObject({ id: z.string(), name: z.string(), reason: z.string() })),
});

export const ProjectsDoc = z.looseObject({
  schema: schemaId('projects@1'),
  projects: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      alias: z.string(),
      type: ProjectType,
      region_id: z.string(),
      endpoints: ProjectEndpoints,
    }),
  ),
});

// ---- roles ----------------------------------------------------------------------------------------------------

export const RolesDoc = z.looseObject({
  schema: schemaId('roles@1'),
  predefined: z.array(
    z.looseObject({ role_id: z.string(), scope: z.string(), label: z.string(), stack_role: z.string().nullable() }),
  ),
  custom: z.array(
    z.looseObject({
      project_id: z.string(),
      project_name: z.string(),
      project_type: ProjectType,
      name: z.string(),
      description: z.string(),
    }),
  ),
  unavailable: z.array(z.looseObject({ project_id: z.string(), reason: z.string() })),
});

/** `roles list --project P --name N`: the descriptor as the project's Elasticsearch returned it. */
export const RoleDoc = z.looseObject({
  schema: schemaId('role@1'),
  project_id: z.string(),
  name: z.string(),
  role: Role,
});

// ---- keys -----------------------------------------------------------------------------------------------------

const KeyExpiry = z.enum(['expired', 'expiring-soon', 'ok', 'never']);
const ProjectKeyExpiry = z.enum([...KeyExpiry.options, 'invalidated']);

export const CloudKeyJson = z.looseObject({
  layer: z.literal('cloud'),
  id: z.string(),
  description: z.string(),
  creation_date: z.string(),
  expiration_date: z.string().nullable(),
  expiry: KeyExpiry,
  user_id: z.string().nullable(),
  role_assignments: RoleAssignments,
  stack_access: z.boolean(),
});

/** src/cli/commands/shared/project-keys.ts projectKeyJson. */
export const ProjectKeyJson = z.looseObject({
  layer: z.literal('project'),
  id: z.string(),
  name: z.string().nullable(),
  project_id: z.string(),
  project_name: z.string(),
  project_type: ProjectType,
  creation_date: z.string().nullable(),
  expiration_date: z.string().nullable(),
  expiry: ProjectKeyExpiry,
  username: z.string(),
  realm: z.string(),
  role_descriptors: z.record(z.string(), z.unknown()),
});

export const KeysDoc = z.looseObject({
  schema: schemaId('keys@1'),
  keys: z.array(CloudKeyJson),
  project_keys: z.array(ProjectKeyJson),
  unreadable_projects: z.array(z.looseObject({ project_id: z.string(), project_name: z.string(), reason: z.string() })),
});

export const RevokeDoc = z.looseObject({
  schema: schemaId('revoke@1'),
  operation: z.string(),
  /** The first request (the Cloud one when Cloud keys are revoked). */
  request: RequestJson.nullable(),
  requests: z.array(RequestJson),
  results: z.array(
    z.looseObject({
      layer: z.enum(['cloud', 'project']),
      id: z.string(),
      description: z.string().nullable(),
      project_id: z.string().nullable(),
      project_name: z.string().nullable(),
      status: z.enum(['revoked', 'already-gone', 'failed', 'unknown']),
      reason: z.string().nullable(),
    }),
  ),
  still_active: z.array(z.string()),
  maybe_active: z.array(z.string()),
  complete: z.boolean(),
});

const IdentifiedKey = z.looseObject({
  layer: z.enum(['cloud', 'project']),
  id: z.string(),
  name: z.string().nullable(),
  project_id: z.string().nullable(),
  project_name: z.string().nullable(),
  expiry: ProjectKeyExpiry,
  owner: z.looseObject({ user_id: z.string().nullable(), email: z.string().nullable(), member: z.boolean() }),
});

export const IdentifyDoc = z.discriminatedUnion('found', [
  z.looseObject({
    schema: schemaId('identify@1'),
    found: z.literal(true),
    method: z.enum(['encoded-id', 'authenticate']),
    key: IdentifiedKey,
    revoke_command: z.string(),
  }),
  z.looseObject({ schema: schemaId('identify@1'), found: z.literal(false), reason: z.string(), key: z.null() }),
]);

// ---- writes ---------------------------------------------------------------------------------------------------

export const DryRunDoc = z.looseObject({
  schema: schemaId('dry-run@1'),
  operation: z.string(),
  requests: z.array(RequestJson),
  warnings: z.array(z.string()),
});

/** One item of a write; `result` is the command's own (see the *Result schemas below), null when it failed. */
export const WriteItem = z.looseObject({
  target: z.string(),
  ok: z.boolean(),
  outcome: z.enum(['done', 'failed', 'unknown']),
  request: RequestJson,
  result: z.unknown(),
  error: ErrorJson.nullable(),
});

export const WriteDoc = z.looseObject({
  schema: schemaId('write@1'),
  operation: z.string(),
  results: z.array(WriteItem),
  summary: z.looseObject({ succeeded: z.number(), failed: z.number(), unknown: z.number() }),
  warnings: z.array(z.string()),
});

/** `keys create`'s item result (src/cli/commands/keys-create.ts keyResult); `secret` only with --reveal. */
export const CreatedKeyResult = z.looseObject({
  id: z.string(),
  description: z.string(),
  creation_date: z.string(),
  expiration_date: z.string().nullable(),
  role_assignments: RoleAssignments,
  secret_file: z.string(),
  secret: z.string().optional(),
});

/** `members invite`'s item result (src/cli/commands/members-invite.ts). */
export const InvitedResult = z.looseObject({ invitations: z.array(InvitationJson) });

// ---- doctor and the access review -----------------------------------------------------------------------------

/** src/domain/doctor/json.ts. */
export const DoctorDoc = z.looseObject({
  schema: schemaId('doctor@1'),
  summary: z.looseObject({ critical: z.number(), warning: z.number(), info: z.number(), total: z.number() }),
  findings: z.array(
    z.looseObject({
      id: z.string(),
      rule: z.string(),
      severity: z.enum(['critical', 'warning', 'info']),
      title: z.string(),
      why: z.string(),
      principal: z.looseObject({ kind: z.string(), id: z.string(), label: z.string() }).nullable(),
      projectId: z.string().nullable(),
      /** A FixAction (src/domain/doctor/finding.ts); `projectIds` on create-custom-role. */
      fix: z.looseObject({ kind: z.string(), projectIds: z.array(z.string()).optional() }),
    }),
  ),
});

const GrantPrincipal = z.looseObject({
  kind: z.enum(['member', 'invitation', 'cloud-key']),
  id: z.string(),
  identity: z.string(),
});

/** One row of src/domain/review/grants.ts AccessGrant. */
export const AccessGrantJson = z.looseObject({
  principal: GrantPrincipal,
  scope: z.looseObject({
    kind: z.enum(['organization', 'project', 'deployment']),
    id: z.string(),
    name: z.string(),
    type: z.string(),
  }),
  role_id: z.string(),
  role: z.string(),
  application_roles: z.array(z.string()),
  stack_roles: z.array(z.string()),
  missing_roles: z.array(z.string()),
  via: z.enum(['direct', 'all', 'organization', 'owner']),
  expires_at: z.string().nullable(),
});

const Organization = z.looseObject({ id: z.string(), name: z.string() });

export const AccessDoc = z.looseObject({
  schema: schemaId('access@1'),
  organization: Organization,
  generated_at: z.string(),
  filters: z.looseObject({
    project: z.string().nullable(),
    member: z.string().nullable(),
    key: z.string().nullable(),
    type: z.string().nullable(),
  }),
  summary: z.looseObject({
    grants: z.number(),
    principals: z.record(z.string(), z.number()),
    projects: z.number(),
  }),
  principals: z.array(GrantPrincipal.extend({ expires_at: z.string().nullable() })),
  grants: z.array(AccessGrantJson),
  /** Only with --with-findings. */
  findings: DoctorDoc.optional(),
});

const GonePrincipal = z.looseObject({ principal: GrantPrincipal, grants: z.number() });

export const AccessDiffDoc = z.looseObject({
  schema: schemaId('access-diff@1'),
  organization: Organization,
  since: z.string(),
  until: z.string(),
  added: z.array(AccessGrantJson),
  removed: z.array(AccessGrantJson),
  altered: z.array(
    z.looseObject({
      principal: GrantPrincipal,
      scope: AccessGrantJson.shape.scope,
      before: z.array(AccessGrantJson),
      after: z.array(AccessGrantJson),
    }),
  ),
  principals_gone: z.array(GonePrincipal),
  keys_expired: z.array(GonePrincipal.extend({ expired_at: z.string() })),
  summary: z.looseObject({
    added: z.number(),
    removed: z.number(),
    altered: z.number(),
    principals_gone: z.number(),
    keys_expired: z.number(),
  }),
});
