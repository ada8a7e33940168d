/**
 * One request through the route table: find the route, authenticate in the route's dialect, decode the JSON body,
 * run the handler, and turn whatever it throws into an answer. Knows nothing about sockets or faults.
 */
import { authenticate, type Caller } from './auth.js';
import type { RequestContext } from './context.js';
import { authenticateProjectKey } from './project-keys.js';
import type { SandboxCore } from './core.js';
import { badRequest, cloudError, esError, ReplyError, serverlessError, type Dialect, type Reply } from './reply.js';
import type { Router } from './router.js';
import { errorMessage } from '../util/errors.js';

export interface Incoming {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly rawBody: string;
}

export interface Outcome {
  readonly reply: Reply;
  readonly dialect: Dialect;
  readonly caller: Caller | undefined;
  readonly warnings: readonly string[];
}

/** The dialect of a path no route claims, so even a 404 comes back in the language the client expects. */
export function dialectOfPath(path: string): Dialect {
  if (path.startsWith('/_es/')) return 'es';
  if (path.startsWith('/api/v1/serverless/')) return 'serverless';
  if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return 'control';
  return 'cloud';
}

function notFound(dialect: Dialect, what: string): ReplyError {
  if (dialect === 'es') return esError(404, 'resource_not_found_exception', `no handler found for ${what}`);
  if (dialect === 'serverless') return serverlessError(404, 'root.not_found', `no such endpoint: ${what}`);
  return cloudError(404, 'root.not_found', `no such endpoint: ${what}`);
}

function unauthenticated(dialect: Dialect, code: string | undefined, reason: string): ReplyError {
  if (dialect === 'es') {
    return esError(
      401,
      'security_exception',
      `unable to authenticate with provided credentials and anonymous access is not allowed for this request (${reason})`,
      { 'www-authenticate': 'ApiKey, Basic realm="security", charset="UTF-8"' },
    );
  }
  if (dialect === 'serverless') return serverlessError(401, code ?? 'root.invalid_authentication', reason);
  return cloudError(401, code ?? 'root.invalid_authentication', reason);
}

export async function dispatch(
  router: Router<RequestContext>,
  core: SandboxCore,
  incoming: Incoming,
): Promise<Outcome> {
  const { method, path } = incoming;
  const match = router.match(method, path);
  const fallbackDialect = dialectOfPath(path);
  if (match.kind === 'none')
    return {
      reply: notFound(fallbackDialect, `${method} ${path}`).reply,
      dialect: fallbackDialect,
      caller: undefined,
      warnings: [],
    };
  if (match.kind === 'wrong-method') {
    const error =
      match.dialect === 'es'
        ? esError(
            405,
            'method_not_allowed',
            `Incorrect HTTP method for uri [${path}] and method [${method}], allowed: [${match.allowed.join(', ')}]`,
          )
        : cloudError(
            405,
            'root.method_not_allowed',
            `${method} is not allowed here; allowed: ${match.allowed.join(', ')}`,
          );
    return {
      reply: { ...error.reply, headers: { ...error.reply.headers, allow: match.allowed.join(', ') } },
      dialect: match.dialect,
      caller: undefined,
      warnings: [],
    };
  }

  const { route, params } = match;
  let caller: Caller | undefined;
  const warnings: string[] = [];
  try {
    if (route.auth !== 'none') {
      let result = authenticate(incoming.authorization, core);
      // A project's Elasticsearch also takes the API keys created inside that project (only that one).
      if (!result.ok && route.auth === 'es' && params.projectId !== undefined)
        result = authenticateProjectKey(incoming.authorization, core, params.projectId) ?? result;
      if (!result.ok) throw unauthenticated(route.dialect, route.unauthenticatedCode, result.reason);
      caller = result.caller;
    }
    let body: unknown;
    if (incoming.rawBody.trim() !== '') {
      try {
        body = JSON.parse(incoming.rawBody);
      } catch (error) {
        throw badRequest(
          route.dialect,
          `the request body is not valid JSON: ${errorMessage(error)}`,
          route.invalidBodyCode,
        );
      }
    }
    const ctx: RequestContext = { core, caller, body, query: incoming.query, warnings };
    return { reply: await route.handle(ctx, params), dialect: route.dialect, caller, warnings };
  } catch (error) {
    if (error instanceof ReplyError) return { reply: error.reply, dialect: route.dialect, caller, warnings };
    const message = `sandbox internal error: ${errorMessage(error)}`;
    const reply =
      route.dialect === 'es'
        ? esError(500, 'exception', message).reply
        : route.dialect === 'serverless'
          ? serverlessError(500, 'root.internal_error', message).reply
          : cloudError(500, 'root.internal_error', message).reply;
    return { reply, dialect: route.dialect, caller, warnings };
  }
}
