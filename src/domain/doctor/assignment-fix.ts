/**
 * Turning "these assignments are the problem" into the fix for whoever holds them: members get a role-assignment
 * DELETE, invitations are re-sent without them, keys (immutable) are re-created.
 */
import type { ProjectType, RoleAssignments } from '../../api/schemas.js';
import type { Principal, Reach } from '../access/index.js';
import type { FixAction } from './finding.js';

/** The DELETE body that removes exactly `reaches` (duplicates, as when one entry reaches several projects, merged). */
export function removalBody(reaches: readonly Reach[]): RoleAssignments {
  const body: RoleAssignments = {};
  const seen = new Set<object>();
  for (const { entry } of reaches) {
    if (seen.has(entry.assignment)) continue;
    seen.add(entry.assignment);
    if (entry.scope === 'organization') {
      body.organization = [...(body.organization ?? []), entry.assignment];
    } else {
      const type: ProjectType = entry.scope;
      body.project = { ...body.project, [type]: [...(body.project?.[type] ?? []), entry.assignment] };
    }
  }
  return body;
}

export function removeAssignmentsFix(principal: Principal, reaches: readonly Reach[]): FixAction {
  switch (principal.kind) {
    case 'member':
      return { kind: 'edit-member-roles', userId: principal.member.user_id, remove: removalBody(reaches) };
    case 'invitation':
      return {
        kind: 'replace-invitation',
        token: principal.invitation.token,
        email: principal.invitation.email,
        remove: removalBody(reaches),
      };
    case 'key':
      return { kind: 'create-key-like', fromKeyId: principal.key.id, projectScoped: true };
  }
}
