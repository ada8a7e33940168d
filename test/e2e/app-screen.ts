/**
 * What the ec-access screen looks like, in one place: the scenarios say "wait for the members list", this file
 * knows that means a ` Members[12]` box title. When the TUI's wording changes, only this file changes.
 * (Texts come from components/Header.tsx, Footer.tsx, ListScreen.tsx, Overlays.tsx and screens/*.ts.)
 */
import { previewedRequests, type PreviewedRequest } from '../support/request-preview.js';
import type { ScreenApp, WaitOptions } from './harness.js';

/** The header badge in sandbox mode (ASCII terminals get a hyphen instead of the dash). */
export const SANDBOX_LABEL = /SANDBOX [—-] simulated organization/;
/** The header's first line starts with the program name. */
export const HEADER_LINE = /^\s*ec-access\s{2}/;
/** The tab line: all four screens, numbered. */
export const TABS_LINE = /1 Members.*2 Projects.*3 Roles.*4 Keys/;
/** The footer always offers quit while browsing (after the screen's own actions; help too where there is room). */
export const FOOTER_LINE = /(^| {2})q quit( {2}|$)/;
/** The footer: the frame's last non-blank line (the screen's last row stays free). */
export const footerOf = (app: ScreenApp) =>
  (
    app
      .lines()
      .filter((l) => l.trim() !== '')
      .at(-1) ?? ''
  ).trim();

export const HELP_OPEN = /Help.*generated from the key-binding table/;

export type ScreenName = 'Members' | 'Projects' | 'Roles' | 'Keys' | 'Deployments';

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
export async function waitForList(app: ScreenApp, screen: ScreenName, options: WaitOptions = {}): Promise<string> {
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
export function countLines(app: ScreenApp, pattern: RegExp): number {
  return app.lines().filter((l) => pattern.test(l)).length;
}

/**
 * Everything wrong with the frame's layout, as readable sentences (empty when it is clean): wrapped rows,
 * a missing or repeated header, tab line or footer.
 */
export function layoutProblems(app: ScreenApp): string[] {
  const problems: string[] = [];
  const lines = app.lines();
  const wrapped = app.wrappedRows();
  // A line can never be wider than the terminal's buffer; text written wider shows up as wrapped rows instead.
  if (wrapped.length > 0)
    problems.push(`rows ${wrapped.join(', ')} are wrapped continuations (something wider than ${app.cols} columns)`);
  for (const [name, pattern] of [
    ['header', HEADER_LINE],
    ['tab line', TABS_LINE],
    ['footer', FOOTER_LINE],
  ] as const) {
    const n = countLines(app, pattern);
    if (n !== 1) problems.push(`the ${name} appears ${n} times (expected once)`);
  }
  if (!HEADER_LINE.test(lines[0] ?? '')) problems.push('the first line is not the header');
  const lastNonBlank = [...lines].reverse().find((l) => l.trim() !== '') ?? '';
  if (!FOOTER_LINE.test(lastNonBlank)) problems.push('the last line with text is not the footer');
  return problems;
}

/** The rows inside the (outermost) panel box, without its borders. */
export function panelRows(screen: string): string[] {
  return screen
    .split('\n')
    .map((l) => /^[│|](.*)[│|]$/.exec(l)?.[1]?.trimEnd())
    .filter((l): l is string => l !== undefined);
}

/** The panel's rows trimmed and run together, so a URL broken over lines reads as one. */
export const joinedRows = (screen: string) =>
  panelRows(screen)
    .map((r) => r.trim())
    .join('');

/** The line the wizard's pointer (▶, components/wizard/fields.tsx) is on: a field being typed into, or a list option. */
export const cursorLine = (screen: string) => screen.split('\n').find((l) => /[│|]\s*▶/.test(l)) ?? '';

/** Waits until the wizard asks `title` (its question line, not an answered step's summary). */
export function waitForQuestion(app: ScreenApp, title: string, options: WaitOptions = {}): Promise<string> {
  return app.waitFor(
    (s) => panelRows(s).some((r) => r.startsWith(` ${title}`)),
    `the wizard to ask "${title}"`,
    options,
  );
}

/** A wizard list's visible options (`( )`, `[ ]`, `[x]` rows), the pointer's among them, and whether more follow below (the `n/m` line). */
function listView(screen: string): { options: string[]; cursor: number; moreBelow: boolean } {
  const rows = panelRows(screen);
  const options = rows.filter((r) => /^ [▶ ] [([][ x•][)\]] /.test(r));
  const position = rows.map((r) => /^\s+(\d+)\/(\d+)$/.exec(r)).find(Boolean);
  return {
    options,
    cursor: options.findIndex((r) => r.startsWith(' ▶')),
    moreBelow: position ? Number(position[1]) < Number(position[2]) : false,
  };
}

/**
 * Moves a wizard list's pointer onto the option showing `label` (without choosing it), the way a person finds an
 * option by reading: first waits for a list that shows it (or has more below), then one arrow key at a time, each
 * waiting for the pointer to move, so a slow frame is never mistaken for the end of the list. Only option rows
 * count, not the question, its why line or an answered step. Fails with the screen when no such option is reachable.
 */
export async function pointAt(app: ScreenApp, label: string | RegExp, options: WaitOptions = {}): Promise<void> {
  const matches = (row: string) => (typeof label === 'string' ? row.includes(label) : label.test(row));
  await app.waitFor(
    (s) => {
      const view = listView(s);
      return view.cursor >= 0 && (view.options.some(matches) || view.moreBelow);
    },
    `a list with an option ${String(label)}`,
    options,
  );
  for (let moves = 0; moves < 60; moves++) {
    const screen = app.screen();
    if (matches(cursorLine(screen))) return;
    const { options: rows, cursor, moreBelow } = listView(screen);
    const target = rows.findIndex(matches);
    if (target < 0 && (cursor < 0 || (cursor === rows.length - 1 && !moreBelow))) break;
    const key = target >= 0 && target < cursor ? 'up' : 'down';
    const before = cursorLine(screen);
    await app.press(key);
    await app.waitFor((s) => cursorLine(s) !== before, `the pointer to move ${key} towards ${String(label)}`, options);
  }
  throw new Error(`no option ${String(label)} in the list:\n${app.screen()}`);
}

/** Points at the option showing `label` and chooses it (enter). */
export async function choose(app: ScreenApp, label: string | RegExp, options: WaitOptions = {}): Promise<void> {
  await pointAt(app, label, options);
  await app.press('enter');
}

/**
 * Points at the checklist option named `label` (a whole word after its box) and ticks it with space, waiting until
 * the box shows the tick: a key sent on too soon could share its read.
 */
export async function tick(app: ScreenApp, label: string, options: WaitOptions = {}): Promise<void> {
  // The whole name: "read" must not stop at read_view_metadata, nor search-prod at search-prod-eu.
  const name = `${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.@*-])`;
  await pointAt(app, new RegExp(`\\] ${name}`), options);
  await app.press('space');
  await app.waitFor((s) => new RegExp(`\\[x\\] ${name}`).test(cursorLine(s)), `${label} to be ticked`, options);
}

/**
 * Types `text` into the field at the pointer, waits until the field shows all of it (so what enter sends is known,
 * and a field that was not there yet fails here, not later), then presses enter.
 */
export async function typeAndEnter(app: ScreenApp, text: string, options: WaitOptions = {}): Promise<void> {
  await app.type(text);
  await app.waitFor((s) => cursorLine(s).includes(`▶ ${text}`), `the field to show "${text}"`, options);
  await app.press('enter');
}

/** The wizard's review, before anything is sent (components/wizard/Wizard.tsx, PlanRunner.tsx). */
export const REVIEW_OPEN = /nothing is sent until you press enter/;
const PLAN_END = 'Nothing has been sent yet.';

/** Waits for the review; its heading wraps in a narrow terminal, so the words are looked for across rows. */
export function waitForReview(app: ScreenApp, options: WaitOptions = {}): Promise<string> {
  const words = (s: string) =>
    panelRows(s)
      .map((r) => r.replace(/[│|]/g, ' ').trim())
      .join(' ');
  return app.waitFor((s) => REVIEW_OPEN.test(words(s)), 'the review, nothing sent yet', options);
}

/**
 * Every request of the plan under review, whole. A plan taller than the screen is scrolled a line at a time, so
 * each request is read once its body is entirely in view. Call on the review screen, before enter; a plan that
 * fits (pick a terminal tall enough) needs no scrolling.
 */
export async function reviewRequests(app: ScreenApp): Promise<PreviewedRequest[]> {
  await waitForReview(app);
  const found = new Map<string, PreviewedRequest>();
  for (let line = 0; line < 300; line++) {
    const screen = app.screen();
    for (const r of previewedRequests(screen))
      if (r.body !== undefined || !found.has(`${r.method} ${r.url}`)) found.set(`${r.method} ${r.url}`, r);
    if (screen.includes(PLAN_END)) return [...found.values()];
    await app.press('down');
    await app.waitFor((s) => s !== screen, 'the preview to scroll');
  }
  throw new Error(`the end of the plan never came into view\n${app.screen()}`);
}

/**
 * Every panel row the review shows from its top to the plan's end, trimmed, each once, in the order they come into
 * view: what a plan says when a body is taller than the screen, so reviewRequests cannot read it whole. Call on
 * the review, scrolled to its top, before enter.
 */
export async function reviewRows(app: ScreenApp): Promise<string[]> {
  await waitForReview(app);
  const seen = new Set<string>();
  for (let line = 0; line < 300; line++) {
    const screen = app.screen();
    for (const row of panelRows(screen)) seen.add(row.trim());
    if (screen.includes(PLAN_END)) return [...seen];
    await app.press('down');
    await app.waitFor((s) => s !== screen, 'the preview to scroll');
  }
  throw new Error(`the end of the plan never came into view\n${app.screen()}`);
}

/** After the plan ran: scrolls the result down until `text` (a verification under the requests) is in view. */
export async function scrollPlanTo(app: ScreenApp, text: string, options: WaitOptions = {}): Promise<string> {
  // The plan is done when its footer offers to close it (plan.close).
  await app.waitForText(/enter close/, options);
  for (let page = 0; page < 20 && !app.screen().includes(text); page++) await app.press('pagedown');
  return app.waitForText(text, options);
}

/** The 32-hex project id a picker shows next to the project's name ("search-prod  elasticsearch · 069c…"). */
export function projectIdOnScreen(app: ScreenApp, name: string): string {
  const row = app.lines().find((l) => new RegExp(`\\] ${name}\\s`).test(l));
  const id = /\b([0-9a-f]{32})\b/.exec(row ?? '')?.[1];
  if (!id) throw new Error(`no project id next to ${name} on screen\n${app.screen()}`);
  return id;
}
