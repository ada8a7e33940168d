/**
 * Helpers that scripts/dependency-patches.mjs splices into Ink's dependencies as scripts/bundle.mjs bundles them
 * (patches tokenize-line-diff, tokenize-graphemes, string-width-narrow); pure and tested here against the code they
 * stand in for.
 */

/**
 * The symbols the app draws with (general punctuation such as … and —, arrows, box drawing, blocks and geometric
 * shapes short of the emoji ones, check marks, the spinner's braille): each one column wide and a grapheme of its own.
 * Escaped, so the patterns' sources list them as ranges (the tests read them back).
 */
const SYMBOLS =
  '\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2500-\\u259F\\u25A0-\\u25FC\\u2713\\u2717\\u2800-\\u28FF';

/**
 * Letters and signs that each take one column and are a grapheme of their own: Latin-1 without the soft hyphen (no
 * column), the Latin extensions, IPA and spacing modifiers, Greek and Cyrillic, skipping their combining marks and
 * unassigned points. Most people's names are written in them.
 */
const LETTERS =
  '\\u00A0-\\u00AC\\u00AE-\\u02FF\\u0370-\\u0377\\u037A-\\u037F\\u0384-\\u038A\\u038C\\u038E-\\u03A1\\u03A3-\\u0482\\u048A-\\u052F';

/**
 * Text made only of characters one column wide each, one character per grapheme: printable ASCII, LETTERS and the
 * symbols the app draws with (box drawing, arrows, bullets, check marks, the spinner's braille), none of them
 * combining, emoji or wide. string-width measures such text by segmenting it into graphemes and testing each against
 * Unicode property regexes (the first such text of a process costs about 7 ms, a CJK one about 20: the regexes
 * compile on first use); its own fast path covers ASCII only, so any line with a border or a name such as "Dvořák"
 * went the slow way. Only valid with
 * ambiguous characters counted narrow (string-width's default), as several of these are East Asian Ambiguous.
 */
export const NARROW_TEXT = new RegExp(`^[\\u0020-\\u007E${LETTERS}${SYMBOLS}]*$`);

/**
 * Text in which every UTF-16 unit is a grapheme of its own: NARROW_TEXT's characters and the escape character. No
 * surrogate pairs, combining marks, joiners, variation selectors or CR LF, so segmenting it into graphemes splits it
 * into its units.
 */
export const SINGLE_UNIT_GRAPHEMES = new RegExp(`^[\\u001B\\u0020-\\u007E${LETTERS}${SYMBOLS}]*$`);

interface Grapheme {
  readonly segment: string;
  readonly index: number;
}

/**
 * `segmenter.segment(text)`, without the segmenter when SINGLE_UNIT_GRAPHEMES holds (the same segments, about ten
 * times faster). @alcalzone/ansi-tokenize segments every line Ink draws this way.
 */
export function graphemesOf(segmenter: Intl.Segmenter, text: string): Iterable<Grapheme> {
  if (!SINGLE_UNIT_GRAPHEMES.test(text)) return segmenter.segment(text);
  const units = new Array<Grapheme>(text.length);
  for (let i = 0; i < text.length; i++) units[i] = { segment: text[i]!, index: i };
  return units;
}

interface AnsiCode {
  readonly code: string;
  readonly endCode: string;
}

/**
 * @alcalzone/ansi-tokenize's styledCharsToString, which Ink runs on every row of every frame, with the same answer.
 * It diffed the styles of each pair of neighbouring cells with three Sets and several arrays: about ten objects per
 * cell, most of the garbage a keystroke made. Neighbours that share their styles array (the characters between two
 * escape codes do) or that are both unstyled (blank cells each get an empty array of their own) need no escape
 * codes, so the diff runs only where the style really changes. The package's own diff and code printer are passed
 * in: what it prints at a change stays its business.
 */
export function styledCharsToLine<C extends AnsiCode>(
  chars: readonly { readonly value: string; readonly styles: C[] }[],
  diff: (from: C[], to: C[]) => C[],
  codesToString: (codes: C[]) => string,
): string {
  if (chars.length === 0) return '';
  let styles = chars[0]!.styles;
  let line = styles.length > 0 ? codesToString(styles) : '';
  line += chars[0]!.value;
  for (let i = 1; i < chars.length; i++) {
    const char = chars[i]!;
    if (char.styles !== styles && (char.styles.length > 0 || styles.length > 0))
      line += codesToString(diff(styles, char.styles));
    styles = char.styles;
    line += char.value;
  }
  return styles.length > 0 ? line + codesToString(diff(styles, [])) : line;
}
