/** create / make key, and rotate: an API key plan with stack access spelled out (keys never inherit from role_id). */
import type { ProjectType } from '../../api/schemas.js';
import { expandProjectRoleId } from '../catalog.js';
import { lifetimeDays } from '../doctor/key-expiry.js';
import { accessSpecOf } from './access-spec.js';
import { durationDays } from './duration.js';
import { keysMatching } from './resolve.js';
import { ask, failed, itemsOf, planned, unexpected, type PlanInput } from './plan-input.js';
import { customRoleGrants, isEmptyScope, projectChoices, scopeOf, stackRoleGrants } from './targets.js';
import type { IntentContext, IntentResult } from './types.js';

/** Keys may live at most a year (cloud-api.md §5). */
const MAX_KEY_DAYS = 365;

export function planCreateKey(input: PlanInput, description: string | undefined): IntentResult {
  const { items } = input.classified;
  const notes = [...input.classified.notes];
  const bad = unexpected(
    items,
    ['project', 'type', 'all-projects', 'role', 'custom-role', 'level', 'duration'],
    'an API key',
  );
  if (bad) return bad;
  if (!description) return failed('what is the key for? Say "key for <description>" or quote it: key "CI ingest"');
  const durations = itemsOf(items, 'duration');
  if (durations.length > 1) return failed('more than one duration given');
  const expiration = durations[0]?.value;
  if (expiration && durationDays(expiration) > MAX_KEY_DAYS)
    return failed(`keys can live at most ${MAX_KEY_DAYS} days`);
  if (!expiration) notes.push('no expiration given: choose one in the wizard (a key without one never expires)');

  const spec = accessSpecOf(items);
  if (typeof spec === 'string') return failed(spec);
  const base = { kind: 'create-key' as const, description, ...(expiration ? { expiration } : {}), replacesKeyIds: [] };
  if (spec.kind === 'features')
    return failed('feature access needs a custom role: create it first, then name it in the key request');
  if (spec.kind === 'organization') {
    return planned({ ...base, organizationRoleIds: [spec.roleId], grants: [] }, notes);
  }
  const scope = scopeOf(items);
  if (spec.kind === 'none') {
    if (!isEmptyScope(scope)) return failed('which role on those projects? e.g. "with developer"');
    notes.push("no role given: the wizard asks (a key created without roles takes its creator's)");
    return planned({ ...base, organizationRoleIds: [], grants: [] }, notes);
  }
  if (isEmptyScope(scope)) {
    const fits =
      spec.kind === 'stack' ? (t: ProjectType) => expandProjectRoleId(t, spec.name) !== undefined : () => true;
    return ask('On which projects should the key have this role?', projectChoices(input.sentence, input.context, fits));
  }
  const grants =
    spec.kind === 'stack'
      ? stackRoleGrants(scope, spec.name, true, input.context, notes)
      : customRoleGrants(scope, spec.name, input.context, notes);
  if (typeof grants === 'string') return failed(grants);
  return planned({ ...base, organizationRoleIds: [], grants }, notes);
}

/** Rotation keeps description, roles and lifetime; the old key is revoked once the new one works. */
export function planRotateKey(pattern: string | undefined, context: IntentContext): IntentResult {
  if (!pattern) return failed('rotate which key? Say "rotate key <description>"');
  const exact = context.keys.filter((k) => k.description.toLowerCase() === pattern.toLowerCase());
  const found = exact.length > 0 ? exact : keysMatching(context.keys, pattern);
  if (found.length === 0) return failed(`no key matches "${pattern}"`);
  if (found.length > 1) {
    return ask(
      `Several keys match "${pattern}". Which one?`,
      found.map((k) => ({ label: `${k.description} (${k.id})`, text: `rotate key ${k.id}` })),
    );
  }
  const key = found[0]!;
  const days = lifetimeDays(key);
  const lifetime = days === undefined ? undefined : Math.max(1, days);
  const notes = lifetime ? [] : ['the old key never expired: choose an expiration for the new one'];
  return planned(
    {
      kind: 'create-key',
      description: key.description,
      ...(lifetime ? { expiration: `${Math.min(lifetime, MAX_KEY_DAYS)}d` } : {}),
      organizationRoleIds: [],
      grants: [],
      likeKeyId: key.id,
      replacesKeyIds: [key.id],
    },
    notes,
  );
}

export function planRevokeKeys(pattern: string | undefined, context: IntentContext): IntentResult {
  if (!pattern) return failed('revoke which keys? Say "revoke keys matching <part of the description>"');
  const keys = keysMatching(context.keys, pattern);
  if (keys.length === 0) return failed(`no key description matches "${pattern}"`);
  return planned({ kind: 'revoke-keys', pattern, keyIds: keys.map((k) => k.id) }, [
    `${keys.length} key${keys.length === 1 ? '' : 's'}: ${keys.map((k) => k.description).join(', ')}`,
  ]);
}
