/**
 * The single source of API types. Every response the client reads and every body it sends is described here,
 * following ../shared/reference/cloud-api.md (the wire contract). Response objects are `loose`: unknown extra
 * fields pass through, because the real API grows fields faster than any spec we hold.
 */
import * as z from 'zod';
import { inertText } from '../util/inert-text.js';

/**
 * Free text a server chose (names, emails, descriptions), cleaned where it enters: control, bidi and zero-width
 * characters become visible escapes (src/util/inert-text.ts), so no screen or table can print them raw. Only
 * for text that is shown, never sent back: identifiers (ids, tokens, role names) stay exact for requests, and
 * whatever prints them cleans them on the way out.
 */
const ServerText = z.string().transform(inertText);

export const PROJECT_TYPES = ['elasticsearch', 'observability', 'security'] as const;
export const ProjectType = z.enum(PROJECT_TYPES);
export type ProjectType = z.infer<typeof ProjectType>;
export const isProjectType = (value: unknown): value is ProjectType => PROJECT_TYPES.some((t) => t === value);

// ---------------------------------------------------------------------------------------------------------------
// Organizations

export const Organization = z.looseObject({
  id: z.string(),
  name: ServerText,
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationList = z.looseObject({
  organizations: z.array(Organization),
  next_page: z.string().optional(),
});
export type OrganizationList = z.infer<typeof OrganizationList>;

// ---------------------------------------------------------------------------------------------------------------
// Role assignments (shared by members, invitations, API keys and the role_assignments calls)

export const OrganizationRoleAssignment = z.looseObject({
  role_id: z.string(),
  organization_id: z.string(),
  // Not in the 2024-09 spec, documented since for API keys: org-wide stack access (cloud-api.md §9.3).
  application_roles: z.array(z.string()).optional(),
});
export type OrganizationRoleAssignment = z.infer<typeof OrganizationRoleAssignment>;

export const DeploymentRoleAssignment = z.looseObject({
  role_id: z.string(),
  organization_id: z.string(),
  all: z.boolean().optional(),
  deployment_ids: z.array(z.string()).optional(),
  application_roles: z.array(z.string()).optional(),
});
export type DeploymentRoleAssignment = z.infer<typeof DeploymentRoleAssignment>;

export const ProjectRoleAssignment = z.looseObject({
  role_id: z.string(),
  organization_id: z.string(),
  all: z.boolean().optional(),
  project_ids: z.array(z.string()).optional(),
  application_roles: z.array(z.string()).optional(),
});
export type ProjectRoleAssignment = z.infer<typeof ProjectRoleAssignment>;

export const ProjectRoleAssignments = z.looseObject({
  elasticsearch: z.array(ProjectRoleAssignment).optional(),
  observability: z.array(ProjectRoleAssignment).optional(),
  security: z.array(ProjectRoleAssignment).optional(),
});
export type ProjectRoleAssignments = z.infer<typeof ProjectRoleAssignments>;

export const PlatformRoleAssignment = z.looseObject({ role_id: z.string() });

export const RoleAssignments = z.looseObject({
  platform: z.array(PlatformRoleAssignment).optional(),
  organization: z.array(OrganizationRoleAssignment).optional(),
  deployment: z.array(DeploymentRoleAssignment).optional(),
  project: ProjectRoleAssignments.optional(),
});
export type RoleAssignments = z.infer<typeof RoleAssignments>;

export const EmptyResponse = z.looseObject({});

// ---------------------------------------------------------------------------------------------------------------
// Members and invitations

export const Member = z.looseObject({
  organization_id: z.string(),
  user_id: z.string(),
  member_since: z.string(),
  name: ServerText.optional(),
  email: ServerText.optional(),
  role_assignments: RoleAssignments.optional(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.looseObject({ members: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const Invitation = z.looseObject({
  token: z.string(),
  email: ServerText,
  created_at: z.string(),
  expires_at: z.string(),
  expired: z.boolean(),
  accepted_at: z.string().optional(),
  organization: Organization,
  role_assignments: RoleAssignments.optional(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z.looseObject({ invitations: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationRequest = z.object({
  emails: z.array(z.string()).min(1),
  expires_in: z.string().optional(),
  role_assignments: RoleAssignments.optional(),
});
export type InvitationRequest = z.infer<typeof InvitationRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Cloud API keys

export const ApiKey = z.looseObject({
  id: z.string(),
  description: ServerText,
  creation_date: z.string(),
  expiration_date: z.string().optional(),
  user_id: z.string().optional(),
  organization_id: z.string().optional(),
  role_assignments: RoleAssignments.optional(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The create response is the only place the secret appears; it is kept out of ApiKey on purpose. */
export const CreatedApiKey = ApiKey.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyList = z.looseObject({
  keys: z.array(ApiKey),
  next_page: z.string().optional(),
});
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const CreateApiKeyRequest = z.object({
  description: z.string().min(1),
  expiration: z.string().optional(),
  role_assignments: RoleAssignments.optional(),
});
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

export const DeleteApiKeysRequest = z.object({ keys: z.array(z.string()).min(1) });
export type DeleteApiKeysRequest = z.infer<typeof DeleteApiKeysRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Serverless projects

export const ProjectMetadata = z.looseObject({
  created_at: z.string(),
  created_by: z.string(),
  organization_id: z.string(),
  suspended_at: z.string().optional(),
  suspended_reason: ServerText.optional(),
  tags: z.record(z.string(), ServerText).optional(),
});

export const ProjectEndpoints = z.looseObject({
  elasticsearch: z.string(),
  kibana: z.string(),
  apm: z.string().optional(),
  ingest: z.string().optional(),
});

export const Project = z.looseObject({
  id: z.string(),
  name: ServerText,
  alias: ServerText,
  type: ProjectType,
  region_id: z.string(),
  cloud_id: z.string(),
  metadata: ProjectMetadata,
  endpoints: ProjectEndpoints,
});
export type Project = z.infer<typeof Project>;

export const ProjectList = z.looseObject({
  items: z.array(Project),
  next_page: z.string().optional(),
});
export type ProjectList = z.infer<typeof ProjectList>;

/** `GET /serverless/projects/{type}/{id}/roles`: custom roles (names only), keyed by project id. */
export const ProjectRolesByProjectId = z.record(
  z.string(),
  z.looseObject({
    roles: z.array(z.looseObject({ name: z.string(), description: ServerText })),
  }),
);
export type ProjectRolesByProjectId = z.infer<typeof ProjectRolesByProjectId>;

// ---------------------------------------------------------------------------------------------------------------
// Hosted deployments (`GET /deployments`, the ESS spec's DeploymentsListResponse)

/** One part of a deployment (its Elasticsearch cluster, Kibana, APM, …): the list gives only where it runs. */
export const DeploymentResource = z.looseObject({
  id: z.string(),
  kind: z.string(),
  ref_id: z.string(),
  region: z.string(),
  cloud_id: z.string().optional(),
  elasticsearch_cluster_ref_id: z.string().optional(),
});
export type DeploymentResource = z.infer<typeof DeploymentResource>;

/** The spec's DeploymentsListingData: no version or health here (only `GET /deployments/{id}` has them). */
export const Deployment = z.looseObject({
  id: z.string(),
  name: ServerText,
  resources: z.array(DeploymentResource),
});
export type Deployment = z.infer<typeof Deployment>;

export const DeploymentList = z.looseObject({ deployments: z.array(Deployment) });
export type DeploymentList = z.infer<typeof DeploymentList>;

// `GET /deployments/{deployment_id}` (DeploymentGetResponse): one deployment with its parts' state and plans.

/** The version a part's plan runs: `plan.elasticsearch.version`, `plan.kibana.version`, … (one key per kind). */
const PlanConfiguration = z.looseObject({ version: ServerText.optional() }).optional();

/**
 * A part's `info` (ElasticsearchClusterInfo, KibanaClusterInfo, ApmInfo, …), only what is shown: its health, its
 * status (an enum in the spec, read as text so a newer state still shows) and the version of its current plan.
 */
export const DeploymentPartInfo = z.looseObject({
  ref_id: z.string(),
  id: z.string(),
  region: ServerText,
  info: z.looseObject({
    healthy: z.boolean(),
    status: ServerText,
    plan_info: z.looseObject({
      healthy: z.boolean(),
      current: z
        .looseObject({
          healthy: z.boolean(),
          plan: z
            .looseObject({
              elasticsearch: PlanConfiguration,
              kibana: PlanConfiguration,
              apm: PlanConfiguration,
              integrations_server: PlanConfiguration,
              appsearch: PlanConfiguration,
              enterprise_search: PlanConfiguration,
            })
            .optional(),
        })
        .optional(),
    }),
  }),
});
export type DeploymentPartInfo = z.infer<typeof DeploymentPartInfo>;

/** The kinds DeploymentResources lists, in the order a deployment's details show them. */
export const DEPLOYMENT_PART_KINDS = [
  'elasticsearch',
  'kibana',
  'apm',
  'integrations_server',
  'enterprise_search',
  'appsearch',
] as const;
export type DeploymentPartKind = (typeof DEPLOYMENT_PART_KINDS)[number];

// The spec requires all six arrays; a missing one reads as no parts of that kind, so an answer without the retired
// App Search still shows the rest.
const Parts = z.array(DeploymentPartInfo).default([]);

/** The spec's DeploymentGetResponse: `healthy` is the whole deployment's (false when any part is unhealthy). */
export const DeploymentInfo = z.looseObject({
  id: z.string(),
  name: ServerText,
  healthy: z.boolean(),
  resources: z.looseObject({
    elasticsearch: Parts,
    kibana: Parts,
    apm: Parts,
    integrations_server: Parts,
    enterprise_search: Parts,
    appsearch: Parts,
  }),
});
export type DeploymentInfo = z.infer<typeof DeploymentInfo>;

// ---------------------------------------------------------------------------------------------------------------
// Elasticsearch security (per project)

export const FieldSecurity = z.object({
  grant: z.array(z.string()).optional(),
  except: z.array(z.string()).optional(),
});

export const IndicesPrivileges = z.looseObject({
  names: z.union([z.string(), z.array(z.string())]),
  privileges: z.array(z.string()),
  field_security: FieldSecurity.optional(),
  // DLS: a JSON string, a Query DSL object, or a template; GET always returns it as a string.
  query: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});
export type IndicesPrivileges = z.infer<typeof IndicesPrivileges>;

export const ApplicationPrivileges = z.looseObject({
  application: z.string(),
  privileges: z.array(z.string()),
  resources: z.array(z.string()),
});
export type ApplicationPrivileges = z.infer<typeof ApplicationPrivileges>;

/** The body PUT /_security/role/{name} accepts on Serverless (stack-only fields are not modelled). */
export const RoleDescriptor = z.object({
  cluster: z.array(z.string()).optional(),
  indices: z.array(IndicesPrivileges).optional(),
  applications: z.array(ApplicationPrivileges).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  description: z.string().optional(),
  run_as: z.array(z.string()).optional(),
  transient_metadata: z.record(z.string(), z.unknown()).optional(),
});
export type RoleDescriptor = z.infer<typeof RoleDescriptor>;

/** What GET returns for one role. */
export const Role = z.looseObject({
  cluster: z.array(z.string()),
  indices: z.array(IndicesPrivileges),
  applications: z.array(ApplicationPrivileges),
  metadata: z.record(z.string(), z.unknown()),
  description: ServerText.optional(),
  run_as: z.array(z.string()).optional(),
  transient_metadata: z.record(z.string(), z.unknown()).optional(),
});
export type Role = z.infer<typeof Role>;

export const RoleMap = z.record(z.string(), Role);
export type RoleMap = z.infer<typeof RoleMap>;

export const PutRoleResponse = z.looseObject({ role: z.looseObject({ created: z.boolean() }) });
export type PutRoleResponse = z.infer<typeof PutRoleResponse>;

export const DeleteRoleResponse = z.looseObject({ found: z.boolean() });
export type DeleteRoleResponse = z.infer<typeof DeleteRoleResponse>;

export const AuthenticateResponse = z.looseObject({
  username: z.string(),
  roles: z.array(z.string()),
  authentication_type: z.string().optional(),
  api_key: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
});
export type AuthenticateResponse = z.infer<typeof AuthenticateResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Error bodies

/** Cloud `BasicFailedReply` and Serverless `MultiErrorResponse` (the latter without `fields`). */
export const CloudErrorEnvelope = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        code: z.string(),
        message: z.string(),
        fields: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});
export type CloudErrorEnvelope = z.infer<typeof CloudErrorEnvelope>;

export const EsErrorBody = z.looseObject({
  error: z.union([z.string(), z.looseObject({ type: z.string(), reason: z.string().optional() })]),
  status: z.number().optional(),
});
export type EsErrorBody = z.infer<typeof EsErrorBody>;
