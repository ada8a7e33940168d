/**
 * Waiting in tests: for a condition, never for a time. A wait that succeeds returns as soon as the condition holds,
 * so the one timeout every wait shares can be generous: it only decides how long a broken test takes to fail, and a
 * 2-core machine running other work beside the suite can be many times slower than a quiet one.
 * EC_TEST_WAIT_MS overrides it (e.g. lower, to see a hanging wait fail fast while writing a test).
 */
export const WAIT_MS = Number(process.env.EC_TEST_WAIT_MS) || 30_000;

/** How often a polled condition is looked at again. Only the cost of a wait, never its outcome, depends on it. */
const POLL_MS = 10;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, POLL_MS));

/**
 * Polls `probe` until it returns something other than undefined, null or false, and resolves to that value.
 * On timeout the error names `what` (a function is called then, e.g. to show the last frame).
 */
export async function waitUntil<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string | (() => string),
  timeoutMs: number = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await pause();
  }
}
