/**
 * What the ec-access screen looks like, in one place: the scenarios say "wait for the members list", this file
 * knows that means a ` Members[12]` box title. When the TUI's wording changes, only this file changes.
 * (Texts come from components/Header.tsx, Footer.tsx, ListScreen.tsx, Overlays.tsx and screens/*.ts.)
 */
import { previewedRequests, type PreviewedRequest } from '../support/request-preview.js';
import type { PtyApp, WaitOptions } from './harness.js';

/** The header badge in sandbox mode (ASCII terminals get a hyphen instead of the dash). */
export const SANDBOX_LABEL = /SANDBOX [—-] simulated organization/;
/** The header's first line starts with the program name. */
export const HEADER_LINE = /^\s*ec-access\s{2}/;
/** The tab line: all four screens, numbered. */
export const TABS_LINE = /1 Members.*2 Projects.*3 Roles.*4 Keys/;
/** The footer always offers quit and help while browsing. */
export const FOOTER_LINE = /q quit {2}\? help/;
export const HELP_OPEN = /Help.*generated from the key-binding table/;

export type ScreenName = 'Members' | 'Projects' | 'Roles' | 'Keys';

/** A screen's list box title once its rows are in: ` Members[12] sort:email `. */
export function listTitle(screen: ScreenName): RegExp {
  return new RegExp(`${screen}\\[\\d+(/\\d+)?\\]`);
}

/** The app's own words for a list that failed to load (ListScreen.tsx, StatusLine.tsx). */
export const LOAD_FAILED = /Could not load|Loading .* failed/;

/**
 * Loaded = the title has a count and nothing is loading any more ("Loading…" in the box, or "Loading members,
 * invitations…" on the status line). A load failure ends the wait at once, with the screen in the error.
 */
export async function waitForList(app: PtyApp, screen: ScreenName, options: WaitOptions = {}): Promise<string> {
  return app.waitFor(
    (s) => {
      if (LOAD_FAILED.test(s)) throw new Error(`the ${screen} list failed to load:\n${s}`);
      return listTitle(screen).test(s) && !/\bLoading\b/.test(s);
    },
    `the ${screen} list with its data`,
    options,
  );
}

/** How many visible lines match `pattern`. */
export function countLines(app: PtyApp, pattern: RegExp): number {
  return app.lines().filter((l) => pattern.test(l)).length;
}

/**
 * Everything wrong with the frame's layout, as readable sentences (empty when it is clean): wrapped rows,
 * a missing or repeated header, tab line or footer.
 */
export function layoutProblems(app: PtyApp): string[] {
  const problems: string[] = [];
  const lines = app.lines();
  const wrapped = app.wrappedRows();
  // A line can never be wider than the terminal's buffer; text written wider shows up as wrapped rows instead.
  if (wrapped.length > 0) problems.push(`rows ${wrapped.join(', ')} are wrapped continuations (something wider than ${app.cols} columns)`);
  for (const [name, pattern] of [['header', HEADER_LINE], ['tab line', TABS_LINE], ['footer', FOOTER_LINE]] as const) {
    const n = countLines(app, pattern);
    if (n !== 1) problems.push(`the ${name} appears ${n} times (expected once)`);
  }
  if (!HEADER_LINE.test(lines[0] ?? '')) problems.push('the first line is not the header');
  const lastNonBlank = [...lines].reverse().find((l) => l.trim() !== '') ?? '';
  if (!FOOTER_LINE.test(lastNonBlank)) problems.push('the last line with text is not the footer');
  return problems;
}

/** The wizard's option pointer (components/wizard/fields.tsx) on a line, and the option text after it. */
const POINTER = '▶';

function optionRows(app: PtyApp): { pointed: number; rows: string[] } {
  const rows = app.lines().map((l) => l.replace(/^[│|]+/, ''));
  return { pointed: rows.findIndex((l) => l.trimStart().startsWith(POINTER)), rows };
}

/**
 * Moves a wizard list's pointer onto the option whose line contains `label` (without choosing it), one arrow key
 * at a time, waiting for each move to show. Fails with the screen when no such option is reachable.
 */
export async function pointAt(app: PtyApp, label: string, options: WaitOptions = {}): Promise<void> {
  await app.waitFor((s) => s.includes(label) && s.includes(POINTER), `an option "${label}"`, options);
  for (let moves = 0; moves < 60; moves++) {
    const { pointed, rows } = optionRows(app);
    if (pointed >= 0 && rows[pointed]!.includes(label)) return;
    const target = rows.findIndex((l) => l.includes(label));
    const key = target >= 0 && target < pointed ? 'up' : 'down';
    const before = rows.join('\n');
    await app.press(key);
    // The pointer (or the list under it) must move before the next decision.
    await app.waitFor(() => optionRows(app).rows.join('\n') !== before, `the pointer to move ${key} towards "${label}"`, options);
  }
  throw new Error(`could not point at "${label}"\n${app.screen()}`);
}

/** The wizard's review, before anything is sent (components/wizard/Wizard.tsx, PlanRunner.tsx). */
export const REVIEW_OPEN = /nothing is sent until you press enter/;
const PLAN_END = 'Nothing has been sent yet.';

/**
 * Every request of the plan under review, whole. A plan taller than the screen is scrolled a line at a time, so
 * each request is read once its body is entirely in view. Call on the review screen, before enter; a plan that
 * fits (pick a terminal tall enough) needs no scrolling.
 */
export async function reviewRequests(app: PtyApp): Promise<PreviewedRequest[]> {
  await app.waitForText(REVIEW_OPEN);
  const found = new Map<string, PreviewedRequest>();
  for (let line = 0; line < 300; line++) {
    const screen = app.screen();
    for (const r of previewedRequests(screen)) if (r.body !== undefined || !found.has(`${r.method} ${r.url}`)) found.set(`${r.method} ${r.url}`, r);
    if (screen.includes(PLAN_END)) return [...found.values()];
    await app.press('down');
    await app.waitFor((s) => s !== screen, 'the preview to scroll');
  }
  throw new Error(`the end of the plan never came into view\n${app.screen()}`);
}

/** After the plan ran: scrolls the result down until `text` (a verification under the requests) is in view. */
export async function scrollPlanTo(app: PtyApp, text: string, options: WaitOptions = {}): Promise<string> {
  await app.waitForText(/enter\/esc close/, options);
  for (let page = 0; page < 20 && !app.screen().includes(text); page++) await app.press('pagedown');
  return app.waitForText(text, options);
}

/** The 32-hex project id a picker shows next to the project's name ("search-prod  elasticsearch · 069c…"). */
export function projectIdOnScreen(app: PtyApp, name: string): string {
  const row = app.lines().find((l) => new RegExp(`\\] ${name}\\s`).test(l));
  const id = /\b([0-9a-f]{32})\b/.exec(row ?? '')?.[1];
  if (!id) throw new Error(`no project id next to ${name} on screen\n${app.screen()}`);
  return id;
}
