import { textWidth, wrapWords } from '../../src/ui/text-width.js';

// In the text module, so that src/ui (the help's columns) wraps with it too.
export { wrapWords } from '../../src/ui/text-width.js';

/** One line of at most `width`: the text, or as many whole words as fit followed by the ellipsis. */
export function fitWords(text: string, width: number, ellipsis: string): string {
  if (textWidth(text) <= width) return text;
  const [first = ''] = wrapWords(text, Math.max(1, width - textWidth(ellipsis) - 1));
  return `${first} ${ellipsis}`;
}
