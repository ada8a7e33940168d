/**
 * What every builder returns: the exact request to preview and send, or field-level issues and nothing to send.
 * Builders validate everything before a request exists, so an `ok` result is safe to hand to the client as is.
 */
import type { ApiRequest } from '../../api/requests.js';
import type { FieldIssue } from '../validation.js';

export type BuildResult<Body, Extra extends object = object> =
  | ({
      readonly ok: true;
      readonly request: ApiRequest;
      readonly body: Body;
      /** Allowed but worth a second look (over-grants, org-wide reach, no expiry); screens show them before confirming. */
      readonly warnings: readonly string[];
    } & Extra)
  | { readonly ok: false; readonly issues: FieldIssue[] };

export function failed(issues: FieldIssue[]): { readonly ok: false; readonly issues: FieldIssue[] } {
  return { ok: false, issues };
}
