/**
 * A route table: each entry names a method, a path pattern with `:params`, the dialect its errors use and how
 * callers authenticate. Matching is by table lookup so adding an endpoint is adding a row.
 */
import type { Dialect, Reply } from './reply.js';

/** `cloud`: a Cloud API key (Cloud and Serverless routes); `es`: the same key on a project's Elasticsearch; `none`: no check. */
export type AuthMode = 'cloud' | 'es' | 'none';

export interface Route<Ctx> {
  readonly method: string;
  readonly pattern: string;
  readonly dialect: Dialect;
  readonly auth: AuthMode;
  /** The code a 401 carries on this endpoint (cloud-api.md documents a few per endpoint). */
  readonly unauthenticatedCode?: string;
  /** The code a body that is not JSON gets, where the spec documents one for the endpoint's 400. */
  readonly invalidBodyCode?: string;
  readonly handle: (ctx: Ctx, params: Readonly<Record<string, string>>) => Reply | Promise<Reply>;
}

interface Compiled<Ctx> {
  readonly route: Route<Ctx>;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

export type Match<Ctx> =
  | { readonly kind: 'found'; readonly route: Route<Ctx>; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly dialect: Dialect; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

export interface Router<Ctx> {
  match(method: string, path: string): Match<Ctx>;
}

function compile<Ctx>(route: Route<Ctx>): Compiled<Ctx> {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${source}/?$`), names };
}

export function createRouter<Ctx>(routes: ReadonlyArray<Route<Ctx>>): Router<Ctx> {
  const table = routes.map(compile);
  return {
    match(method, path) {
      const allowed: string[] = [];
      let dialect: Dialect | undefined;
      for (const { route, regex, names } of table) {
        const m = regex.exec(path);
        if (!m) continue;
        if (route.method !== method) {
          allowed.push(route.method);
          dialect ??= route.dialect;
          continue;
        }
        // Raw (still percent-encoded) values: list parameters split on ',' before decoding each item.
        const params: Record<string, string> = {};
        names.forEach((name, i) => (params[name] = m[i + 1] ?? ''));
        return { kind: 'found', route, params };
      }
      return dialect ? { kind: 'wrong-method', dialect, allowed } : { kind: 'none' };
    },
  };
}

/** One decoded path parameter. */
export function one(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A comma-separated path parameter, each item decoded, empty items dropped. */
export function list(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => one(item).trim())
    .filter((item) => item !== '');
}
