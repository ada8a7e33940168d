/**
 * Word wrapping for prose in panels (a finding's "why", a reason chain), keeping each character's tone. Wrapped
 * lines keep the first line's indent so they stay under their heading; a word longer than a line is cut.
 */
import type { Line, Segment } from '../../src/ui/lines.js';

interface Cell {
  readonly ch: string;
  readonly segment: Segment;
}

function toLine(cells: readonly Cell[]): Line {
  const out: Segment[] = [];
  for (const { ch, segment } of cells) {
    const last = out.at(-1);
    if (last && last.tone === segment.tone && last.bold === segment.bold)
      out[out.length - 1] = { ...last, text: last.text + ch };
    else out.push({ ...segment, text: ch });
  }
  return out;
}

export function wrapLine(l: Line, width: number): Line[] {
  const cells = l.flatMap((segment) => Array.from(segment.text, (ch): Cell => ({ ch, segment })));
  const indent = cells.findIndex((c) => c.ch !== ' ');
  if (cells.length <= width || indent < 0) return [l];
  const lead = cells.slice(0, indent);
  const room = Math.max(1, width - indent);
  const lines: Line[] = [];
  let rest = cells.slice(indent);
  while (rest.length > room) {
    const space = rest
      .slice(0, room + 1)
      .map((c) => c.ch)
      .lastIndexOf(' ');
    const cut = space > 0 ? space : room;
    lines.push(toLine([...lead, ...rest.slice(0, cut)]));
    rest = rest.slice(cut);
    while (rest[0]?.ch === ' ') rest = rest.slice(1);
  }
  if (rest.length > 0) lines.push(toLine([...lead, ...rest]));
  return lines;
}
