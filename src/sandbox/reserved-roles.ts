/**
 * The predefined stack roles every project of a type has, as `GET /_security/role` shows them: like real
 * Elasticsearch, built-in roles carry `metadata._reserved: true`, which is what tells them apart from custom roles.
 * Only their cluster privileges matter to the sandbox's checks: `admin` holds `all` (so `manage_security`), no
 * other predefined role holds `manage_security` or `read_security`.
 */
import type { ProjectType } from '../api/schemas.js';
import { findRole, predefinedStackRoles } from '../domain/catalog.js';
import type { StoredRole } from './model.js';

const KIBANA = 'kibana-.kibana';

function descriptor(name: string): Omit<StoredRole, 'metadata' | 'description'> {
  const base = { run_as: [] as string[], transient_metadata: { enabled: true } };
  switch (name) {
    case 'admin':
      return {
        ...base,
        cluster: ['all'],
        indices: [{ names: ['*'], privileges: ['all'], allow_restricted_indices: false }],
        applications: [{ application: '*', privileges: ['*'], resources: ['*'] }],
      };
    case 'developer':
      return {
        ...base,
        cluster: [
          'manage_index_templates',
          'manage_ingest_pipelines',
          'manage_ml',
          'manage_own_api_key',
          'manage_pipeline',
          'manage_search_application',
          'manage_transform',
          'monitor',
        ],
        indices: [{ names: ['*'], privileges: ['all'], allow_restricted_indices: false }],
        applications: [{ application: KIBANA, privileges: ['all'], resources: ['*'] }],
      };
    case 'editor':
      return {
        ...base,
        cluster: ['manage_own_api_key', 'monitor'],
        indices: [{ names: ['*'], privileges: ['read', 'view_index_metadata'], allow_restricted_indices: false }],
        applications: [{ application: KIBANA, privileges: ['all'], resources: ['*'] }],
      };
    case 'viewer':
      return {
        ...base,
        cluster: [],
        indices: [{ names: ['*'], privileges: ['read', 'view_index_metadata'], allow_restricted_indices: false }],
        applications: [{ application: KIBANA, privileges: ['read'], resources: ['*'] }],
      };
    default:
      // The Security solution roles: read access to alerts and logs, Kibana access shaped by the solution.
      return {
        ...base,
        cluster: [],
        indices: [
          {
            names: ['logs-*', '.alerts-security*', '.lists*', '.items*'],
            privileges: ['read', 'view_index_metadata'],
            allow_restricted_indices: false,
          },
        ],
        applications: [
          {
            application: KIBANA,
            privileges: ['feature_siemV2.all', 'feature_securitySolutionCasesV2.all'],
            resources: ['*'],
          },
        ],
      };
  }
}

export function reservedRoles(type: ProjectType): Record<string, StoredRole> {
  const roles: Record<string, StoredRole> = {};
  for (const name of predefinedStackRoles(type)) {
    const description = findRole(`${type}-${name.replaceAll('_', '-')}`)?.description;
    roles[name] = { ...descriptor(name), metadata: { _reserved: true }, ...(description ? { description } : {}) };
  }
  return roles;
}
