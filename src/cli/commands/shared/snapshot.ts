/**
 * The organization as domain code sees it (OrgSnapshot), for the doctor and for the warnings in front of
 * destructive commands. Unlike a screen, a command cannot show a half-loaded picture, so any list that fails to
 * load fails the command with the API's own error.
 */
import type { ApiKey, Project } from '../../../api/schemas.js';
import type { CustomRolesState, OrgSnapshot } from '../../../domain/org.js';
import type { Session } from './connect.js';

export interface SnapshotOptions {
  /** Also load each project's custom role names (one request per project). */
  readonly customRoles?: boolean;
}

export async function loadSnapshot(session: Session, options: SnapshotOptions = {}): Promise<OrgSnapshot> {
  const { cloud, orgId } = session;
  const [organizations, members, invitations, keys, projects] = await Promise.all([
    cloud.listOrganizations(),
    cloud.listMembers(orgId),
    cloud.listInvitations(orgId),
    cloud.listApiKeys(),
    session.projects(),
  ]);
  const customRoles = new Map<string, CustomRolesState>();
  if (options.customRoles) {
    const states = await Promise.all(projects.map((p) => customRolesOf(session, p)));
    projects.forEach((p, i) => customRoles.set(p.id, states[i]!));
  }
  return {
    // The configured id is used even when the list does not show it (the list may be partial).
    organization: organizations.find((o) => o.id === orgId) ?? { id: orgId, name: orgId },
    members,
    invitations,
    keys,
    projects,
    customRoles,
    now: new Date(),
  };
}

export type ProjectRoles =
  | { readonly ok: true; readonly roles: ReadonlyArray<{ readonly name: string; readonly description: string }> }
  | { readonly ok: false; readonly reason: string };

/**
 * A project's custom roles from the Cloud side (no Elasticsearch credential needed). A failure is returned, not
 * thrown: the doctor and `roles list` then say which project they could not check instead of failing altogether.
 */
export async function projectCustomRoles(session: Session, project: Project): Promise<ProjectRoles> {
  try {
    return { ok: true, roles: await session.cloud.getProjectRoles(project.type, project.id) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function customRolesOf(session: Session, project: Project): Promise<CustomRolesState> {
  const found = await projectCustomRoles(session, project);
  return found.ok
    ? { status: 'loaded', names: found.roles.map((r) => r.name), source: 'cloud' }
    : { status: 'unavailable', reason: found.reason };
}

/**
 * Just enough of a snapshot for the key-revocation warnings, which look only at keys: the incident path should
 * not wait for four more lists.
 */
export function keysOnlySnapshot(session: Session, keys: readonly ApiKey[]): OrgSnapshot {
  return {
    organization: { id: session.orgId, name: session.orgId },
    members: [],
    invitations: [],
    keys,
    projects: [],
    customRoles: new Map(),
    now: new Date(),
  };
}
