/**
 * Lesson 4: a CI key with developer stack access on every search project, with an expiry, and its secret kept:
 * the learner proves the last part by calling a project's Elasticsearch with it once (the sandbox log records
 * which key each request used, never the secret).
 */
import type { ApiKey } from '../../api/schemas.js';
import { fail, pass, type Lesson, type TourState } from '../types.js';
import { projectAssignments } from './shared.js';

/** Undefined when the key is the lesson's CI key, else the first thing that is off. */
export function ciKeyProblem(key: ApiKey): string | undefined {
  const assignments = key.role_assignments ?? {};
  if ((assignments.organization ?? []).some((a) => (a.application_roles ?? []).length > 0)) {
    return 'it has organization-scoped application_roles: that reaches every project, even future ones of any type';
  }
  const search = projectAssignments(assignments).filter((a) => a.type === 'elasticsearch');
  if (search.length === 0) return 'it has no assignment on search (elasticsearch) projects';
  if (!search.some((a) => (a.application_roles ?? []).length > 0)) {
    return 'it has no application_roles: a key never inherits stack roles, so Elasticsearch would answer 403';
  }
  if (!search.some((a) => a.all === true && (a.application_roles ?? []).includes('developer'))) {
    return 'it does not give developer on all search projects (all: true with application_roles [developer])';
  }
  return undefined;
}

/** Successful Elasticsearch calls made with the key: proof its secret was kept. */
function esCallsWith(state: TourState, keyId: string) {
  return state.requests.filter(
    (r) => r.keyId === keyId && r.url.startsWith('/_es/') && r.status !== null && r.status < 300,
  );
}

export const ciKeyLesson: Lesson = {
  id: 'ci-key',
  title: 'A CI key with stack access',
  goal: 'Create a 30-day CI key with developer access on all search projects, keep its secret, and use it once.',
  hints: [
    '4 opens Keys; n creates a key. Describe it (ci-search-deploy) and choose the 30d expiry',
    'Where may the key act? All projects of a type → space ticks Elasticsearch → enter',
    'Cloud role: Developer. Stack access: space ticks developer, enter (none ticked = 403 on Elasticsearch)',
    'Read the review, enter creates the key: its secret is shown once',
    'w and enter save the secret to a file only you can read; then enter, type saved, enter closes',
    'Prove you kept it: run the three lines under these steps in another terminal',
  ],
  concepts: [
    'key-stack-access',
    'project-scoped-stack-access',
    'org-scoped-stack-access',
    'key-expiry-and-reuse',
    'one-time-secret',
    'role-id-prefix',
  ],
  check(state, baseline) {
    const known = new Set(baseline.keyIds);
    const created = state.snapshot.keys.filter((k) => !known.has(k.id));
    const good = created.filter((k) => ciKeyProblem(k) === undefined);
    if (good.length === 0) {
      const last = created.at(-1);
      return fail(last ? `Key "${last.description}" is not it: ${ciKeyProblem(last)}` : 'No new key yet', [
        'The key needs role_assignments.project.elasticsearch[] with all: true and application_roles [developer]; give it a short expiry (30d).',
      ]);
    }
    const used = good.find((k) => esCallsWith(state, k.id).length > 0);
    if (!used) {
      return fail(`Key "${good[0]!.description}" is right; now use its secret once against Elasticsearch`, [
        'The secret was in the create response only. Call a search project with it (the curl lines in the lesson panel).',
      ]);
    }
    const call = esCallsWith(state, used.id)[0]!;
    return pass(`"${used.description}" works on Elasticsearch (${call.method} ${call.url} answered ${call.status})`, [
      'application_roles [developer] on the elasticsearch project assignment with all: true gives the developer stack role ' +
        'in every search project, including ones created later, and nothing in observability or security projects.',
      `It expires on ${used.expiration_date ?? '(no date)'}; rotate it before then, and reuse it rather than creating a twin for the same pipeline.`,
      'The secret exists only where you put it: the API never returns it again, and ec-access never stored it.',
    ]);
  },
};
