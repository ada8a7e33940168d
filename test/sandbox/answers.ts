/**
 * Reading sandbox answers in the contract tests: the code or type an error body carries, checked against the API's
 * own error schemas, and the test file's sandbox under a name rules-of-hooks does not take for a React hook.
 */
import { CloudErrorEnvelope, EsErrorBody } from '../../src/api/schemas.js';
import { useSandbox, type Answer } from './helpers.js';

/**
 * helpers.ts's `useSandbox` under a name that does not read as a React hook (rules-of-hooks refuses a `use…` call
 * at a test file's top level); helpers.ts is shared with other test files, so it keeps its name there for now.
 */
export const withSandbox = useSandbox;

/** The first error code of a Cloud error envelope (`{"errors":[{"code":…}]}`). */
export const cloudErrorCode = (answer: Pick<Answer, 'as'>): string | undefined =>
  answer.as(CloudErrorEnvelope).errors[0]?.code;

/** The `error.type` of an Elasticsearch error body; undefined when `error` is a bare string. */
export const esErrorType = (answer: Pick<Answer, 'as'>): string | undefined => {
  const { error } = answer.as(EsErrorBody);
  return typeof error === 'string' ? undefined : error.type;
};
