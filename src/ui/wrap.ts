/**
 * Word wrapping for prose in panels (a finding's "why", a reason chain), keeping each character's tone. Wrapped
 * lines keep the first line's indent so they stay under their heading (`hang` columns further in, so a list's
 * continuation reads as one); a word longer than a line is cut.
 */
import type { Line, Segment } from './lines.js';
import { graphemes, textWidth } from './text-width.js';

interface Cell {
  readonly ch: string;
  /** Terminal columns (2 for CJK and emoji). */
  readonly width: number;
  readonly segment: Segment;
}

const widthOf = (cells: readonly Cell[]) => cells.reduce((sum, c) => sum + c.width, 0);

/** How many cells from the start fit in `room` columns; at least one, so that a line always moves on. */
function fitting(cells: readonly Cell[], room: number): number {
  let used = 0;
  let count = 0;
  for (const cell of cells) {
    if (used + cell.width > room) break;
    used += cell.width;
    count++;
  }
  return Math.max(1, count);
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

export function wrapLine(l: Line, width: number, hang = 0): Line[] {
  const cells = l.flatMap((segment) =>
    graphemes(segment.text).map((ch): Cell => ({ ch, width: textWidth(ch), segment })),
  );
  const indent = cells.findIndex((c) => c.ch !== ' ');
  if (widthOf(cells) <= width || indent < 0) return [l];
  const lead = cells.slice(0, indent);
  const hanging = [
    ...lead,
    ...Array.from({ length: hang }, (): Cell => ({ ch: ' ', width: 1, segment: cells[0]!.segment })),
  ];
  const lines: Line[] = [];
  let rest = cells.slice(indent);
  for (let room = Math.max(1, width - indent); widthOf(rest) > room; room = Math.max(1, width - indent - hang)) {
    const fits = fitting(rest, room);
    // A space just past the edge still ends a line that fits exactly.
    const space = rest
      .slice(0, fits + 1)
      .map((c) => c.ch)
      .lastIndexOf(' ');
    const cut = space > 0 ? space : fits;
    lines.push(toLine([...(lines.length === 0 ? lead : hanging), ...rest.slice(0, cut)]));
    rest = rest.slice(cut);
    while (rest[0]?.ch === ' ') rest = rest.slice(1);
  }
  if (rest.length > 0) lines.push(toLine([...(lines.length === 0 ? lead : hanging), ...rest]));
  return lines;
}
