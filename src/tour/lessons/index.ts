/** The lessons in order: the skill's canonical flows, from reading to the incident. */
import type { Lesson } from '../types.js';
import { whoHasAccessLesson } from './01-who-has-access.js';
import { inviteViewerLesson } from './02-invite-viewer.js';
import { customRoleLesson } from './03-custom-role.js';
import { ciKeyLesson } from './04-ci-key.js';
import { doctorLesson } from './05-doctor.js';
import { leakedKeyLesson } from './06-leaked-key.js';

export const LESSONS: readonly Lesson[] = [
  whoHasAccessLesson,
  inviteViewerLesson,
  customRoleLesson,
  ciKeyLesson,
  doctorLesson,
  leakedKeyLesson,
];
