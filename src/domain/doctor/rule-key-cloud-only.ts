import { allApplicationRoles, isKeyExpired, principalRef } from '../access/index.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';

/**
 * Info, not a warning: Cloud-only is the documented, backward-compatible default and right for keys that only manage
 * the organization. It is worth knowing because it is the usual cause of "403 on Elasticsearch with a valid key".
 */
export const keyCloudOnly: Rule = {
  id: 'key-cloud-only',
  summary: 'API key without application_roles: Cloud API only, 403 on Elasticsearch and Kibana',
  check: ({ snapshot, selfKeyId }) =>
    snapshot.keys
      .filter((key) => !isKeyExpired(key, snapshot.now) && allApplicationRoles(key.role_assignments ?? {}).length === 0)
      .map((key): Finding => {
        const principal = principalRef({ kind: 'key', key });
        const self =
          key.id === selfKeyId
            ? ' ec-access itself uses this key, so custom roles need ELASTICSEARCH_API_KEY or a key with stack access.'
            : '';
        return {
          id: principalFindingId('key-cloud-only', principal),
          rule: 'key-cloud-only',
          severity: 'info',
          principal,
          title: `Key "${key.description}" can call the Cloud API only`,
          why:
            'It has no application_roles, and API keys never inherit stack roles from their role_id, so every ' +
            `Elasticsearch or Kibana call with it answers 403. Fine for organization automation; for data access, create a key like it with stack access.${self}`,
          fix: { kind: 'create-key-like', fromKeyId: key.id, addStackAccess: true },
        };
      }),
};
