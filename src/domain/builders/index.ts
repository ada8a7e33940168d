/** Request builders: validated input in, the exact request to preview and send out (or field-level issues). */
export type { BuildResult } from './result.js';
export { AssignmentInput, assignmentsFromInput } from './assignment-input.js';
export { normalizeRoleAssignmentsInput } from './raw-assignments.js';
export { buildInvitation, type InvitationInput } from './invitation.js';
export { buildAddRoleAssignments, buildRemoveRoleAssignments, type RoleAssignmentsChange } from './role-assignments.js';
export {
  buildCustomRoleAssignment,
  buildRemoveCustomRoleAssignment,
  type CustomRoleAssignment,
} from './custom-role-assignment.js';
export { apiKeyFacts, buildCreateApiKey, NEVER_EXPIRES, type ApiKeyFacts, type CreateApiKeyInput } from './api-key.js';
export { buildPutRole, type PutRoleInput } from './role-descriptor.js';
