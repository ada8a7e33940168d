/**
 * A scripted learner's eyes and hands for the tour in a real terminal: start the tour at a lesson, read the
 * lesson panel the way a learner scrolls it, move a list's cursor onto a label it can see, and wait for the lesson
 * bar to say the sandbox shows the goal. Only what is on screen is used: names come from the screens, not from
 * the seed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { LESSONS } from '../../src/tour/lessons/index.js';
import { launch, type PtyApp } from '../e2e/harness.js';

export const progressFile = (state: string) => join(state, 'ec-access', 'tour.json');

/** Where the tour keeps its state for this learner (XDG_STATE_HOME). */
export function tourEnv(state: string): Record<string, string> {
  return { NO_COLOR: '1', XDG_STATE_HOME: state };
}

/** The tour at 80x24 without colour, resumed at `lesson` (1-based) as if the earlier ones were done. */
export async function startTourAt(state: string, lesson: number, extraArgs: readonly string[] = []): Promise<PtyApp> {
  mkdirSync(workDir(state), { recursive: true });
  if (lesson > 1) {
    mkdirSync(join(state, 'ec-access'), { recursive: true });
    const completed = LESSONS.slice(0, lesson - 1).map((l) => l.id);
    writeFileSync(progressFile(state), JSON.stringify({ version: 1, current: lesson - 1, completed }));
  }
  // The learner's working folder: where a saved secret lands.
  const app = await launch({ args: ['tour', ...extraArgs], cols: 80, rows: 24, env: tourEnv(state), cwd: workDir(state) });
  await app.waitForText(`TOUR ${lesson}/${LESSONS.length}`, { timeoutMs: 15_000 });
  return app;
}

export const workDir = (state: string) => join(state, 'work');

/**
 * Types `text` into the field at the cursor (▶), waits until the field shows it all, then presses enter: panels
 * that take typed confirmations do not split a fast "text⏎" chunk, so the enter must come on its own.
 */
export async function typeAndEnter(app: PtyApp, text: string): Promise<void> {
  await app.type(text);
  await app.waitFor((s) => cursorLine(s).includes(`▶ ${text}`), `the field to show "${text}"`);
  await app.press('enter');
}

/** space on a checklist row, waiting until its box flips: a key sent on too soon could share its read. */
export async function toggle(app: PtyApp): Promise<void> {
  const before = cursorLine(app.screen());
  await app.press(' ');
  await app.waitFor((s) => cursorLine(s) !== before, 'the option to be ticked');
}

/**
 * / on a list, type `text`, enter keeps the filter. Each step waits for the screen first: typed too soon, the
 * letters would be list keys (d removes!).
 */
export async function filterList(app: PtyApp, text: string): Promise<void> {
  await app.press('/');
  await app.waitForText('keep filter');
  await app.type(text);
  await app.waitForText(`/${text}`);
  await app.press('enter');
  await app.waitFor((s) => !/keep filter/.test(s), 'the filter to be kept');
}

export function savedProgress(state: string): { current: number; completed: string[] } {
  return JSON.parse(readFileSync(progressFile(state), 'utf8')) as { current: number; completed: string[] };
}

/** The rows inside the panel box, without the borders. */
function boxRows(screen: string): string[] {
  return screen.split('\n').map((l) => /^[│|](.*)[│|]$/.exec(l)?.[1]?.trimEnd()).filter((l): l is string => l !== undefined);
}

/** The rows inside the panel box, without the borders (exported for layout checks). */
export const panelRows = (screen: string) => boxRows(screen);

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
export async function readLessonPanel(app: PtyApp, lesson: number, eachWindow?: (screen: string) => void): Promise<string> {
  await openLessonPanel(app, lesson);
  return readOpenPanel(app, eachWindow);
}

/** t, then wait for the panel (and, for lessons the tour checks itself, the verdict). */
export async function openLessonPanel(app: PtyApp, lesson: number): Promise<void> {
  await app.press('t');
  await app.waitForText(`Lesson ${lesson} of ${LESSONS.length}`);
  if (!LESSONS[lesson - 1]?.question) {
    await app.waitFor((s) => boxRows(s).some((r) => /^ [✓✗] /.test(r)) && !s.includes('Checking the sandbox'), 'the lesson check');
  }
}

/** Scrolls the open panel from where it is to the end; `eachWindow` sees every screen on the way. */
export async function readOpenPanel(app: PtyApp, eachWindow: (screen: string) => void = () => {}): Promise<string> {
  const rows = (screen: string) => boxRows(screen).slice(0, -1); // the last row is the key line
  const moreBelow = (screen: string) => (boxRows(screen).at(-1) ?? '').includes('more below');
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
export async function closePanel(app: PtyApp): Promise<void> {
  await app.press('esc');
  // The box title, not the heading: a panel scrolled down no longer shows its heading.
  await app.waitFor((s) => !s.includes('╭─ Tour '), 'the lesson panel to close');
}

/** The panel's rows trimmed and run together, so a URL broken over lines reads as one. */
export const joinedRows = (screen: string) => boxRows(screen).map((r) => r.trim()).join('');

/** Waits until the wizard asks `title` (its question line, not an answered step's summary). */
export function waitForQuestion(app: PtyApp, title: string): Promise<string> {
  return app.waitFor((s) => boxRows(s).some((r) => r.startsWith(` ${title}`)), `the wizard to ask "${title}"`);
}

/** The line the cursor (▶) is on in a wizard list. */
export const cursorLine = (screen: string) => screen.split('\n').find((l) => /[│|]\s*▶/.test(l)) ?? '';

/** A wizard list's visible options, the cursor's among them, and whether more follow below (the `n/m` line). */
function listView(screen: string): { options: string[]; cursor: number; moreBelow: boolean } {
  const rows = boxRows(screen);
  const options = rows.filter((r) => /^ [▶ ] [([][ x•][)\]] /.test(r));
  const position = rows.map((r) => /^\s+(\d+)\/(\d+)$/.exec(r)).find(Boolean);
  return { options, cursor: options.findIndex((r) => r.startsWith(' ▶')), moreBelow: position ? Number(position[1]) < Number(position[2]) : false };
}

/**
 * Moves a wizard list's cursor onto the row showing `label`, the way a learner finds an option by reading; each
 * key waits for the cursor to move, so a slow frame is never mistaken for the end of the list.
 */
export async function pointAt(app: PtyApp, label: string | RegExp): Promise<void> {
  const matches = (l: string) => (typeof label === 'string' ? l.includes(label) : label.test(l));
  for (let i = 0; i < 60; i++) {
    const screen = app.screen();
    if (matches(cursorLine(screen))) return;
    const { options, cursor, moreBelow } = listView(screen);
    const target = options.findIndex(matches);
    const direction = target >= 0 && target < cursor ? 'up' : 'down';
    if (target < 0 && (cursor < 0 || (cursor === options.length - 1 && !moreBelow))) break;
    const before = cursorLine(screen);
    await app.press(direction);
    await app.waitFor((s) => cursorLine(s) !== before, `the cursor to move ${direction}`);
  }
  throw new Error(`no option ${String(label)} in the list:\n${app.screen()}`);
}

/** The lesson bar once the tour's own check (from the sandbox state) passed; the panel then says what passed. */
export function waitForLessonPassed(app: PtyApp): Promise<string> {
  return app.waitForText('✓ Goal reached: t shows what happened', { timeoutMs: 15_000 });
}

/** t, read what happened (the summary and the requests sent), enter for the next lesson; returns the panel text. */
export async function finishLesson(app: PtyApp, lesson: number, summary: RegExp): Promise<string> {
  const text = await readLessonPanel(app, lesson);
  expect(prose(text)).toMatch(summary);
  expect(text).toContain('Requests the sandbox received for this:');
  await app.press('enter');
  if (lesson < LESSONS.length) await app.waitForText(`Lesson ${lesson + 1} of ${LESSONS.length}`);
  else await app.waitForText('Tour complete');
  return text;
}
