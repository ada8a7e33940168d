/**
 * A scripted learner's eyes and hands for the tour: start the tour at a lesson (in-process at 80x24, or in a real
 * terminal for what needs one), read the lesson panel the way a learner scrolls it, and wait for the lesson bar to
 * say the sandbox shows the goal. Only what is on screen is used: names come from the screens, not from the seed.
 * (Wizard lists and fields: test/e2e/app-screen.ts.)
 */
import { CHECKING } from '../../components/tour/LessonPanel.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { z } from 'zod';
import { tourRenderer } from '../../components/tour/TourApp.js';
import { LESSONS } from '../../src/tour/lessons/index.js';
import { loadProgress, tourFiles } from '../../src/tour/progress.js';
import { createTourRunner } from '../../src/tour/runner.js';
import { sandboxIo } from '../../src/tour/sandbox-io.js';
import { ensureStateDir } from '../../src/util/state-dir.js';
import { inkScreen } from '../support/ink-screen.js';
import { parseAs } from '../support/json.js';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app.js';
import { cursorLine, panelRows, waitForList } from '../e2e/app-screen.js';
import { closeAll, launch, type PtyApp, type ScreenApp } from '../e2e/harness.js';

export const progressFile = (state: string) => join(state, 'ec-access', 'tour.json');
export const workDir = (state: string) => join(state, 'work');

/**
 * A fresh tour state folder (XDG_STATE_HOME) for every test in the file, removed after the test once every app it
 * started is closed. Call at the top level; the function returned names the running test's folder.
 */
export function freshTourState(): () => string {
  let state = '';
  beforeEach(() => {
    state = mkdtempSync(join(tmpdir(), 'ec-access-tour-'));
  });
  afterEach(async () => {
    await closeAll();
    await Promise.all([...inProcess].map((app) => app.stop()));
    inProcess.clear();
    rmSync(state, { recursive: true, force: true });
  });
  return () => state;
}

/** The in-process tours still running, stopped by freshTourState after each test. */
const inProcess = new Set<SandboxApp>();

/** The tour in-process (the app with TourApp docked, on the real sandbox), read and driven like a terminal. */
export interface TourApp extends ScreenApp {
  /** Every frame Ink wrote, raw. */
  frames(): readonly string[];
  stop(): Promise<void>;
}

/** Records `lesson - 1` lessons as done in `state`, as if the learner had done them. */
function recordLessonsDone(state: string, lesson: number): void {
  if (lesson <= 1) return;
  mkdirSync(join(state, 'ec-access'), { recursive: true });
  const completed = LESSONS.slice(0, lesson - 1).map((l) => l.id);
  writeFileSync(progressFile(state), JSON.stringify({ version: 1, current: lesson - 1, completed }));
}

/** The tour in-process at `lesson` (1-based), as if the earlier ones were done, once its lesson bar shows. */
export async function startTourApp(state: string, lesson: number): Promise<TourApp> {
  recordLessonsDone(state, lesson);
  const tour = await openTourApp(state);
  await tour.waitForText(`TOUR ${lesson}/${LESSONS.length}`);
  return tour;
}

/**
 * What `ec-access tour` runs (src/cli/commands/tour.ts), in-process at 80x24 on the progress and sandbox state in
 * `state` (XDG_STATE_HOME), without colour. A fixed seed, so every run meets the same organization (the command
 * picks a random one).
 */
export async function openTourApp(state: string): Promise<TourApp> {
  const env = { home: state, env: { HOME: state, XDG_STATE_HOME: state } };
  const files = tourFiles(ensureStateDir(undefined, env.env));
  const app = await startSandboxApp({
    env,
    sandbox: { stateFile: files.sandbox, seed: 7 },
    columns: 80,
    rows: 24,
    wrap: (sandbox) => tourRenderer(createTourRunner(sandboxIo(sandbox, files.progress), loadProgress(files.progress))),
  });
  inProcess.add(app);
  const tour: TourApp = {
    ...inkScreen(app, { columns: 80, rows: 24 }),
    frames: () => app.frames,
    async stop() {
      inProcess.delete(app);
      await app.stop();
    },
  };
  return tour;
}

/**
 * Where the tour keeps its state for this learner (XDG_STATE_HOME), with NO_COLOR. FORCE_COLOR too: the harness's
 * CI=false alone makes chalk drop every style, so without it "no colour on screen" would hold whatever the app did.
 */
export function tourEnv(state: string): Record<string, string> {
  return { NO_COLOR: '1', FORCE_COLOR: '3', XDG_STATE_HOME: state };
}

/** `ec-access tour` at 80x24 without colour, on whatever progress `state` holds; the learner's working folder is where a saved secret lands. */
export function launchTour(state: string, extraArgs: readonly string[] = []): Promise<PtyApp> {
  mkdirSync(workDir(state), { recursive: true });
  return launch({ args: ['tour', ...extraArgs], cols: 80, rows: 24, env: tourEnv(state), cwd: workDir(state) });
}

/** The tour at 80x24 without colour, resumed at `lesson` (1-based) as if the earlier ones were done. */
export async function startTourAt(state: string, lesson: number, extraArgs: readonly string[] = []): Promise<PtyApp> {
  recordLessonsDone(state, lesson);
  const app = await launchTour(state, extraArgs);
  await app.waitForText(`TOUR ${lesson}/${LESSONS.length}`);
  return app;
}

/**
 * How every scripted learner begins: the tour at `lesson` on the Members list, the lesson panel read to the end
 * and closed again. `how` is the panel's text as prose, the steps the learner may take.
 */
export async function startLesson(state: string, lesson: number): Promise<{ app: TourApp; how: string }> {
  const app = await startTourApp(state, lesson);
  await waitForList(app, 'Members');
  const how = prose(await readLessonPanel(app, lesson));
  await closePanel(app);
  return { app, how };
}

/**
 * / on a list, type `text`, enter keeps the filter. Each step waits for the screen first: typed too soon, the
 * letters would be list keys (d removes!).
 */
export async function filterList(app: ScreenApp, text: string): Promise<void> {
  await app.press('/');
  await app.waitForText('keep filter');
  await app.type(text);
  await app.waitForText(`/${text}`);
  await app.press('enter');
  await app.waitFor((s) => !/keep filter/.test(s), 'the filter to be kept');
}

/** The parts of tour.json tests read. */
const SavedProgress = z.looseObject({ current: z.number(), completed: z.array(z.string()) });

export function savedProgress(state: string): z.output<typeof SavedProgress> {
  return parseAs(SavedProgress, JSON.parse(readFileSync(progressFile(state), 'utf8')), 'tour.json');
}

/** `next` appended to `seen` without the rows the two windows share (a scroll by one shares all but one). */
function mergeWindow(seen: string[], previous: readonly string[], next: readonly string[]): void {
  for (let shift = 1; shift < next.length; shift++) {
    const overlap = previous.slice(shift);
    if (overlap.every((row, i) => row === next[i])) {
      seen.push(...next.slice(overlap.length));
      return;
    }
  }
  seen.push(...next);
}

/**
 * Opens the lesson panel (t) and scrolls it to the end, collecting every line once, as a learner reads it; leaves
 * it open. Lessons the tour checks by itself are read once their verdict (✓ or ✗) is on screen. Returns the text,
 * one panel line per line.
 */
export async function readLessonPanel(
  app: ScreenApp,
  lesson: number,
  eachWindow?: (screen: string) => void,
): Promise<string> {
  await openLessonPanel(app, lesson);
  return readOpenPanel(app, eachWindow);
}

/** t, then wait for the panel (and, for lessons the tour checks itself, the verdict). */
export async function openLessonPanel(app: ScreenApp, lesson: number): Promise<void> {
  await app.press('t');
  await app.waitForText(`Lesson ${lesson} of ${LESSONS.length}`);
  if (!LESSONS[lesson - 1]?.question) {
    // The check starts as the panel opens; while it runs the status line says so.
    await app.waitFor((s) => panelRows(s).some((r) => /^ [✓✗] /.test(r)) && !s.includes(CHECKING), 'the lesson check');
  }
}

/** Scrolls the open panel from where it is to the end; `eachWindow` sees every screen on the way. */
export async function readOpenPanel(app: ScreenApp, eachWindow: (screen: string) => void = () => {}): Promise<string> {
  const rows = (screen: string) => panelRows(screen).slice(0, -1); // the last row is the key line
  const moreBelow = (screen: string) => (panelRows(screen).at(-1) ?? '').includes('more below');
  let screen = app.screen();
  eachWindow(screen);
  let previous = rows(screen);
  const seen = [...previous];
  for (let i = 0; i < 100 && moreBelow(screen); i++) {
    const before = previous.join('\n');
    await app.press('down');
    screen = await app.waitFor((s) => rows(s).join('\n') !== before, 'the lesson panel to scroll');
    eachWindow(screen);
    const next = rows(screen);
    mergeWindow(seen, previous, next);
    previous = next;
  }
  return seen.join('\n');
}

/** Panel text as prose: wrapped lines joined, runs of spaces collapsed, for matching sentences. */
export const prose = (text: string) => text.replace(/\s+/g, ' ');

/** Closes the lesson panel, back to the screens. */
export async function closePanel(app: ScreenApp): Promise<void> {
  await app.press('esc');
  // The box title, not the heading: a panel scrolled down no longer shows its heading.
  await app.waitFor((s) => !s.includes('╭─ Tour '), 'the lesson panel to close');
}

/** The lesson bar once the tour's own check (from the sandbox state) passed; the panel then says what passed. */
export function waitForLessonPassed(app: ScreenApp): Promise<string> {
  return app.waitForText('✓ Goal reached: t shows what happened');
}

/** t, read what happened (the summary and the requests sent), enter for the next lesson; returns the panel text. */
export async function finishLesson(app: ScreenApp, lesson: number, summary: RegExp): Promise<string> {
  const text = await readLessonPanel(app, lesson);
  expect(prose(text)).toMatch(summary);
  expect(text).toContain('Requests the sandbox received for this:');
  await app.press('enter');
  if (lesson < LESSONS.length) await app.waitForText(`Lesson ${lesson + 1} of ${LESSONS.length}`);
  else await app.waitForText('Tour complete');
  return text;
}

/**
 * Moves the pointer down a list while its line satisfies `keepGoing` (at most `max` rows), each key waiting for
 * the pointer to move; returns the line it stopped on.
 */
export async function moveDownWhile(app: ScreenApp, keepGoing: (line: string) => boolean, max = 40): Promise<string> {
  for (let i = 0; i < max && keepGoing(cursorLine(app.screen())); i++) {
    const before = cursorLine(app.screen());
    await app.press('down');
    await app.waitFor((s) => cursorLine(s) !== before, 'the cursor to move');
  }
  return cursorLine(app.screen());
}
