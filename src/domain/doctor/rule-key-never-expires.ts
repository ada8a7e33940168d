import { principalRef } from '../access/index.js';
import { activeKeys } from './key-expiry.js';
import { principalFindingId, type Finding, type Rule } from './finding.js';

export const keyNeverExpires: Rule = {
  id: 'key-never-expires',
  summary: 'API key without an expiration date',
  check: ({ snapshot }) =>
    activeKeys(snapshot.keys, snapshot.now)
      .filter((key) => key.expiration_date === undefined)
      .map((key): Finding => {
        const principal = principalRef({ kind: 'key', key });
        return {
          id: principalFindingId('key-never-expires', principal),
          rule: 'key-never-expires',
          severity: 'warning',
          principal,
          title: `Key "${key.description}" never expires`,
          why:
            'A leaked key without expiry works until someone notices and revokes it. Replace it with one that expires ' +
            '(the console default is 3 months, the maximum 1 year) and rotate on a schedule.',
          fix: { kind: 'rotate-key', keyId: key.id },
        };
      }),
};
