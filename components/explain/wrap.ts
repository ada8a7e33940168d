import { sliceColumns, textWidth } from '../../src/ui/text-width.js';

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

/** One line of at most `width`: the text, or as many whole words as fit followed by the ellipsis. */
export function fitWords(text: string, width: number, ellipsis: string): string {
  if (textWidth(text) <= width) return text;
  const [first = ''] = wrapWords(text, Math.max(1, width - textWidth(ellipsis) - 1));
  return `${first} ${ellipsis}`;
}
