/**
 * Lesson 5: the doctor lists problems; the learner fixes one through the fix it offers. Fixed means the finding
 * is gone while its principal is still there (removing a person is not fixing their roles), and no new warning
 * appeared on the way.
 */
import { runDoctor } from '../../domain/doctor/index.js';
import { fail, pass, type Lesson } from '../types.js';

export const doctorLesson: Lesson = {
  id: 'doctor',
  title: 'Find and fix what the doctor reports',
  goal: 'Open the access doctor, pick a warning (the over-grant is a good one) and apply the fix it offers.',
  hints: [
    'D opens the doctor; ↑/↓ picks a finding, the text under the list says why it matters',
    'Pick the over-grant: "… gets developer on top of [dashboard-reader] on search-prod"',
    'enter opens its fix: what the person loses and keeps, and the exact request',
    "Type what the confirmation asks for (the person's email) and press enter to send it",
    'esc closes the result; the doctor, read again, no longer lists it. esc again for the screens',
    'A fix that says "not available yet" cannot be applied here: pick another finding',
  ],
  concepts: ['access-doctor', 'over-grant', 'custom-role-per-project', 'key-expiry-and-reuse'],
  check(state, baseline) {
    const { snapshot } = state;
    const findings = runDoctor(snapshot).filter((f) => f.severity !== 'info');
    const now = new Set(findings.map((f) => f.id));
    const before = new Set(baseline.findings);
    const added = findings.filter((f) => !before.has(f.id));
    if (added.length > 0) {
      return fail(`A new problem appeared: ${added[0]!.title}`, [added[0]!.why]);
    }
    const members = new Set(snapshot.members.map((m) => m.user_id));
    const gone = baseline.findings.filter((id) => !now.has(id));
    // Finding ids are `<rule>:<kind>:<principal id>:…`: a member's finding only counts as fixed if they remain.
    const fixed = gone.filter((id) => {
      const [, kind, principal] = id.split(':');
      return kind !== 'member' || members.has(principal!);
    });
    if (fixed.length === 0) {
      return fail(
        gone.length > 0
          ? 'A finding vanished because its member was removed: that hides it, it does not fix it'
          : `${before.size} findings, none fixed yet`,
      );
    }
    const rule = fixed[0]!.split(':')[0]!;
    return pass(
      `Fixed: ${fixed.length === 1 ? `the ${rule} finding` : `${fixed.length} findings`} (${now.size} left)`,
      [
        rule === 'over-grant'
          ? 'The predefined role is gone from that project, so the custom role alone decides what the user gets there.'
          : 'The doctor re-reads the whole organization: the condition behind the finding no longer holds.',
      ],
    );
  },
};
