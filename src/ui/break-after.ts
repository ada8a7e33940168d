/**
 * Fitting machine text (URLs, compact JSON) into a width without changing a character: greedy packing that may
 * break after any of the given characters (a slash, a comma), splitting inside only a piece longer than a line.
 * Prose uses word wrapping instead (components/explain/wrap.ts).
 */
export function breakAfter(text: string, width: number, after: string): string[] {
  const room = Math.max(8, width);
  const pieces: string[] = [];
  let piece = '';
  for (const ch of text) {
    piece += ch;
    if (after.includes(ch) || piece.length === room) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece) pieces.push(piece);
  const out: string[] = [];
  for (const p of pieces) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + p.length <= room) out[last] += p;
    else out.push(p);
  }
  return out;
}
