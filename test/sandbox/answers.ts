/**
 * Reading sandbox answers in the contract tests: the code or type an error body carries, checked against the API's
 * own error schemas, and the sandbox's control routes (request log, faults, clock, invitation acceptance) with
 * their answers unknown until a schema checks them.
 */
import { z } from 'zod';
import { CloudErrorEnvelope, EsErrorBody } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { parseAs } from '../support/json.js';
import type { Answer } from './helpers.js';

/** The first error code of a Cloud error envelope (`{"errors":[{"code":…}]}`). */
export const cloudErrorCode = (answer: Pick<Answer, 'as'>): string | undefined =>
  answer.as(CloudErrorEnvelope).errors[0]?.code;

/** The `error.type` of an Elasticsearch error body; undefined when `error` is a bare string. */
export const esErrorType = (answer: Pick<Answer, 'as'>): string | undefined => {
  const { error } = answer.as(EsErrorBody);
  return typeof error === 'string' ? undefined : error.type;
};

/** The `error` object of an Elasticsearch error body (type and reason); a bare-string `error` fails the test. */
export const esError = (answer: Pick<Answer, 'as'>): { type: string; reason?: string | undefined } => {
  const { error } = answer.as(EsErrorBody);
  if (typeof error === 'string') throw new Error(`expected an error object, got the string ${error}`);
  return error;
};

export interface ControlAnswer {
  readonly status: number;
  /** The body parsed, unchecked: for `toEqual`/`toMatchObject` assertions. */
  readonly json: unknown;
  as<S extends z.ZodType>(schema: S): z.output<S>;
}

/** One call to the sandbox's control routes (`/_sandbox…`), which take no key. */
export async function control(
  sb: Pick<RunningSandbox, 'controlUrl'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<ControlAnswer> {
  const response = await fetch(`${sb.controlUrl}${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json: unknown = await response.json();
  return {
    status: response.status,
    json,
    as: (schema) => parseAs(schema, json, `${method} ${path} control answer`),
  };
}

/** Accepts an invitation through the control route, as the invitee would; answers the new member's user id. */
export async function acceptInvitation(sb: Pick<RunningSandbox, 'controlUrl'>, token: string): Promise<string> {
  const accepted = await control(sb, 'POST', `/invitations/${token}/_accept`, {});
  if (accepted.status !== 200) throw new Error(`accepting invitation failed with ${accepted.status}`);
  return accepted.as(z.object({ user_id: z.string() })).user_id;
}
