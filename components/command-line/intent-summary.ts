/** A plan in one line for the status line: what the wizard about to open will propose. */
import { friendlyRoleName } from '../../src/domain/catalog.js';
import type { Intent, ProjectGrant } from '../../src/domain/intent/index.js';
import type { OrgSnapshot } from '../../src/domain/org.js';

function projectNames(ids: readonly string[], snapshot: OrgSnapshot): string {
  return ids.map((id) => snapshot.projects.find((p) => p.id === id)?.name ?? id).join(', ');
}

function grantText(grant: ProjectGrant, snapshot: OrgSnapshot): string {
  const where =
    grant.target.kind === 'all-of-type'
      ? `all ${grant.target.type} projects`
      : projectNames(grant.target.projectIds, snapshot);
  const stack = grant.applicationRoles?.length ? ` [${grant.applicationRoles.join(', ')}]` : '';
  return `${friendlyRoleName(grant.roleId)}${stack} on ${where}`;
}

function grantsText(
  grants: readonly ProjectGrant[],
  organizationRoleIds: readonly string[],
  snapshot: OrgSnapshot,
): string {
  const parts = [...organizationRoleIds.map(friendlyRoleName), ...grants.map((g) => grantText(g, snapshot))];
  return parts.length > 0 ? parts.join('; ') : 'no role yet';
}

function subjectText(intent: Extract<Intent, { kind: 'show-access' }>, snapshot: OrgSnapshot): string {
  const { subject } = intent;
  if (subject.kind === 'project') return `who has access to ${projectNames([subject.projectId], snapshot)}`;
  if (subject.kind === 'key')
    return `what key ${snapshot.keys.find((k) => k.id === subject.keyId)?.description ?? subject.keyId} can access`;
  const member = snapshot.members.find((m) => m.user_id === subject.userId);
  return `what ${member?.name ?? member?.email ?? subject.userId} can access`;
}

export function describeIntent(intent: Intent, snapshot: OrgSnapshot): string {
  switch (intent.kind) {
    case 'invite':
      return `invite ${intent.emails.join(', ')} with ${grantsText(intent.grants, intent.organizationRoleIds, snapshot)}`;
    case 'update-member-roles': {
      const removing =
        intent.remove.length > 0 ? `; remove ${intent.remove.map((g) => grantText(g, snapshot)).join('; ')}` : '';
      return `give ${intent.label} ${grantsText(intent.add, intent.organizationRoleIds, snapshot)}${removing}`;
    }
    case 'assign-custom-role':
      return `assign custom role ${intent.roleName} to ${intent.label} (${grantsText(intent.grants, [], snapshot)})`;
    case 'create-custom-role-and-assign': {
      const who = intent.assignee.kind === 'member' ? intent.assignee.label : `${intent.assignee.email} (invited)`;
      return `create custom role ${intent.roleName} in ${projectNames(intent.projectIds, snapshot)} and assign it to ${who}`;
    }
    case 'create-key': {
      const access = intent.likeKeyId
        ? 'the same access as the old key'
        : grantsText(intent.grants, intent.organizationRoleIds, snapshot);
      const replaces =
        intent.replacesKeyIds.length > 0 ? `, then revoke ${intent.replacesKeyIds.length} old key(s)` : '';
      return `create API key "${intent.description}" with ${access}${intent.expiration ? `, expiring in ${intent.expiration}` : ''}${replaces}`;
    }
    case 'revoke-keys':
      return `revoke ${intent.keyIds.length} key(s) matching "${intent.pattern}"`;
    case 'remove-member':
      return `remove ${intent.label} from the organization`;
    case 'show-access':
      return `show ${subjectText(intent, snapshot)}`;
  }
}
