/** Requests in plain words: a deterministic parser from a sentence to a plan the TUI opens as a pre-filled wizard. */
export { parseIntent } from './parse.js';
export { INTENT_GRAMMAR } from './grammar.js';
export { toRoleAssignments } from './assignments.js';
export { featureRoleDescriptor, featureRoleName } from './custom-role.js';
export type {
  Assignee,
  Intent,
  IntentChoice,
  IntentContext,
  IntentKind,
  IntentResult,
  ProjectGrant,
  ProjectTarget,
} from './types.js';
