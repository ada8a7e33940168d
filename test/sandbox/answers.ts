/**
 * Reading sandbox answers in the contract tests: the code or type an error body carries, checked against the API's
 * own error schemas, asymmetric matchers that keep expected objects typed, and the test file's sandbox under a name
 * rules-of-hooks does not take for a React hook.
 */
import { expect } from 'vitest';
import { CloudErrorEnvelope, EsErrorBody } from '../../src/api/schemas.js';
import { useSandbox, type Answer } from './helpers.js';

/**
 * helpers.ts's `useSandbox` under a name that does not read as a React hook (rules-of-hooks refuses a `use…` call
 * at a test file's top level); helpers.ts is shared with other test files, so it keeps its name there for now.
 */
export const withSandbox = useSandbox;

/**
 * Vitest's asymmetric matchers typed `unknown` instead of `any`, so an expected object literal holding one stays
 * typed (an `any` inside it turns the whole literal unchecked).
 */
export const anyOf = (type: unknown): unknown => expect.any(type);
export const stringMatching = (pattern: string | RegExp): unknown => expect.stringMatching(pattern);
export const objectContaining = (shape: Record<string, unknown>): unknown => expect.objectContaining(shape);

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
