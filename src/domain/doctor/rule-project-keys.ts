/**
 * The doctor's rules for project (Elasticsearch) API keys, the older per-project credential layer. They run only
 * when the snapshot carries the project keys (absent: not loaded, nothing to say).
 */
import { activeProjectKeys, projectKeyRef, type ProjectKeyHolder } from '../access/index.js';
import { findingId, plural, type Finding, type Rule } from './finding.js';

const describe = ({ key, project }: ProjectKeyHolder) => `Project key "${key.name ?? key.id}" in ${project.name}`;

/** Revoking the one key is the fix: a project key cannot be given an expiry or a new owner after the fact. */
const revokeIt = ({ key, project }: ProjectKeyHolder) =>
  ({ kind: 'revoke-project-keys', keys: [{ projectId: project.id, keyId: key.id }] }) as const;

export const projectKeyNeverExpires: Rule = {
  id: 'project-key-never-expires',
  summary: 'project (Elasticsearch) API key without an expiration date',
  check: ({ snapshot }) =>
    activeProjectKeys(snapshot)
      .filter(({ key }) => key.expiration == null)
      .map((holder): Finding => ({
        id: findingId('project-key-never-expires', holder.project.id, holder.key.id),
        rule: 'project-key-never-expires',
        severity: 'warning',
        principal: projectKeyRef(holder),
        projectId: holder.project.id,
        title: `${describe(holder)} never expires`,
        why:
          'It works until someone invalidates it, and it is invisible in the Cloud key list. Replace it with a ' +
          'unified Cloud key that expires (application_roles for this project), then revoke it (enter opens the ' +
          'revocation once whatever uses it has been switched).',
        fix: revokeIt(holder),
      })),
};

export const projectKeyOrphaned: Rule = {
  id: 'project-key-orphaned',
  summary: 'project API key whose creator is no longer a member',
  check: ({ snapshot }) => {
    // An unloaded member list would make every key look orphaned.
    if (snapshot.members.length === 0) return [];
    const members = new Set(snapshot.members.map((m) => m.user_id));
    return activeProjectKeys(snapshot)
      .filter(({ key }) => !members.has(key.username))
      .map((holder): Finding => ({
        id: findingId('project-key-orphaned', holder.project.id, holder.key.id),
        rule: 'project-key-orphaned',
        severity: 'warning',
        principal: projectKeyRef(holder),
        projectId: holder.project.id,
        title: `${describe(holder)} was created by ${holder.key.username}, who is no longer a member`,
        why:
          'Removing a member does not invalidate the API keys they created inside projects: the key still ' +
          'works, and nobody in the organization owns it. Revoke it, or replace it with a key someone owns.',
        fix: revokeIt(holder),
      }));
  },
};

/** The same key (name and creator) minted in several projects: one unified key with per-project roles would do. */
export const projectKeySprawl: Rule = {
  id: 'project-key-sprawl',
  summary: 'the same project API key in several projects (one unified key could replace them)',
  check: ({ snapshot }) => {
    const groups = new Map<string, ProjectKeyHolder[]>();
    for (const holder of activeProjectKeys(snapshot)) {
      const group = `${holder.key.username}\u0000${holder.key.name ?? ''}`;
      const holders = groups.get(group);
      if (holders) holders.push(holder);
      else groups.set(group, [holder]);
    }
    return [...groups.values()]
      .filter((holders) => new Set(holders.map((h) => h.project.id)).size >= 2)
      .map((holders): Finding => {
        const first = holders[0]!;
        const projects = holders.map((h) => h.project.name).join(', ');
        return {
          id: findingId('project-key-sprawl', first.key.username, first.key.name ?? first.key.id),
          rule: 'project-key-sprawl',
          severity: 'info',
          principal: { kind: 'project-key', id: first.key.id, label: first.key.name ?? first.key.id },
          title: `"${first.key.name ?? first.key.id}": ${plural(holders.length, 'project key')} (${projects})`,
          why:
            'Each project holds its own copy, rotated and revoked separately. One unified Cloud key with ' +
            'application_roles on these projects could replace them all: one credential to rotate, audit and revoke.',
          fix: { kind: 'review-keys' },
        };
      });
  },
};
