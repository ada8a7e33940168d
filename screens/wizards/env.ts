/** What every wizard reads about the organization, and small lookups over it. */
import type { Project, ProjectType, Role } from '../../src/api/schemas.js';
import { deploymentNamer } from '../../src/domain/deployments.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import { inertText } from '../../src/util/inert-text.js';

export interface WizardEnv {
  readonly snapshot: OrgSnapshot;
  /** Connected to the sandbox, whose control routes can accept invitations. */
  readonly sandbox: boolean;
  /**
   * A custom role as it is now in a project (read on first ask): null when it does not exist there, undefined
   * while it is being read. For the diff shown before replacing a role.
   */
  readonly existingRole?: (projectId: string, name: string) => Role | null | undefined;
}

export const orgIdOf = (env: WizardEnv) => env.snapshot.organization.id;

export function projectsOfType(env: WizardEnv, type: ProjectType): Project[] {
  return env.snapshot.projects.filter((p) => p.type === type);
}

export function projectName(env: WizardEnv, id: string): string {
  return env.snapshot.projects.find((p) => p.id === id)?.name ?? id;
}

/**
 * A deployment id for display: "name (id)" where the deployment list has it, the bare id otherwise (gone, or not
 * listable with this key). Both are server text, shown inert.
 */
export function deploymentLabel(env: WizardEnv, id: string): string {
  const name = deploymentNamer(env.snapshot.deployments)(id);
  return inertText(name === id ? id : `${name} (${id})`);
}

/** Custom role names loaded for a project; empty when not (yet) known. */
export function customRolesIn(env: WizardEnv, projectId: string): readonly string[] {
  const state = env.snapshot.customRoles.get(projectId);
  return state?.status === 'loaded' ? state.names : [];
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const TYPE_LABEL: Record<ProjectType, string> = {
  elasticsearch: 'Elasticsearch',
  observability: 'Observability',
  security: 'Security',
};
