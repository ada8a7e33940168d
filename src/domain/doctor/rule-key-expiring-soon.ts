import { principalRef } from '../access/index.js';
import { activeKeys, daysLeft, EXPIRING_SOON_DAYS } from './key-expiry.js';
import { plural, principalFindingId, type Finding, type Rule } from './finding.js';

export const keyExpiringSoon: Rule = {
  id: 'key-expiring-soon',
  summary: `API key expiring within ${EXPIRING_SOON_DAYS} days (critical for the key ec-access runs on)`,
  check: ({ snapshot, selfKeyId }) =>
    activeKeys(snapshot.keys, snapshot.now).flatMap((key): Finding[] => {
      const left = daysLeft(key, snapshot.now);
      if (left === undefined || left >= EXPIRING_SOON_DAYS) return [];
      const principal = principalRef({ kind: 'key', key });
      const self = key.id === selfKeyId;
      const when = left < 1 ? 'today' : `in ${plural(left, 'day')}`;
      return [
        {
          id: principalFindingId('key-expiring-soon', principal),
          rule: 'key-expiring-soon',
          severity: self ? 'critical' : 'warning',
          principal,
          title: `Key "${key.description}" expires ${when}`,
          why:
            (self ? 'ec-access is authenticated with this key and will lose access when it expires. ' : '') +
            'Whatever uses it starts failing with 401 at expiry. Create its replacement now, switch over, then revoke this one.',
          fix: { kind: 'rotate-key', keyId: key.id },
        },
      ];
    }),
};
