/** What every handler receives. */
import type { Caller } from './auth.js';
import type { SandboxCore } from './core.js';

export interface RequestContext {
  readonly core: SandboxCore;
  /** Set on routes that authenticate; the server has already answered 401 when it could not. */
  readonly caller: Caller | undefined;
  /** The decoded JSON body; undefined when the request had none. */
  readonly body: unknown;
  readonly query: URLSearchParams;
  /** Said back in `Warning` headers and the request log: what the real service would not accept as sent. */
  readonly warnings: string[];
}

export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw new Error('route declared without authentication reads the caller');
  return ctx.caller;
}
