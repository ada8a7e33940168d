/**
 * Lesson 6: the tour plants a key and says it leaked; the learner has two minutes to revoke exactly that key.
 * The same build log also held an older credential: a project (Elasticsearch) API key of search-prod with the
 * same name, so the lesson is only passed when both layers are revoked. Revoking other keys on the way fails the
 * lesson: under pressure the mistake is revoking the wrong key.
 */
import { activeProjectKeys } from '../../domain/access/index.js';
import { fail, pass, type Lesson } from '../types.js';

export const LEAKED_DESCRIPTION = 'deploy-bot (github actions)';
/** The project whose own API key leaked alongside the Cloud key. */
export const LEAKED_PROJECT = 'search-prod';
const LIMIT_SECONDS = 120;

export const leakedKeyLesson: Lesson = {
  id: 'leaked-key',
  title: 'Revoke a leaked key, fast',
  goal: `A Cloud key and a ${LEAKED_PROJECT} project key were pasted into a public build log. Revoke exactly those two within ${LIMIT_SECONDS / 60} minutes.`,
  hints: [
    '4 opens Keys; / filters: type deploy-bot, enter keeps the filter',
    `LAYER says where a key lives: Cloud, or the project (${LEAKED_PROJECT}) for a key made inside it`,
    'Match the key ids with the ones in this panel (t); enter on a key shows its details',
    'a marks every match, d revokes the marked keys: type what the confirmation asks for, then enter',
    'Check the ids: other keys may share a description',
    'Revocation is immediate and cannot be undone',
  ],
  concepts: ['revoke-leaked-key', 'typed-confirmation', 'key-owner-only'],
  setup: 'plant-leaked-key',
  timeLimitSeconds: LIMIT_SECONDS,
  check(state, baseline) {
    const leaked = baseline.leakedKeyId;
    if (!leaked) return fail('The leaked key was not planted; restart the lesson');
    const ids = new Set(state.snapshot.keys.map((k) => k.id));
    const working = new Set(activeProjectKeys(state.snapshot).map((h) => h.key.id));
    const leakedProject = baseline.leakedProjectKey?.id;
    const collateral = [
      ...baseline.keyIds.filter((id) => id !== leaked && !ids.has(id)),
      ...(state.snapshot.projectKeys
        ? (baseline.projectKeyIds ?? []).filter((id) => id !== leakedProject && !working.has(id))
        : []),
    ];
    if (collateral.length > 0) {
      return fail(`${collateral.length} other key(s) were revoked too`, [
        'Whatever used those keys is now broken. Revoke by id, only the leaked keys, after reading the confirmation.',
      ]);
    }
    if (ids.has(leaked)) return fail(`Key ${leaked} is still active`);
    if (leakedProject && working.has(leakedProject))
      return fail(`The ${LEAKED_PROJECT} project key ${leakedProject} still works`, [
        'Revoking the Cloud key does not touch a key made inside a project: it is a separate credential.',
      ]);
    const revokedAt = state.requests
      .filter(
        (r) =>
          r.method === 'DELETE' &&
          [leaked, leakedProject].some((id) => id && (r.url.includes(id) || (r.body?.includes(id) ?? false))),
      )
      .at(-1)?.at;
    const at = revokedAt ? new Date(revokedAt) : state.snapshot.now;
    if (baseline.deadline && at.getTime() > Date.parse(baseline.deadline)) {
      return fail('Revoked, but after the deadline: press t and restart the lesson to try again');
    }
    return pass(
      `Key ${leaked}${leakedProject ? ` and project key ${leakedProject}` : ''} revoked in time, and no other key was touched`,
      [
        'DELETE /users/auth/keys with {"keys": [id]} stopped the Cloud key at once, for the Cloud API and every project.',
        ...(leakedProject
          ? [`DELETE /_security/api_key with {"ids": [id]} on ${LEAKED_PROJECT} invalidated the project's own key.`]
          : []),
        'Next, in real life: create a replacement for the pipeline and read the audit trail (L) for what was done.',
      ],
    );
  },
};
