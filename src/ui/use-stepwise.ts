/**
 * A long computation of a value from `input`, run in slices (src/util/stepwise.ts) so the panel that shows it opens
 * at once and keeps hearing keys. While a newer input waits, the last value stays shown (`pending` says it is being
 * brought up to date); inputs that arrive during a run are coalesced into one more run with the latest. Unmounting
 * stops the run.
 */
import { useEffect, useRef, useState } from 'react';
import { runInSlices, Stopped, type Steps } from '../util/stepwise.js';

export interface Stepwise<T> {
  /** The value of the latest finished run; undefined until the first one ends. */
  readonly value: T | undefined;
  /** A run for the current input has not finished yet. */
  readonly pending: boolean;
}

/** `steps` must be stable (a module-level function); `input` undefined means nothing to compute yet. */
export function useStepwise<I, T>(input: I | undefined, steps: (input: I) => Steps<T>): Stepwise<T> {
  const [done, setDone] = useState<{ input: I; value: T }>();
  // The input of the latest commit, read when a run ends to see whether another is due.
  const latest = useRef(input);
  const run = useRef<{ controller: AbortController; running: boolean }>(undefined);

  useEffect(() => {
    latest.current = input;
    const state = (run.current ??= { controller: new AbortController(), running: false });
    const start = () => {
      const from = latest.current;
      if (from === undefined || state.controller.signal.aborted) return;
      state.running = true;
      runInSlices(steps(from), state.controller.signal).then(
        (value) => {
          state.running = false;
          setDone({ input: from, value });
          if (latest.current !== from) start();
        },
        (error: unknown) => {
          state.running = false;
          if (!(error instanceof Stopped)) throw error;
        },
      );
    };
    if (!state.running) start();
  }, [input, steps]);

  useEffect(
    () => () => {
      run.current?.controller.abort();
      run.current = undefined;
    },
    [],
  );

  return { value: done?.value, pending: input !== undefined && done?.input !== input };
}
