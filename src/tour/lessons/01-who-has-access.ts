/**
 * Lesson 1, reading: who can get into search-prod, and as what. Reading changes nothing in the sandbox, so the
 * learner answers a question whose answer only the who-has-access view gives, and the check recomputes it from
 * the sandbox state: a member who reaches search-prod through a custom role alone.
 */
import { whoHasAccess } from '../../domain/access/index.js';
import type { OrgSnapshot } from '../../domain/org.js';
import { fail, pass, type Lesson } from '../types.js';
import { projectNamed } from './shared.js';

const PROJECT = 'search-prod';

/** Members whose every stack role on the project is a custom role that exists there. */
export function customOnlyMembers(
  snapshot: OrgSnapshot,
  projectName = PROJECT,
): Array<{ label: string; email?: string; roles: string[] }> {
  const project = projectNamed(snapshot, projectName);
  const audience = project ? whoHasAccess(snapshot, project.id) : undefined;
  return (audience?.members ?? [])
    .filter(
      (h) => h.access.roles.length > 0 && h.access.roles.every((r) => r.origin === 'custom' && r.status === 'granted'),
    )
    .map((h) => {
      const member = snapshot.members.find((m) => m.user_id === h.principal.id);
      return { label: h.principal.label, ...(member?.email ? { email: member.email } : {}), roles: [...h.stackRoles] };
    });
}

export const whoHasAccessLesson: Lesson = {
  id: 'who-has-access',
  title: 'Who has access to a project',
  goal: `Find the member who reaches ${PROJECT} through a custom role only, and type their email or name.`,
  hints: [
    '2 opens Projects; / filters, type search-prod, enter keeps the filter',
    'enter opens the project; ↓ scrolls "Who has access here": members, invitations and keys',
    'Look for a role that is not admin/developer/viewer: that is a custom role',
    'A (access matrix) shows the same facts for every project at once',
    'Found them? t opens this panel: type the email or name, then enter',
  ],
  concepts: ['who-has-access', 'predefined-vs-custom', 'custom-role-assignment'],
  question: `Who reaches ${PROJECT} through a custom role only? (email or name)`,
  check(state, _baseline, answer) {
    const candidates = customOnlyMembers(state.snapshot);
    const given = (answer ?? '').trim().toLowerCase();
    if (given === '') return fail('Type your answer: t opens the lesson, then type and press enter');
    const match = candidates.find((c) => c.email?.toLowerCase() === given || c.label.toLowerCase() === given);
    if (!match) {
      return fail(`"${answer!.trim()}" does not reach ${PROJECT} through a custom role only`, [
        "Open the project and read each member's roles: the answer has one role there, and it is a custom one.",
      ]);
    }
    return pass(`Right: ${match.label} reaches ${PROJECT} with ${match.roles.join(', ')} only`, [
      `${match.label} holds role_id elasticsearch-viewer with application_roles [${match.roles.join(', ')}] on ${PROJECT}.`,
      'Because application_roles is set, signing in gives only the custom role, not the Viewer stack role: ' +
        'the Viewer role_id just lets them see the project in the console.',
      'Nothing was sent that changes anything: the view is computed from the member, invitation, key and project lists.',
    ]);
  },
};
