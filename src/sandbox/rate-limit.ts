/**
 * The `x-ratelimit-*` headers Cloud sends on every answer. Elastic publishes no numbers, so these are
 * illustrative: a per-key window on the wall clock, counted but not enforced (use a `status` fault with 429 and a
 * `retry-after` header to rehearse being limited).
 */
const WINDOW_MS = 60_000;
const LIMIT = 10_000;

export interface RateLimits {
  headers(keyId: string, nowMs: number): Record<string, string>;
}

export function createRateLimits(): RateLimits {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    headers(keyId, nowMs) {
      let window = windows.get(keyId);
      if (!window || nowMs - window.start >= WINDOW_MS) {
        window = { start: nowMs, count: 0 };
        windows.set(keyId, window);
      }
      window.count += 1;
      return {
        'x-ratelimit-interval': `${WINDOW_MS / 1000}s`,
        'x-ratelimit-limit': String(LIMIT),
        'x-ratelimit-remaining': String(Math.max(0, LIMIT - window.count)),
      };
    },
  };
}
