/**
 * Project (Elasticsearch) API keys as holders of access: the one place the access model learns about the older,
 * per-project credential layer. Such a key reaches exactly one project, with the privileges of its role
 * descriptors (or, when it has none, its creator's at creation time: `limited_by`).
 */
import type { ProjectApiKey } from '../../api/project-key-schemas.js';
import type { Project, RoleDescriptor } from '../../api/schemas.js';
import type { OrgSnapshot } from '../org.js';
import { isProjectKeyActive } from '../project-keys.js';
import type { PrincipalRef } from './principal.js';

export interface ProjectKeyHolder {
  readonly project: Project;
  readonly key: ProjectApiKey;
}

export function projectKeyRef({ project, key }: ProjectKeyHolder): PrincipalRef {
  return { kind: 'project-key', id: key.id, label: `${key.name ?? key.id} (${project.name})` };
}

/** Project keys that still authenticate, in projects whose keys could be read. */
export function activeProjectKeys(snapshot: OrgSnapshot): ProjectKeyHolder[] {
  return (snapshot.projectKeys ?? []).flatMap(({ project, state }) =>
    state.status === 'loaded'
      ? state.keys.filter((key) => isProjectKeyActive(key, snapshot.now)).map((key) => ({ project, key }))
      : [],
  );
}

/** The descriptors that decide what the key may do. */
export function grantingDescriptors(key: ProjectApiKey): Record<string, RoleDescriptor> {
  const own = key.role_descriptors ?? {};
  if (Object.keys(own).length > 0) return own;
  const inherited: Record<string, RoleDescriptor> = {};
  for (const set of key.limited_by ?? []) Object.assign(inherited, set);
  return inherited;
}

export interface ProjectKeyPrivileges {
  readonly cluster: readonly string[];
  /** `pattern: privileges` lines. */
  readonly indices: readonly string[];
  readonly applications: readonly string[];
  /** `all` on the cluster, or `all` on every index: as good as a superuser there. */
  readonly superuserLike: boolean;
  /** True when the key has no descriptors of its own and inherits its creator's. */
  readonly inherited: boolean;
}

export function projectKeyPrivileges(key: ProjectApiKey): ProjectKeyPrivileges {
  const descriptors = Object.values(grantingDescriptors(key));
  const cluster = [...new Set(descriptors.flatMap((d) => d.cluster ?? []))];
  const indexEntries = descriptors.flatMap((d) => d.indices ?? []);
  const indices = indexEntries.map(
    (i) => `${(typeof i.names === 'string' ? [i.names] : i.names).join(',')}: ${i.privileges.join(',')}`,
  );
  const applications = descriptors.flatMap((d) =>
    (d.applications ?? []).map((a) => `${a.application}: ${a.privileges.join(',')}`),
  );
  const everyIndex = indexEntries.some(
    (i) => (typeof i.names === 'string' ? [i.names] : i.names).includes('*') && i.privileges.includes('all'),
  );
  return {
    cluster,
    indices,
    applications,
    superuserLike: cluster.includes('all') || everyIndex,
    inherited: Object.keys(key.role_descriptors ?? {}).length === 0,
  };
}
