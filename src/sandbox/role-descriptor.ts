/**
 * PUT bodies for custom roles, checked with the app's own validator (src/domain/privileges.ts, so the app and the
 * sandbox cannot disagree) and stored in the shape GET returns: `names` always a list, a DLS `query` always JSON
 * text, `metadata`/`run_as`/`transient_metadata` always present.
 */
import {
  SERVERLESS_CLUSTER_PRIVILEGES,
  SERVERLESS_INDEX_PRIVILEGES,
  validateRoleDescriptor,
} from '../domain/privileges.js';
import { formatIssues, type FieldIssue } from '../domain/validation.js';
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
 * ES reports problems its request validation catches (run_as, reserved metadata keys) as
 * `action_request_validation_exception` ("Validation Failed: 1: …;"), and bad privileges or fields as
 * `illegal_argument_exception`.
 */
function classify(issues: readonly FieldIssue[]): DescriptorCheck {
  const validation = issues.filter((i) => i.path.startsWith('run_as') || i.path.startsWith('metadata'));
  if (validation.length === issues.length) {
    return {
      ok: false,
      type: 'action_request_validation_exception',
      reason: `Validation Failed: ${validation.map((v, n) => `${n + 1}: ${formatIssues([v])};`).join('')}`,
    };
  }
  return { ok: false, type: 'illegal_argument_exception', reason: formatIssues(issues).replaceAll('\n', '; ') };
}

export function checkRoleDescriptor(body: unknown): DescriptorCheck {
  const checked = validateRoleDescriptor(body);
  if (!checked.ok) return classify(checked.issues);
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
