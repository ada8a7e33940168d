/** Feature-level Kibana access ("read-only dashboards") as a custom role descriptor and a name for it. */
import type { RoleDescriptor } from '../../api/schemas.js';
import type { AccessLevel } from './vocabulary.js';

/** A feature as people name it: Kibana's version suffix (`dashboard_v2`) is an id detail, not a name. */
const plainName = (feature: string) => feature.replace(/_v\d+$/, '');

export function featureRoleName(features: readonly string[], level: AccessLevel): string {
  return `${features.map(plainName).join('-')}-${level === 'read' ? 'read-only' : 'all'}`;
}

/** Feature privileges on all spaces; base privileges are left out because Kibana cannot mix them with features. */
export function featureRoleDescriptor(features: readonly string[], level: AccessLevel): RoleDescriptor {
  return {
    description: `${level === 'read' ? 'Read-only' : 'Full'} access to ${features.map(plainName).join(', ')} (made by ec-access)`,
    applications: [
      { application: 'kibana-.kibana', privileges: features.map((f) => `feature_${f}.${level}`), resources: ['*'] },
    ],
  };
}
