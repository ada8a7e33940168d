/**
 * A windowed table: only the rows that fit are rendered, whatever the list length, and the window moves only as
 * far as needed to keep the selection visible.
 */
import { Text } from 'ink';
import { useMemo } from 'react';
import type { FilteredList } from '../src/ui/list-filter.js';
import { fitColumns, type ContentWidths } from '../src/ui/column-fit.js';
import { fit, type Column, type Row } from '../src/ui/list-model.js';
import { useTheme } from '../src/ui/theme.js';
import { useWindowStart } from '../src/ui/use-window-start.js';
import { ListRow } from './ListRow.js';

interface Props {
  readonly columns: readonly Column<Row>[];
  readonly list: FilteredList<Row>;
  /** The screen's measures of its rows' cells: what the columns of `list` need. */
  readonly contentWidths: ContentWidths<Row>;
  readonly selected: number;
  readonly width: number;
  readonly height: number;
  readonly marked?: ReadonlySet<string>;
}

export function ListView({ columns, list, contentWidths, selected, width, height, marked }: Props) {
  const theme = useTheme();
  const start = useWindowStart(selected, height, list.items.length);
  const pointerWidth = Array.from(theme.symbols.pointer).length + 1;
  // Borders take two columns; the pointer column is shared by every row.
  // Measured on the list as it stands (filtered: its own rows), so the columns give room where the content needs it.
  const needs = contentWidths.of(list.items);
  const widths = useMemo(
    () => fitColumns(columns, needs, width - 2 - pointerWidth),
    [columns, needs, width, pointerWidth],
  );
  const header = ' '.repeat(pointerWidth) + columns.map((c, i) => fit(c.header, widths[i] ?? c.width, '')).join(' ');
  const visible = list.items.slice(start, start + height);
  return (
    <>
      <Text wrap="truncate" bold color={theme.colorOf('muted')}>
        {header}
      </Text>
      {visible.map((item, i) => (
        <ListRow
          // Keyed by place in the window, not by row: when a filter keystroke or a page move brings other rows
          // into view, each line's elements are updated in place instead of unmounted and mounted again.
          key={i}
          row={item.row}
          columns={columns}
          widths={widths}
          selected={start + i === selected}
          highlights={list.highlightsOf(item)}
          marked={marked?.has(item.row.id) ?? false}
        />
      ))}
    </>
  );
}
