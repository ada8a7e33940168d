import { activeKeys } from './key-expiry.js';
import { findingId, type Rule, type Severity } from './finding.js';

export const MAX_ACTIVE_KEYS = 500;
export const KEY_LIMIT_WARNING = 450;

export const keyLimit: Rule = {
  id: 'key-limit',
  summary: `organization near the limit of ${MAX_ACTIVE_KEYS} active API keys (warning from ${KEY_LIMIT_WARNING})`,
  check: ({ snapshot }) => {
    const count = activeKeys(snapshot.keys, snapshot.now).length;
    if (count < KEY_LIMIT_WARNING) return [];
    const severity: Severity = count >= MAX_ACTIVE_KEYS ? 'critical' : 'warning';
    return [
      {
        id: findingId('key-limit', snapshot.organization.id),
        rule: 'key-limit',
        severity,
        title: `${count} of ${MAX_ACTIVE_KEYS} active API keys`,
        why:
          severity === 'critical'
            ? 'The organization is at the limit: creating a key fails until some are revoked.'
            : 'Close to the limit, after which key creation fails. Revoke expired, duplicate and unused keys.',
        fix: { kind: 'review-keys' },
      },
    ];
  },
};
