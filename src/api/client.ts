/**
 * What the rest of the app may ask of the network. Screens and state depend on these interfaces only; the
 * undici implementation lives in cloud-client.ts / es-client.ts, and the sandbox is reached through the same one.
 */
import type { WriteOutcome } from './outcome.js';
import type { ProjectApiKey } from './project-key-schemas.js';
import type { ApiRequest } from './requests.js';
import type {
  ApiKey,
  AuthenticateResponse,
  CreateApiKeyRequest,
  CreatedApiKey,
  Deployment,
  DeploymentInfo,
  Invitation,
  InvitationRequest,
  Member,
  Organization,
  Project,
  ProjectType,
  PutRoleResponse,
  RoleAssignments,
  RoleDescriptor,
  RoleMap,
} from './schemas.js';

/** Observes every request that changes something, for the audit trail. Never receives secrets. */
export interface WriteObserver {
  (event: WriteEvent): void;
}

export interface WriteEvent {
  readonly request: ApiRequest;
  /** The full URL, credentials never included. */
  readonly url: string;
  /** HTTP status, or undefined when no response arrived (the outcome is unknown). */
  readonly status: number | undefined;
  readonly ok: boolean;
  /** What the server's state is known to be (outcome.ts): `unknown` until a re-read settles it. */
  readonly outcome: WriteOutcome;
  /** Said about a `done` the status alone would not show ("already gone": a retried DELETE found nothing left). */
  readonly note?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly durationMs: number;
}

export interface CloudApi {
  /** Absolute URL of a Cloud request, for previews ("POST https://api.elastic-cloud.com/api/v1/users/auth/keys"). */
  urlOf(request: ApiRequest): string;
  listOrganizations(): Promise<Organization[]>;
  listMembers(orgId: string): Promise<Member[]>;
  removeMembers(orgId: string, userIds: readonly string[]): Promise<void>;
  listInvitations(orgId: string): Promise<Invitation[]>;
  createInvitations(orgId: string, body: InvitationRequest): Promise<Invitation[]>;
  cancelInvitations(orgId: string, tokens: readonly string[]): Promise<void>;
  addRoleAssignments(userId: string, body: RoleAssignments): Promise<void>;
  removeRoleAssignments(userId: string, body: RoleAssignments): Promise<void>;
  /** Follows `next_page` until the list is complete. */
  listApiKeys(): Promise<ApiKey[]>;
  getApiKey(id: string): Promise<ApiKey>;
  createApiKey(body: CreateApiKeyRequest): Promise<CreatedApiKey>;
  deleteApiKeys(ids: readonly string[]): Promise<void>;
  listProjects(type: ProjectType): Promise<Project[]>;
  getProject(type: ProjectType, id: string): Promise<Project>;
  /** Custom role names and descriptions from the Cloud side (no ES credential needed). */
  getProjectRoles(type: ProjectType, id: string): Promise<Array<{ name: string; description: string }>>;
  /** Hosted deployments the key can see (one page: the endpoint has no cursor). */
  listDeployments(): Promise<Deployment[]>;
  /** One deployment with its health, its parts' status and their versions (404 once it is gone). */
  getDeployment(id: string): Promise<DeploymentInfo>;
  /** Send any prepared request (used by plans); parses nothing, returns the decoded JSON. */
  send(request: ApiRequest): Promise<unknown>;
  close(): Promise<void>;
}

export interface EsApi {
  readonly projectId: string;
  readonly baseUrl: string;
  urlOf(request: ApiRequest): string;
  listRoles(): Promise<RoleMap>;
  /** Undefined when the role does not exist (ES answers 404 `{}`). */
  getRole(name: string): Promise<RoleMap[string] | undefined>;
  putRole(name: string, body: RoleDescriptor): Promise<PutRoleResponse>;
  /** false when the role was not there. */
  deleteRole(name: string): Promise<boolean>;
  authenticate(): Promise<AuthenticateResponse>;
  /** The project's own (Elasticsearch) API keys, invalidated ones included. */
  listApiKeys(): Promise<ProjectApiKey[]>;
  send(request: ApiRequest): Promise<unknown>;
}
