/**
 * Text measured in terminal columns, the one place that knows a CJK character or an emoji takes two columns and a
 * combining mark none. Every layout that pads, cuts or wraps text (list cells, the word wrappers) goes through it,
 * so a wide character never shifts the columns after it. string-width is the measure Ink itself lays out with.
 */
import stringWidth from 'string-width';
// NARROW_TEXT: most names, addresses and ids are such text, measured and cut by their length. List rows are fitted
// on every keystroke of a filter, and segmenting them into graphemes allocated more than anything else in our code.
import { NARROW_TEXT, SINGLE_UNIT_GRAPHEMES } from './ink-fast-paths.js';

/** Made when first needed: the first Intl.Segmenter of a process loads ICU's break rules (about 7 ms). */
let segmenter: Intl.Segmenter | undefined;

/** Columns `text` takes on a terminal. */
export function textWidth(text: string): number {
  return NARROW_TEXT.test(text) ? text.length : stringWidth(text);
}

/** What the user sees as characters (an emoji with its modifiers, a letter with its accents): never split. */
export function graphemes(text: string): string[] {
  // Nearly all of this app's text is made of characters that are graphemes on their own: split without ICU.
  if (SINGLE_UNIT_GRAPHEMES.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The longest start of `text` that fits in `width` columns (a wide character that would straddle the edge is left out). */
export function sliceColumns(text: string, width: number): string {
  if (NARROW_TEXT.test(text)) return text.slice(0, Math.max(0, width));
  let used = 0;
  let out = '';
  for (const grapheme of graphemes(text)) {
    const w = textWidth(grapheme);
    if (used + w > width) break;
    used += w;
    out += grapheme;
  }
  return out;
}

/** `text` padded with spaces to `width` columns (unchanged when it is already as wide). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Greedy word wrap for prose, in terminal columns; a word longer than the width is cut rather than overflowing the frame. */
export function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = textWidth(word) > width ? sliceColumns(word, width) : word;
    if (line === '') line = piece;
    else if (textWidth(line) + 1 + textWidth(piece) <= width) line += ` ${piece}`;
    else {
      out.push(line);
      line = piece;
    }
  }
  if (line !== '') out.push(line);
  return out;
}
