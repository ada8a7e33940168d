import { isKeyExpired, principalRef } from '../access/index.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';

/** Info: an expired key grants nothing any more; it is listed so the clutter (and anything still using it) gets noticed. */
export const keyExpired: Rule = {
  id: 'key-expired',
  summary: 'API key already expired',
  check: ({ snapshot }) =>
    snapshot.keys
      .filter((key) => isKeyExpired(key, snapshot.now))
      .map((key): Finding => {
        const principal = principalRef({ kind: 'key', key });
        return {
          id: principalFindingId('key-expired', principal),
          rule: 'key-expired',
          severity: 'info',
          principal,
          title: `Key "${key.description}" expired on ${key.expiration_date!.slice(0, 10)}`,
          why: 'It no longer authenticates; anything still configured with it gets 401. Revoke it to keep the list honest.',
          fix: { kind: 'revoke-key', keyId: key.id },
        };
      }),
};
