/**
 * One list row as a single line of text. Memoized: moving the cursor re-renders the two rows whose selection
 * changed, not the page.
 */
import { Text } from 'ink';
import { memo } from 'react';
import type { Highlights } from '../src/ui/list-filter.js';
import { fit, type Column, type Row } from '../src/ui/list-model.js';
import { useTheme, type Theme } from '../src/ui/theme.js';

interface Props {
  readonly row: Row;
  readonly columns: readonly Column<Row>[];
  readonly widths: readonly number[];
  readonly selected: boolean;
  readonly highlights: Highlights | undefined;
  /** Marked for a bulk action: shown in the pointer column, so it reads without colour. */
  readonly marked?: boolean;
}

/** Split a fitted cell into plain and matched runs. */
function cell(text: string, matched: readonly number[] | undefined, theme: Theme, key: string, tone: string | undefined) {
  if (!matched) return <Text key={key} color={tone}>{text}</Text>;
  const hits = new Set(matched);
  const chars = Array.from(text);
  const runs: { text: string; hit: boolean }[] = [];
  chars.forEach((ch, i) => {
    const hit = hits.has(i);
    const last = runs.at(-1);
    if (last && last.hit === hit) last.text += ch;
    else runs.push({ text: ch, hit });
  });
  return (
    <Text key={key} color={tone}>
      {runs.map((run, i) =>
        run.hit ? (
          // Underline keeps matches visible without colour.
          <Text key={i} color={theme.colorOf('match')} bold underline>
            {run.text}
          </Text>
        ) : (
          run.text
        ),
      )}
    </Text>
  );
}

export const ListRow = memo(function ListRow({ row, columns, widths, selected, highlights, marked }: Props) {
  const theme = useTheme();
  const pointer = `${selected ? theme.symbols.pointer : ' '}${marked ? theme.symbols.bullet : ' '}`;
  const pointerWidth = Array.from(theme.symbols.pointer).length + 1;
  return (
    <Text wrap="truncate" inverse={selected}>
      <Text color={theme.colorOf('accent')}>{pointer.padEnd(pointerWidth)}</Text>
      {columns.map((column, i) => {
        const width = widths[i] ?? column.width;
        const text = fit(column.text(row), width, theme.symbols.ellipsis) + (i < columns.length - 1 ? ' ' : '');
        const tone = column.tone?.(row);
        return cell(text, highlights?.[i], theme, String(i), tone ? theme.colorOf(tone) : undefined);
      })}
    </Text>
  );
});
