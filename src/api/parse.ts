/**
 * Response validation. Every body is checked against its zod schema so a contract drift surfaces as one clear
 * error at the edge instead of `undefined` deep inside a screen. The error names the field path and what was
 * expected, never the value found (it may be a secret).
 */
import type * as z from 'zod';
import { unexpectedResponse, type ApiService } from './errors.js';
import { shareRepeatedIds } from './shared-ids.js';

export function parseResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  service: ApiService,
  endpoint: string,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) {
    shareRepeatedIds(result.data);
    return result.data;
  }
  const issue = result.error.issues[0];
  const detail = issue ? `${formatPath(issue.path)} ${describeIssue(issue)}` : 'body does not match the expected shape';
  throw unexpectedResponse(service, endpoint, detail);
}

/** `members[0].role_assignments.project`; the whole body is "body". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = 'body';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return out;
}

/**
 * Zod's default messages mention expected types and allowed options but not the input, which is what we want.
 * A missing field reads better said plainly.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `is missing (expected ${issue.expected})`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}
