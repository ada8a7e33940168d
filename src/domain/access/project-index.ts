/**
 * Projects by type and id, so the projects a principal's assignments cover are found from the assignments rather
 * than by asking every project about every principal (3 million pairs at 10,000 members and 300 projects).
 * Coverage follows reach.ts: an organization entry covers every project, a project entry the projects of its own
 * type that it lists, or all of them with `all`.
 */
import { PROJECT_TYPES, type Project, type ProjectRoleAssignment, type ProjectType } from '../../api/schemas.js';

export interface ProjectIndex {
  readonly projects: readonly Project[];
  /** Positions in `projects` by type, then by id (an id listed under another type covers nothing). */
  readonly byType: ReadonlyMap<ProjectType, { readonly all: readonly number[]; readonly byId: Map<string, number[]> }>;
}

export function projectIndex(projects: readonly Project[]): ProjectIndex {
  const byType = new Map(
    PROJECT_TYPES.map((type) => [type, { all: [] as number[], byId: new Map<string, number[]>() }]),
  );
  projects.forEach((project, position) => {
    const ofType = byType.get(project.type);
    if (!ofType) return;
    ofType.all.push(position);
    ofType.byId.set(project.id, [...(ofType.byId.get(project.id) ?? []), position]);
  });
  return { projects, byType };
}

/** Positions of the projects one project entry of `type` covers, each once, in no particular order. */
export function coveredPositions(
  index: ProjectIndex,
  type: ProjectType,
  entry: ProjectRoleAssignment,
): readonly number[] {
  const ofType = index.byType.get(type);
  if (!ofType) return [];
  if (entry.all) return ofType.all;
  const ids = entry.project_ids ?? [];
  const positions = ids.flatMap((id) => ofType.byId.get(id) ?? []);
  return ids.length > 1 ? [...new Set(positions)] : positions;
}
