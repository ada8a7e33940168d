/**
 * The tour as a small external store: which lesson is current, its baseline, the last check, whether the bar is
 * shown. The UI subscribes (useSyncExternalStore) and calls the actions; the sandbox is reached through `io`
 * so tests can drive the runner without a terminal.
 */
import { captureBaseline } from './baseline.js';
import { LESSONS } from './lessons/index.js';
import { FRESH, type TourProgress } from './progress.js';
import type { Baseline, CheckResult, Lesson, TourState } from './types.js';

export interface TourIo {
  /** The sandbox now, with the request log since `sinceSeq`. */
  load(sinceSeq: number): Promise<TourState>;
  lastSeq(): Promise<number>;
  /** Creates the lesson 6 key; resolves to its id. */
  plantLeakedKey(): Promise<string>;
  /** Creates lesson 6's project key (same story, the other layer); resolves to where it is. */
  plantLeakedProjectKey?(): Promise<{ projectId: string; id: string }>;
  save(progress: TourProgress): void;
}

export interface TourView {
  readonly progress: TourProgress;
  readonly lesson: Lesson | undefined;
  readonly barVisible: boolean;
  readonly checking: boolean;
  readonly result?: CheckResult;
  /** The last check's requests, for the explanation. */
  readonly state?: TourState;
  readonly error?: string;
}

export interface TourRunner {
  getView: () => TourView;
  subscribe: (listener: () => void) => () => void;
  /** Capture the baseline (and plant what the lesson needs) unless the lesson already started. */
  begin(): Promise<void>;
  check(answer?: string): Promise<CheckResult | undefined>;
  /** After a pass: on to the next lesson. */
  next(): Promise<void>;
  /** Start the current lesson again from the sandbox as it is now. */
  restart(): Promise<void>;
  toggleBar(): void;
}

export function createTourRunner(io: TourIo, initial: TourProgress = FRESH): TourRunner {
  let view: TourView = { progress: initial, lesson: LESSONS[initial.current], barVisible: true, checking: false };
  // The request log lives in memory: after a restart every entry is newer than the lesson's start.
  let sinceSeq = 0;
  const listeners = new Set<() => void>();
  const set = (change: Partial<TourView>) => {
    view = { ...view, ...change };
    listeners.forEach((l) => l());
  };
  const setProgress = (progress: TourProgress) => {
    io.save(progress);
    set({ progress, lesson: LESSONS[progress.current] });
  };
  const guard = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      set({ checking: false, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
  // A lesson's start (its baseline) is read from the sandbox, which takes a while; a check asked for meanwhile (the
  // panel opened at once) waits for it instead of finding no baseline and doing nothing.
  let starting: Promise<unknown> = Promise.resolve();
  const start = <T>(work: () => Promise<T>): Promise<T | undefined> => {
    const started = guard(work);
    starting = started;
    return started;
  };

  async function startLesson(lesson: Lesson): Promise<void> {
    sinceSeq = await io.lastSeq();
    const leakedKeyId = lesson.setup === 'plant-leaked-key' ? await io.plantLeakedKey() : undefined;
    const leakedProjectKey = lesson.setup === 'plant-leaked-key' ? await io.plantLeakedProjectKey?.() : undefined;
    // After the plant, so the tour's own request is not shown as the learner's.
    if (leakedKeyId) sinceSeq = await io.lastSeq();
    const state = await io.load(sinceSeq);
    const now = state.snapshot.now;
    const deadline = lesson.timeLimitSeconds
      ? new Date(now.getTime() + lesson.timeLimitSeconds * 1000).toISOString()
      : undefined;
    const baseline: Baseline = captureBaseline(state, now, {
      ...(leakedKeyId ? { leakedKeyId } : {}),
      ...(leakedProjectKey ? { leakedProjectKey } : {}),
      ...(deadline ? { deadline } : {}),
    });
    const { answer: _dropped, ...rest } = view.progress;
    setProgress({ ...rest, baseline });
    set({ result: undefined, state: undefined, error: undefined });
  }

  let checkRunning: Promise<CheckResult | undefined> | undefined;
  let checkQueued: Promise<CheckResult | undefined> | undefined;
  function runCheck(answer: string | undefined): Promise<CheckResult | undefined> {
    const run = guard(async () => {
      if (!view.lesson) return undefined;
      // Synchronously, so the frame that asked shows the check running, never a stale verdict.
      set({ checking: true, error: undefined });
      await starting;
      const { lesson, progress } = view;
      if (!lesson || !progress.baseline) {
        set({ checking: false });
        return undefined;
      }
      const state = await io.load(sinceSeq);
      const given = answer ?? progress.answer;
      const result = lesson.check(state, progress.baseline, given);
      if (given !== undefined && given !== progress.answer) setProgress({ ...progress, answer: given });
      set({ checking: false, result, state });
      return result;
    });
    checkRunning = run;
    void run.finally(() => {
      if (checkRunning === run) checkRunning = undefined;
    });
    return run;
  }

  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    begin: () =>
      start(async () => {
        if (view.lesson && !view.progress.baseline) await startLesson(view.lesson);
      }),
    check(answer) {
      // A check asked for while one runs (the panel's own, the bar's) must not be dropped: the learner may have just
      // done the thing, after the running one read the sandbox. One more run follows it and sees everything.
      if (checkQueued) return checkQueued;
      if (checkRunning) {
        const queued = checkRunning.then(() => {
          checkQueued = undefined;
          return runCheck(answer);
        });
        checkQueued = queued;
        return queued;
      }
      return runCheck(answer);
    },
    next: () =>
      start(async () => {
        const { lesson, progress, result } = view;
        if (!lesson || !result?.passed) return;
        const { baseline: _done, answer: _answered, ...rest } = progress;
        setProgress({
          ...rest,
          current: progress.current + 1,
          completed: [...new Set([...progress.completed, lesson.id])],
        });
        set({ result: undefined, state: undefined });
        if (view.lesson) await startLesson(view.lesson);
      }),
    restart: () =>
      start(async () => {
        if (view.lesson) await startLesson(view.lesson);
      }),
    toggleBar: () => set({ barVisible: !view.barVisible }),
  };
}
