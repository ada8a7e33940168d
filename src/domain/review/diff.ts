/**
 * What changed between two exports of one organization: grants added, removed or altered, principals gone and
 * keys expired. Grants are compared per principal and scope, so "bob went from viewer to developer on
 * search-prod" reads as one alteration rather than a removal and an addition. A principal that is gone entirely
 * is reported once (as gone, or as an expired key), not as a removal of each of its grants.
 */
import type { AccessExport, AccessExportFilters } from './document.js';
import { ACCESS_SCHEMA } from './document.js';
import { compareGrants, type AccessGrant } from './grants.js';
import { KEY_KINDS, principalKey, type GrantPrincipal } from './principals.js';

export const ACCESS_DIFF_SCHEMA = 'ec-access/access-diff@1';

export interface GrantChange {
  readonly principal: GrantPrincipal;
  readonly scope: AccessGrant['scope'];
  readonly before: readonly AccessGrant[];
  readonly after: readonly AccessGrant[];
}

export interface GonePrincipal {
  readonly principal: GrantPrincipal;
  /** The grants it held at the earlier export. */
  readonly grants: number;
}

export interface ExpiredKey extends GonePrincipal {
  readonly expired_at: string;
}

export interface AccessDiff {
  readonly schema: typeof ACCESS_DIFF_SCHEMA;
  readonly organization: AccessExport['organization'];
  readonly since: string;
  readonly until: string;
  readonly added: readonly AccessGrant[];
  readonly removed: readonly AccessGrant[];
  readonly altered: readonly GrantChange[];
  readonly principals_gone: readonly GonePrincipal[];
  readonly keys_expired: readonly ExpiredKey[];
  readonly summary: {
    readonly added: number;
    readonly removed: number;
    readonly altered: number;
    readonly principals_gone: number;
    readonly keys_expired: number;
  };
}

export class DiffRefused extends Error {
  override readonly name = 'DiffRefused';
}

const groupKey = (g: AccessGrant) => `${principalKey(g.principal)}\u0000${g.scope.kind}\u0000${g.scope.id}`;

function groupBy(grants: readonly AccessGrant[]): Map<string, AccessGrant[]> {
  const groups = new Map<string, AccessGrant[]>();
  for (const grant of grants) {
    const key = groupKey(grant);
    const group = groups.get(key);
    if (group) group.push(grant);
    else groups.set(key, [grant]);
  }
  return groups;
}

/** What a grant means, without the names that may be edited (a key's description, a project's name). */
function meaning(g: AccessGrant): string {
  return JSON.stringify([
    g.role_id,
    [...g.application_roles].sort(),
    [...g.stack_roles].sort(),
    [...g.missing_roles].sort(),
    g.via,
    g.expires_at,
    g.privileges ?? [],
  ]);
}

const sameGrants = (a: readonly AccessGrant[], b: readonly AccessGrant[]) => {
  const left = a.map(meaning).sort();
  const right = b.map(meaning).sort();
  return left.length === right.length && left.every((m, i) => m === right[i]);
};

const sameFilters = (a: AccessExportFilters, b: AccessExportFilters) =>
  a.project === b.project && a.member === b.member && a.key === b.key && a.type === b.type;

/** Refuses what cannot be compared meaningfully: another organization, another schema version. */
export function checkComparable(previous: AccessExport, current: AccessExport): void {
  if (previous.schema !== ACCESS_SCHEMA || current.schema !== ACCESS_SCHEMA)
    throw new DiffRefused(
      `cannot compare schema ${previous.schema} with ${current.schema}; export again with this version to start a new baseline`,
    );
  if (previous.organization.id !== current.organization.id)
    throw new DiffRefused(
      `the earlier export is of organization ${previous.organization.name} (${previous.organization.id}), not ${current.organization.name} (${current.organization.id}); a review compares one organization with itself`,
    );
}

/** A note for the reader when the two exports were filtered differently (changes may be only the filter's). */
export function filterMismatch(previous: AccessExport, current: AccessExport): string | undefined {
  if (sameFilters(previous.filters, current.filters)) return undefined;
  const show = (f: AccessExportFilters) =>
    Object.entries(f)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `--${k} ${v}`)
      .join(' ') || 'no filter';
  return `the earlier export used ${show(previous.filters)}, this one ${show(current.filters)}; differences may come from the filters`;
}

export function diffExports(previous: AccessExport, current: AccessExport): AccessDiff {
  checkComparable(previous, current);
  const before = groupBy(previous.grants);
  const after = groupBy(current.grants);
  const stillHere = new Set(current.principals.map(principalKey));
  const added: AccessGrant[] = [];
  const removed: AccessGrant[] = [];
  const altered: GrantChange[] = [];
  const gone = new Map<string, { principal: GrantPrincipal; grants: number; expires: string | null }>();
  for (const p of previous.principals) {
    const key = principalKey(p);
    if (!stillHere.has(key))
      gone.set(key, { principal: { kind: p.kind, id: p.id, identity: p.identity }, grants: 0, expires: p.expires_at });
  }

  for (const [key, old] of before) {
    const first = old[0]!;
    const now = after.get(key);
    const goneEntry = gone.get(principalKey(first.principal));
    if (goneEntry) goneEntry.grants += old.length;
    else if (!now) removed.push(...old);
    else if (!sameGrants(old, now))
      altered.push({ principal: now[0]!.principal, scope: now[0]!.scope, before: old, after: now });
  }
  for (const [key, fresh] of after) if (!before.has(key)) added.push(...fresh);

  const until = Date.parse(current.generated_at);
  const principals_gone: GonePrincipal[] = [];
  const keys_expired: ExpiredKey[] = [];
  for (const { principal, grants, expires } of gone.values()) {
    // A key that ran out between the two exports expired; one that vanished earlier than its expiry was revoked.
    if (KEY_KINDS.has(principal.kind) && expires !== null && Date.parse(expires) <= until)
      keys_expired.push({ principal, grants, expired_at: expires });
    else principals_gone.push({ principal, grants });
  }
  added.sort(compareGrants);
  removed.sort(compareGrants);
  altered.sort((a, b) => compareGrants(a.after[0]!, b.after[0]!));
  return {
    schema: ACCESS_DIFF_SCHEMA,
    organization: current.organization,
    since: previous.generated_at,
    until: current.generated_at,
    added,
    removed,
    altered,
    principals_gone,
    keys_expired,
    summary: {
      added: added.length,
      removed: removed.length,
      altered: altered.length,
      principals_gone: principals_gone.length,
      keys_expired: keys_expired.length,
    },
  };
}
