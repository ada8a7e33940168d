/**
 * What the ec-access screen looks like, in one place: the scenarios say "wait for the members list", this file
 * knows that means a ` Members[12]` box title. When the TUI's wording changes, only this file changes.
 * (Texts come from components/Header.tsx, Footer.tsx, ListScreen.tsx, Overlays.tsx and screens/*.ts.)
 */
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
