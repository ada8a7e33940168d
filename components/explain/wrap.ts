/** Greedy word wrap for prose; a word longer than the width is cut rather than overflowing the frame. */
export function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? word.slice(0, width) : word;
    if (line === '') line = piece;
    else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
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
  if (text.length <= width) return text;
  const [first = ''] = wrapWords(text, Math.max(1, width - ellipsis.length - 1));
  return `${first} ${ellipsis}`;
}
