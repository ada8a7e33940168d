/**
 * A whole organization loaded at once into one OrgSnapshot, for callers that need the complete picture before they
 * can say anything: a command (the doctor, the warnings in front of a destructive command) and the tour's checks.
 * Unlike the TUI's store, which loads list by list, any list that fails fails the load with the API's own error.
 */
import type { CloudApi } from '../api/client.js';
import { PROJECT_TYPES, type Deployment, type Organization, type Project } from '../api/schemas.js';
import type { CustomRolesState, OrgSnapshot } from '../domain/org.js';

export interface OrgSnapshotSources {
  readonly cloud: CloudApi;
  readonly orgId: string;
  /**
   * The organization with its name, when the caller's discovery already has it (default: `GET /organizations`,
   * asked again beside the lists).
   */
  readonly organization?: () => Promise<Organization>;
  /** The projects, when the caller already keeps them (default: every type, listed now). */
  readonly projects?: () => Promise<readonly Project[]>;
  /** Each project's custom role names (default: none looked at). */
  readonly customRoles?: (projects: readonly Project[]) => Promise<ReadonlyMap<string, CustomRolesState>>;
  /** The hosted deployments (default: not loaded; the snapshot then has none to name or check). */
  readonly deployments?: () => Promise<readonly Deployment[]>;
  /** The time the snapshot describes, asked for beside the lists (default: the wall clock). */
  readonly now?: () => Promise<Date>;
}

/** Every Serverless project of the three types. */
export async function listAllProjects(cloud: CloudApi): Promise<readonly Project[]> {
  return (await Promise.all(PROJECT_TYPES.map((type) => cloud.listProjects(type)))).flat();
}

export async function loadOrgSnapshot(sources: OrgSnapshotSources): Promise<OrgSnapshot> {
  const { cloud, orgId } = sources;
  const [organization, members, invitations, keys, projects, deployments, now] = await Promise.all([
    sources.organization ? sources.organization() : lookUpOrganization(cloud, orgId),
    cloud.listMembers(orgId),
    cloud.listInvitations(orgId),
    cloud.listApiKeys(),
    sources.projects ? sources.projects() : listAllProjects(cloud),
    sources.deployments?.(),
    sources.now ? sources.now() : new Date(),
  ]);
  const customRoles = sources.customRoles ? await sources.customRoles(projects) : new Map<string, CustomRolesState>();
  return {
    organization,
    members,
    invitations,
    keys,
    projects,
    customRoles,
    ...(deployments ? { deployments } : {}),
    now,
  };
}

/** The configured id is used even when the list does not show it (the list may be partial); the name is a nicety. */
async function lookUpOrganization(cloud: CloudApi, orgId: string): Promise<Organization> {
  const organizations = await cloud.listOrganizations();
  return organizations.find((o) => o.id === orgId) ?? { id: orgId, name: orgId };
}
