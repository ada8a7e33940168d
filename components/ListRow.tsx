/**
 * One list row as a single line of text, and a single text node: its styles are written into the text
 * (src/ui/paint.ts) rather than nested <Text> elements. Memoized: moving the cursor re-renders the two rows whose
 * selection changed, not the page.
 */
import { Text } from 'ink';
import { memo } from 'react';
import type { Highlights } from '../src/ui/list-filter.js';
import { fit, type Column, type Row } from '../src/ui/list-model.js';
import { paint, type Style } from '../src/ui/paint.js';
import { useTheme, type Theme } from '../src/ui/theme.js';
import { inertText } from '../src/util/inert-text.js';

interface Props {
  readonly row: Row;
  readonly columns: readonly Column<Row>[];
  readonly widths: readonly number[];
  readonly selected: boolean;
  readonly highlights: Highlights | undefined;
  /** Marked for a bulk action: shown in the pointer column, so it reads without colour. */
  readonly marked?: boolean;
}

/** The styles cells are painted with, one object per colour: rows are drawn anew on every keystroke of a filter. */
const toneStyles = new Map<string | undefined, Style>();
const matchStyles = new Map<string | undefined, Style>();

function toneStyle(color: string | undefined): Style {
  let style = toneStyles.get(color);
  if (!style) toneStyles.set(color, (style = { color }));
  return style;
}

/** Underline keeps matches visible without colour. */
function matchStyle(color: string | undefined): Style {
  let style = matchStyles.get(color);
  if (!style) matchStyles.set(color, (style = { color, bold: true, underline: true }));
  return style;
}

/**
 * A fitted cell, its matched characters styled as matches, all of it in the column's tone. Runs are sliced from the
 * text as it is walked (no array of its characters): rows are drawn anew on every keystroke of a filter.
 */
function cell(text: string, matched: readonly number[] | undefined, theme: Theme, tone: string | undefined): string {
  if (!matched || matched.length === 0) return paint(text, toneStyle(tone));
  const style = matchStyle(theme.colorOf('match'));
  let runs = '';
  let runStart = 0;
  let runIsHit = false;
  let next = 0;
  let point = 0;
  for (let i = 0; i < text.length; point++) {
    while (next < matched.length && matched[next]! < point) next++;
    const hit = matched[next] === point;
    if (i > runStart && hit !== runIsHit) {
      runs += runIsHit ? paint(text.slice(runStart, i), style) : text.slice(runStart, i);
      runStart = i;
    }
    runIsHit = hit;
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  const last = text.slice(runStart);
  runs += runIsHit ? paint(last, style) : last;
  return paint(runs, toneStyle(tone));
}

export const ListRow = memo(function ListRow({ row, columns, widths, selected, highlights, marked }: Props) {
  const theme = useTheme();
  const pointer = `${selected ? theme.symbols.pointer : ' '}${marked ? theme.symbols.bullet : ' '}`;
  const pointerWidth = Array.from(theme.symbols.pointer).length + 1;
  let text = paint(pointer.padEnd(pointerWidth), toneStyle(theme.colorOf('accent')));
  columns.forEach((column, i) => {
    const width = widths[i] ?? column.width;
    // Cells can hold server identifiers kept exact for requests (role names, ids): shown, never obeyed.
    const fitted =
      fit(inertText(column.text(row)), width, theme.symbols.ellipsis) + (i < columns.length - 1 ? ' ' : '');
    const tone = column.tone?.(row);
    text += cell(fitted, highlights?.[i], theme, tone ? theme.colorOf(tone) : undefined);
  });
  return (
    <Text wrap="truncate" inverse={selected}>
      {text}
    </Text>
  );
});
