/**
 * Runs at most `max` tasks at once, the others in the order they came. Per-project loads go through one: opening
 * Roles in an organization with 300 projects must not send 300 requests at the same instant (rate limits, and a
 * burst of answers to parse and render all at once).
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(max: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
