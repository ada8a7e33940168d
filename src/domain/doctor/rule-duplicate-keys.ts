import type { ApiKey } from '../../api/schemas.js';
import { principalRef } from '../access/index.js';
import { activeKeys } from './key-expiry.js';
import { findingId, type Finding, type Rule } from './finding.js';

/** JSON with object keys and array items sorted: role assignments are sets, their order means nothing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const descriptionOf = (key: ApiKey) => key.description.trim().toLowerCase();

function groupKey(key: ApiKey): string {
  return `${descriptionOf(key)}\n${canonical(key.role_assignments ?? {})}`;
}

/** Newest first: the one to keep is the first. */
const newestFirst = (a: ApiKey, b: ApiKey) => Date.parse(b.creation_date) - Date.parse(a.creation_date);

/**
 * Info: two keys with equal roles are fine for different purposes (the skill says so), but the same description as
 * well means the same purpose, so all but one are sprawl to rotate, audit and leak.
 */
export const duplicateKeys: Rule = {
  id: 'duplicate-keys',
  summary: 'more than one active API key with the same description and roles',
  check: ({ snapshot, selfKeyId }) => {
    const keys = activeKeys(snapshot.keys, snapshot.now);
    // Only a description shared by two keys can make a group: the roles of the others are not worth comparing.
    const described = new Map<string, number>();
    for (const key of keys) described.set(descriptionOf(key), (described.get(descriptionOf(key)) ?? 0) + 1);
    const groups = new Map<string, ApiKey[]>();
    for (const key of keys) {
      if (described.get(descriptionOf(key))! < 2) continue;
      const group = groupKey(key);
      const members = groups.get(group);
      if (members) members.push(key);
      else groups.set(group, [key]);
    }
    return [...groups.values()]
      .filter((group) => group.length > 1)
      .map((group): Finding => {
        const sorted = [...group].sort(newestFirst);
        const keep = sorted.find((key) => key.id === selfKeyId) ?? sorted[0]!;
        const extra = sorted.filter((key) => key !== keep);
        return {
          id: findingId('duplicate-keys', ...group.map((k) => k.id).sort()),
          rule: 'duplicate-keys',
          severity: 'info',
          principal: principalRef({ kind: 'key', key: keep }),
          title: `${group.length} active keys named "${keep.description}" with the same roles`,
          why:
            'Same description and same roles means the same job. Keep one (the newest' +
            `${keep.id === selfKeyId ? ', or the one ec-access runs on' : ''}) and revoke the others: fewer secrets to rotate and to leak.`,
          fix: { kind: 'revoke-keys', keyIds: extra.map((k) => k.id) },
        };
      });
  },
};
