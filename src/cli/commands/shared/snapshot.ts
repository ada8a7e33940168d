/**
 * The organization as domain code sees it (OrgSnapshot), for the doctor and for the warnings in front of
 * destructive commands (src/state/org-snapshot.ts loads it; this adds the session's projects and custom roles).
 */
import type { ApiKey, Project } from '../../../api/schemas.js';
import type { CustomRolesState, OrgSnapshot } from '../../../domain/org.js';
import { loadOrgSnapshot } from '../../../state/org-snapshot.js';
import { readProjectKeys } from '../../../state/project-keys.js';
import type { Session } from './connect.js';
import { sessionProjectEs } from './project-keys.js';

export interface SnapshotOptions {
  /** Also load each project's custom role names (one request per project). */
  readonly customRoles?: boolean;
  /** Also load the hosted deployments (names for deployment grants, the doctor's `deployment-gone`). */
  readonly deployments?: boolean;
  /** Also read each project's own API keys (unreadable projects are kept, with why). */
  readonly projectKeys?: boolean;
}

export async function loadSnapshot(session: Session, options: SnapshotOptions = {}): Promise<OrgSnapshot> {
  // Project keys are read beside the rest: like the custom roles they wait only for the project list (fetched once).
  const [snapshot, projectKeys] = await Promise.all([
    loadLists(session, options),
    options.projectKeys
      ? session.projects().then((projects) => readProjectKeys(projects, sessionProjectEs(session)))
      : undefined,
  ]);
  return projectKeys ? { ...snapshot, projectKeys } : snapshot;
}

function loadLists(session: Session, options: SnapshotOptions): Promise<OrgSnapshot> {
  return loadOrgSnapshot({
    cloud: session.cloud,
    orgId: session.orgId,
    ...(session.organization ? { organization: session.organization } : {}),
    projects: () => session.projects(),
    ...(options.deployments ? { deployments: () => session.cloud.listDeployments() } : {}),
    ...(options.customRoles
      ? { customRoles: (projects: readonly Project[]) => customRolesByProject(session, projects) }
      : {}),
  });
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

async function customRolesByProject(
  session: Session,
  projects: readonly Project[],
): Promise<Map<string, CustomRolesState>> {
  const states = await Promise.all(
    projects.map(async (project): Promise<CustomRolesState> => {
      const found = await projectCustomRoles(session, project);
      return found.ok
        ? { status: 'loaded', names: found.roles.map((r) => r.name), source: 'cloud' }
        : { status: 'unavailable', reason: found.reason };
    }),
  );
  return new Map(projects.map((p, i) => [p.id, states[i]!]));
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
