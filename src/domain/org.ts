/**
 * One consistent picture of an organization, as loaded from the API. Pure domain code (effective access, doctor,
 * "who has access here") reads only this; the state layer builds it and screens render from it.
 */
import type { ProjectApiKey } from '../api/project-key-schemas.js';
import type { ApiKey, Deployment, Invitation, Member, Organization, Project } from '../api/schemas.js';

/** Custom roles known for a project, or why they are not known (so a screen can say which credential is missing). */
export type CustomRolesState =
  | { readonly status: 'loaded'; readonly names: readonly string[]; readonly source: 'cloud' | 'elasticsearch' }
  | { readonly status: 'unavailable'; readonly reason: string };

/** What one project answered for its own API keys (project-keys.ts reads them as one inventory with Cloud keys). */
export type ProjectKeysState =
  | { readonly status: 'loaded'; readonly keys: readonly ProjectApiKey[] }
  | { readonly status: 'unreadable'; readonly reason: string };

export interface ProjectKeysOf {
  readonly project: Project;
  readonly state: ProjectKeysState;
}

/** How plans, confirmations and messages name a member: the email (what an admin knows them by), else the id. */
export const memberLabel = (member: Member): string => member.email || member.user_id;

export interface OrgSnapshot {
  readonly organization: Organization;
  readonly members: readonly Member[];
  readonly invitations: readonly Invitation[];
  readonly keys: readonly ApiKey[];
  readonly projects: readonly Project[];
  /** By project id. A project missing here has not been looked at yet. */
  readonly customRoles: ReadonlyMap<string, CustomRolesState>;
  /** Each project's own API keys, or why they could not be read; absent when they were not loaded at all. */
  readonly projectKeys?: readonly ProjectKeysOf[];
  /** Hosted deployments, as far as the calling key sees them; absent when they were not loaded at all. */
  readonly deployments?: readonly Deployment[];
  /** The time the snapshot describes (the sandbox clock may run ahead of the wall clock). */
  readonly now: Date;
}
