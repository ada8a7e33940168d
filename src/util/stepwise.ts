/**
 * A long computation written as a generator that yields between steps: run to the end at once (`finish`, for the
 * commands and tests), or in slices of a few milliseconds with the event loop let through between them
 * (`runInSlices`, for the TUI), so key presses are read and handled while it runs and esc can stop it.
 */

export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Rejects with this when the signal aborts before the end. */
export class Stopped extends Error {
  constructor() {
    super('stopped');
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs steps until `sliceMs` has passed, then gives the event loop a turn (I/O, timers, renders) before the next
 * slice. Stops at the first slice boundary after `signal` aborts.
 */
export async function runInSlices<T>(steps: Steps<T>, signal: AbortSignal, sliceMs = 8): Promise<T> {
  // Starts on a later turn, so whatever asked for it (a panel opening) is drawn before the first step.
  await turn();
  for (;;) {
    if (signal.aborted) throw new Stopped();
    const until = performance.now() + sliceMs;
    do {
      const next = steps.next();
      if (next.done) return next.value;
    } while (performance.now() < until);
    await turn();
  }
}
