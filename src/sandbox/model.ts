/**
 * The sandbox's own record of an organization. It is plain JSON (so `--state` can save it as is) and holds what
 * the real service would store, not what it answers: key secrets only as hashes, project endpoints not at all
 * (they depend on the port this run listens on), invitation `expired` not at all (it depends on the clock).
 */
import type { Organization, ProjectType, RoleAssignments } from '../api/schemas.js';

export interface StoredMember {
  user_id: string;
  email: string;
  name: string;
  member_since: string;
  role_assignments: RoleAssignments;
}

export interface StoredInvitation {
  token: string;
  email: string;
  created_at: string;
  expires_at: string;
  role_assignments: RoleAssignments;
}

export interface StoredKey {
  id: string;
  description: string;
  creation_date: string;
  /** Absent: never expires. */
  expiration_date?: string;
  user_id: string;
  role_assignments: RoleAssignments;
  /** sha256 of the secret, hex. The secret itself is shown once, at creation, and never stored. */
  secret_sha256: string;
  /** Who manages the key (`_authenticate`'s `api_key.managed_by`); absent: a Cloud API key. */
  managed_by?: 'cloud' | 'elasticsearch';
}

export interface StoredProject {
  id: string;
  type: ProjectType;
  name: string;
  alias: string;
  region_id: string;
  created_at: string;
  created_by: string;
  /** Type-specific fields (`optimized_for`, `product_tier`, `product_types`, …) copied into the answer. */
  extra: Record<string, unknown>;
}

/** A hosted deployment: what `GET /api/v1/deployments` lists of it (its parts, where they run) and their state. */
export interface StoredDeployment {
  id: string;
  name: string;
  /** The ESS region every part runs in (`gcp-us-central1`). */
  region: string;
  /** The stack version every part runs (Elastic Cloud keeps a deployment's parts on one version). */
  version: string;
  /**
   * Its parts in listing order: `kind` (elasticsearch, kibana, …), `ref_id`, a system-unique `id`, and what
   * `GET /deployments/{id}` says of it: its status (the spec's enum: started, stopped, …) and whether it is healthy.
   */
  resources: Array<{ kind: string; ref_id: string; id: string; status: string; healthy: boolean }>;
}

/** A custom role as PUT stored it, already in the shape GET returns. */
export interface StoredRole {
  cluster: string[];
  indices: Array<Record<string, unknown>>;
  applications: Array<{ application: string; privileges: string[]; resources: string[] }>;
  metadata: Record<string, unknown>;
  run_as: string[];
  transient_metadata: Record<string, unknown>;
  description?: string;
}

/**
 * An Elasticsearch API key created inside one project (the older, per-project layer). Times are epoch
 * milliseconds as ES answers them; the secret is kept only as a hash, like Cloud keys.
 */
export interface StoredProjectKey {
  id: string;
  name: string;
  creation: number;
  /** Absent: never expires. */
  expiration?: number;
  invalidated: boolean;
  invalidation?: number;
  /** Who created it: a Cloud user id (SSO or a unified key's owner). */
  username: string;
  realm: string;
  metadata: Record<string, unknown>;
  /** Empty: the key holds its creator's privileges as they were at creation (`limited_by`). */
  role_descriptors: Record<string, StoredRole>;
  limited_by: Record<string, StoredRole>;
  secret_sha256: string;
}

/** The sandbox's own keys, kept in clear so a restart with `--state` can print them again. They are simulated. */
export interface SandboxCredentials {
  ownerKey: string;
  ownerKeyId: string;
  viewerKey: string;
  viewerKeyId: string;
}

export interface SandboxData {
  organization: Organization;
  accountId: string;
  members: StoredMember[];
  invitations: StoredInvitation[];
  keys: StoredKey[];
  projects: StoredProject[];
  /** Hosted deployments; role assignments may name them in `deployment_ids`. */
  deployments: StoredDeployment[];
  /** Custom roles by project id, then by role name. */
  customRoles: Record<string, Record<string, StoredRole>>;
  /** Project (Elasticsearch) API keys by project id, in creation order. */
  projectKeys: Record<string, StoredProjectKey[]>;
  credentials: SandboxCredentials;
}
