/**
 * What a handler answers, and the three error dialects the sandbox speaks: Cloud's `BasicFailedReply` with the
 * `x-cloud-error-codes` header, Serverless's `MultiErrorResponse`, and Elasticsearch's `{error, status}` body.
 * Validation deep inside a handler throws a ReplyError so the route code stays a straight line.
 */
export interface Reply {
  readonly status: number;
  /** Serialised as JSON; undefined sends an empty body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

export function cloudError(status: number, code: string, message: string, fields?: readonly string[]): ReplyError {
  return new ReplyError({
    status,
    body: { errors: [{ code, message, ...(fields && fields.length > 0 ? { fields: [...fields] } : {}) }] },
    headers: { 'x-cloud-error-codes': code },
  });
}

/** Several errors in one Cloud answer (a bulk call where more than one item failed). */
export function cloudErrors(
  status: number,
  errors: ReadonlyArray<{ code: string; message: string; fields?: string[] }>,
): ReplyError {
  return new ReplyError({
    status,
    body: { errors },
    headers: { 'x-cloud-error-codes': [...new Set(errors.map((e) => e.code))].join(',') },
  });
}

export function serverlessError(status: number, code: string, message: string): ReplyError {
  return new ReplyError({ status, body: { errors: [{ message, code }] } });
}

export function esError(status: number, type: string, reason: string, headers?: Record<string, string>): ReplyError {
  return new ReplyError({
    status,
    body: { error: { root_cause: [{ type, reason }], type, reason }, status },
    ...(headers ? { headers } : {}),
  });
}

/** Which dialect a route speaks, so shared steps (auth, body parsing) fail in the caller's language. */
export type Dialect = 'cloud' | 'serverless' | 'es' | 'control';

/** `code`: the endpoint's documented 400 code; `root.invalid_data` where the spec documents none. */
export function badRequest(dialect: Dialect, message: string, code = 'root.invalid_data'): ReplyError {
  switch (dialect) {
    case 'es':
      return esError(400, 'parse_exception', message);
    case 'serverless':
      return serverlessError(400, code, message);
    default:
      return cloudError(400, code, message);
  }
}
