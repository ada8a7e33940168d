/** Feature-level Kibana access ("read-only dashboards") as a custom role descriptor and a name for it. */
import type { RoleDescriptor } from '../../api/schemas.js';
import type { AccessLevel } from './vocabulary.js';

export function featureRoleName(features: readonly string[], level: AccessLevel): string {
  return `${features.join('-')}-${level === 'read' ? 'read-only' : 'all'}`;
}

/** Feature privileges on all spaces; base privileges are left out because Kibana cannot mix them with features. */
export function featureRoleDescriptor(features: readonly string[], level: AccessLevel): RoleDescriptor {
  return {
    description: `${level === 'read' ? 'Read-only' : 'Full'} access to ${features.join(', ')} (made by ec-access)`,
    applications: [
      { application: 'kibana-.kibana', privileges: features.map((f) => `feature_${f}.${level}`), resources: ['*'] },
    ],
  };
}
