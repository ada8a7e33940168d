/**
 * PUT bodies for custom roles, checked with the app's own validator (src/domain/privileges.ts, so the app and the
 * sandbox cannot disagree) and stored in the shape GET returns: `names` always a list, a DLS `query` always JSON
 * text, `metadata`/`run_as`/`transient_metadata` always present.
 */
import {
  isUnknownPrivilege,
  SERVERLESS_CLUSTER_PRIVILEGES,
  SERVERLESS_INDEX_PRIVILEGES,
  validateRoleDescriptor,
} from '../domain/privileges.js';
import { formatIssues, type FieldIssue } from '../domain/validation.js';
import { isRecord } from './json-object.js';
import type { StoredRole } from './model.js';

/** `GET /_security/privilege/_builtin` on a Serverless project (no `remote_cluster`: that is stack only). */
export const BUILTIN_PRIVILEGES = {
  cluster: [...SERVERLESS_CLUSTER_PRIVILEGES],
  index: [...SERVERLESS_INDEX_PRIVILEGES],
};

export type DescriptorCheck =
  | { readonly ok: true; readonly role: StoredRole }
  | {
      readonly ok: false;
      readonly type: 'action_request_validation_exception' | 'illegal_argument_exception';
      readonly reason: string;
    };

/**
 * Elasticsearch's own words for a privilege name it cannot resolve (ClusterPrivilegeResolver / IndexPrivilege);
 * the real index message lists each privilege with its actions, the sandbox lists the names only.
 */
export function unknownPrivilegeReason(kind: 'cluster' | 'index', name: string): string {
  return kind === 'cluster'
    ? `unknown cluster privilege [${name.toLowerCase()}]. a privilege must be either one of the predefined cluster privilege names [${SERVERLESS_CLUSTER_PRIVILEGES.join(',')}] or a pattern over one of the available cluster actions`
    : `unknown index privilege [${name.toLowerCase()}]. a privilege must be either one of the predefined fixed indices privileges [${SERVERLESS_INDEX_PRIVILEGES.join(',')}] or a pattern over one of the available index actions`;
}

interface UnknownPrivileges {
  /** Issue paths the app's validator reports for these names (they become ES's reasons instead). */
  readonly paths: ReadonlySet<string>;
  /** In ES's order: every unknown cluster name, then the first unknown name of each index entry. */
  readonly reasons: readonly string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function unknownPrivileges(body: Record<string, unknown>): UnknownPrivileges {
  const paths = new Set<string>();
  const reasons: string[] = [];
  strings(body.cluster).forEach((name, i) => {
    if (!isUnknownPrivilege('cluster', name)) return;
    paths.add(`cluster[${i}]`);
    reasons.push(unknownPrivilegeReason('cluster', name));
  });
  (Array.isArray(body.indices) ? body.indices : []).forEach((entry: unknown, i) => {
    const names = strings(isRecord(entry) ? entry.privileges : undefined);
    const unknown = names.map((name, j) => ({ name, j })).filter(({ name }) => isUnknownPrivilege('index', name));
    unknown.forEach(({ j }) => paths.add(`indices[${i}].privileges[${j}]`));
    // IndexPrivilege.get resolves an entry's set at once and throws at its first unknown name.
    if (unknown[0]) reasons.push(unknownPrivilegeReason('index', unknown[0].name));
  });
  return { paths, reasons };
}

/**
 * ES reports problems its request validation catches (unknown privilege names, run_as, reserved metadata keys) as
 * `action_request_validation_exception` ("Validation Failed: 1: …;"), and bad fields, which fail parsing before
 * any validation, as `illegal_argument_exception`.
 */
function classify(issues: readonly FieldIssue[], unknown: UnknownPrivileges): DescriptorCheck {
  const rest = issues.filter((i) => !unknown.paths.has(i.path));
  const validation = rest.filter((i) => i.path.startsWith('run_as') || i.path.startsWith('metadata'));
  if (validation.length === rest.length) {
    const reasons = [...unknown.reasons, ...validation.map((v) => formatIssues([v]))];
    return {
      ok: false,
      type: 'action_request_validation_exception',
      reason: `Validation Failed: ${reasons.map((r, n) => `${n + 1}: ${r};`).join('')}`,
    };
  }
  return { ok: false, type: 'illegal_argument_exception', reason: formatIssues(rest).replaceAll('\n', '; ') };
}

export function checkRoleDescriptor(body: unknown): DescriptorCheck {
  const checked = validateRoleDescriptor(body);
  if (!checked.ok)
    return classify(checked.issues, isRecord(body) ? unknownPrivileges(body) : { paths: new Set(), reasons: [] });
  const desc = checked.value;
  return {
    ok: true,
    role: {
      cluster: desc.cluster ?? [],
      indices: (desc.indices ?? []).map(({ names, query, ...rest }) => ({
        ...rest,
        names: typeof names === 'string' ? [names] : names,
        ...(query === undefined ? {} : { query: typeof query === 'string' ? query : JSON.stringify(query) }),
      })),
      applications: (desc.applications ?? []).map(({ application, privileges, resources }) => ({
        application,
        privileges,
        resources,
      })),
      metadata: desc.metadata ?? {},
      run_as: desc.run_as ?? [],
      transient_metadata: { enabled: true },
      ...(desc.description !== undefined ? { description: desc.description } : {}),
    },
  };
}
