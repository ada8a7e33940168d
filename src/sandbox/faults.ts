/**
 * Failures on demand, so the client's retry, timeout and partial-failure paths can be exercised:
 * - `latency`: a fixed delay before every API request;
 * - `status`: answer the next `times` matching requests with a status (and optional body/headers);
 * - `reset`: destroy the socket of the next `times` matching requests;
 * - `stall`: send the headers, then wait `ms` before the body;
 * - `garble`: answer with `status` (default 200) and a body that is not JSON (`text`);
 * - `key-delete`: make the deletion of these key ids fail (bulk or single), the others still succeed.
 * `status`, `reset` and `garble` act `before` the request is handled (nothing changed) or `after` (the change
 * happened, the client cannot know): the second is the "outcome unknown" case of a write. A wrong-shaped answer is a
 * `status` fault with status 200 and a `body`. Over HTTP/2 a reset closes the request's stream (RST_STREAM), as a
 * proxy or server does, and leaves the connection up; over HTTP/1.1 it destroys the socket.
 * Route patterns are paths where `*` matches within one segment and `**` any number of segments; `query`, when
 * given, also requires those query parameters (so a fault can hit `GET /_security/api_key?id=…`, a re-read, and
 * not the plain list before it).
 */
import * as z from 'zod';

const RouteMatch = z.object({
  method: z.string().default('*'),
  path: z.string().min(1),
  query: z.record(z.string(), z.string()).optional(),
  times: z.number().int().positive().default(1),
});

export const FaultInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0) }),
  RouteMatch.extend({
    kind: z.literal('status'),
    status: z.number().int().min(100).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    when: z.enum(['before', 'after']).default('before'),
  }),
  RouteMatch.extend({ kind: z.literal('reset'), when: z.enum(['before', 'after']).default('before') }),
  RouteMatch.extend({ kind: z.literal('stall'), ms: z.number().int().positive() }),
  RouteMatch.extend({
    kind: z.literal('garble'),
    status: z.number().int().min(200).max(599).default(200),
    text: z.string().default('{"truncated": '),
    when: z.enum(['before', 'after']).default('after'),
  }),
  z.object({
    kind: z.literal('key-delete'),
    ids: z.array(z.string()).min(1),
    status: z.number().int().min(400).max(599).default(500),
    times: z.number().int().positive().default(1),
  }),
]);
export type FaultInput = z.infer<typeof FaultInput>;

type RouteFault = Extract<FaultInput, { path: string }>;

export interface Faults {
  latencyMs(): number;
  add(fault: FaultInput): void;
  /** The fault for this request, if any, counting it as used. */
  take(method: string, path: string, query?: URLSearchParams): RouteFault | undefined;
  /** The status a deletion of this key id should fail with, if one was injected (counting it as used). */
  takeKeyDeleteFailure(id: string): number | undefined;
  list(): FaultInput[];
  clear(): void;
}

export function createFaults(initialLatencyMs = 0): Faults {
  let latency = initialLatencyMs;
  let rules: Array<RouteFault & { regex: RegExp }> = [];
  const keyFailures = new Map<string, { status: number; times: number }>();
  return {
    latencyMs: () => latency,
    add(fault) {
      if (fault.kind === 'latency') latency = fault.ms;
      else if (fault.kind === 'key-delete')
        fault.ids.forEach((id) => keyFailures.set(id, { status: fault.status, times: fault.times }));
      else rules.push({ ...fault, regex: globToRegex(fault.path) });
    },
    take(method, path, query) {
      const rule = rules.find(
        (r) =>
          (r.method === '*' || r.method.toUpperCase() === method) &&
          r.regex.test(path) &&
          Object.entries(r.query ?? {}).every(([name, value]) => query?.get(name) === value),
      );
      if (!rule) return undefined;
      rule.times -= 1;
      if (rule.times <= 0) rules = rules.filter((r) => r !== rule);
      const { regex: _regex, ...fault } = rule;
      return fault;
    },
    takeKeyDeleteFailure(id) {
      const failure = keyFailures.get(id);
      if (!failure) return undefined;
      failure.times -= 1;
      if (failure.times <= 0) keyFailures.delete(id);
      return failure.status;
    },
    list: () => [
      ...(latency > 0 ? [{ kind: 'latency' as const, ms: latency }] : []),
      ...rules.map(({ regex: _regex, ...fault }) => fault),
      ...[...keyFailures].map(([id, { status, times }]) => ({ kind: 'key-delete' as const, ids: [id], status, times })),
    ],
    clear() {
      latency = initialLatencyMs;
      rules = [];
      keyFailures.clear();
    },
  };
}

function globToRegex(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}
