/**
 * Lesson 6: the tour plants a key and says it leaked; the learner has two minutes to revoke exactly that key.
 * Revoking other keys on the way fails the lesson: under pressure the mistake is revoking the wrong key.
 */
import { fail, pass, type Lesson } from '../types.js';

export const LEAKED_DESCRIPTION = 'deploy-bot (github actions)';
const LIMIT_SECONDS = 120;

export const leakedKeyLesson: Lesson = {
  id: 'leaked-key',
  title: 'Revoke a leaked key, fast',
  goal: `A key was pasted into a public build log. Revoke exactly that key within ${LIMIT_SECONDS / 60} minutes.`,
  hints: [
    '4 opens Keys; / filters: type deploy-bot, enter keeps the filter',
    'Match the key id with the one in this panel (t); enter on a key shows its details',
    'd revokes the selected key: type what the confirmation asks for, then enter',
    'Check the id: two keys may share a description',
    'Revocation is immediate and cannot be undone',
  ],
  concepts: ['revoke-leaked-key', 'typed-confirmation', 'key-owner-only'],
  setup: 'plant-leaked-key',
  timeLimitSeconds: LIMIT_SECONDS,
  check(state, baseline) {
    const leaked = baseline.leakedKeyId;
    if (!leaked) return fail('The leaked key was not planted; restart the lesson');
    const ids = new Set(state.snapshot.keys.map((k) => k.id));
    const collateral = baseline.keyIds.filter((id) => id !== leaked && !ids.has(id));
    if (collateral.length > 0) {
      return fail(`${collateral.length} other key(s) were revoked too`, [
        'Whatever used those keys is now broken. Revoke by id, one key, after reading the confirmation.',
      ]);
    }
    if (ids.has(leaked)) return fail(`Key ${leaked} is still active`);
    const revokedAt = state.requests.find(
      (r) => r.method === 'DELETE' && (r.url.includes(leaked) || (r.body?.includes(leaked) ?? false)),
    )?.at;
    const at = revokedAt ? new Date(revokedAt) : state.snapshot.now;
    if (baseline.deadline && at.getTime() > Date.parse(baseline.deadline)) {
      return fail('Revoked, but after the deadline: press t and restart the lesson to try again');
    }
    return pass(`Key ${leaked} revoked in time, and no other key was touched`, [
      'DELETE /users/auth/keys with {"keys": [id]} stopped it at once, for the Cloud API and every project.',
      'Next, in real life: create a replacement for the pipeline and read the audit trail (L) for what was done.',
    ]);
  },
};
