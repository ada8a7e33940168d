/**
 * Both credential layers for the key commands: the organization's Cloud keys and every project's own API keys,
 * read with the credential ec-access uses there for custom roles. Unreadable projects are returned, not dropped.
 */
import type { ApiKey } from '../../../api/schemas.js';
import type { ProjectKeysOf } from '../../../domain/org.js';
import { projectKeyStatus, type LayeredKey } from '../../../domain/project-keys.js';
import { readProjectKeys, type ProjectEs } from '../../../state/project-keys.js';
import type { Session } from './connect.js';

export function sessionProjectEs(session: Session): ProjectEs {
  return (project) => {
    try {
      return { api: session.es(project) };
    } catch (error) {
      return { missing: error instanceof Error ? error.message : String(error) };
    }
  };
}

export interface BothLayers {
  readonly cloud: ApiKey[];
  readonly projects: ProjectKeysOf[];
}

export async function readBothLayers(session: Session): Promise<BothLayers> {
  const [cloud, projects] = await Promise.all([session.cloud.listApiKeys(), session.projects()]);
  return { cloud, projects: await readProjectKeys(projects, sessionProjectEs(session)) };
}

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

/** One project key in `keys list` / `keys identify` JSON. */
export function projectKeyJson(row: Extract<LayeredKey, { layer: 'project' }>, now: Date) {
  const { key, project } = row;
  return {
    layer: 'project' as const,
    id: key.id,
    name: key.name ?? null,
    project_id: project.id,
    project_name: project.name,
    project_type: project.type,
    creation_date: iso(key.creation),
    expiration_date: iso(key.expiration),
    expiry: projectKeyStatus(key, now),
    username: key.username,
    realm: key.realm,
    role_descriptors: key.role_descriptors ?? {},
  };
}

export const unreadableJson = (projects: readonly ProjectKeysOf[]) =>
  projects.flatMap(({ project, state }) =>
    state.status === 'unreadable' ? [{ project_id: project.id, project_name: project.name, reason: state.reason }] : [],
  );
