/**
 * The effective access matrix as a panel: members, open invitations and live keys down, projects across, one
 * compact cell each, and the reason chain of the selected cell underneath. Opened with `A` from any screen.
 */
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { cellExplainLines, cellSegments, KIND_TAG, matrixLegend } from '../../screens/access-lines.js';
import type { PrincipalRef } from '../../src/domain/access/index.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { MATRIX_PANEL } from '../../src/ui/bindings.js';
import { keyLabel } from '../../src/ui/keys.js';
import { layoutFor } from '../../src/ui/layout.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import { fit } from '../../src/ui/list-model.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { useWindowStart } from '../../src/ui/use-window-start.js';
import { LinesView } from '../LinesView.js';
import { Segments } from '../Segments.js';
import { cursorIndex, cursorOn, moveCursor, type Cursor } from './cursor.js';
import { columnPage, fitLine, LABEL_WIDTH, matrixModel, rowId } from './matrix-layout.js';
import { useAllCustomRoles } from './use-custom-roles.js';
import { usePanelKeys } from './use-panel-keys.js';
import { wrapLine } from '../doctor/wrap.js';

/** What to select on opening: a principal's row and/or a project's column. */
export interface MatrixFocus {
  readonly principal?: Pick<PrincipalRef, 'kind' | 'id'>;
  readonly projectId?: string;
}

const EXPLAIN_LINES = 6;
/** Project header, blank before the explanation, legend, key hints. */
const CHROME_LINES = 4;

const ROW_KEYS: Record<string, number> = { up: -1, k: -1, down: 1, j: 1 };
const COLUMN_KEYS: Record<string, number> = { left: -1, h: -1, right: 1, l: 1 };

export function AccessMatrixView({ focus }: { focus?: MatrixFocus }) {
  const { snapshot } = useAppState();
  const { closeOverlay } = useAppActions();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  useAllCustomRoles(snapshot);
  const model = useMemo(() => snapshot && matrixModel(snapshot), [snapshot]);
  const [rowCursor, setRowCursor] = useState<Cursor>(() =>
    cursorOn(focus?.principal && rowId(focus.principal), model?.rowIds ?? []),
  );
  const [columnCursor, setColumnCursor] = useState<Cursor>(() => cursorOn(focus?.projectId, model?.columnIds ?? []));
  const rowIds = model?.rowIds ?? [];
  const columnIds = model?.columnIds ?? [];
  const innerWidth = layout.width - 2;
  const pointerWidth = Array.from(theme.symbols.pointer).length + 1;
  const rowsHeight = Math.max(1, layout.boxInner - CHROME_LINES - EXPLAIN_LINES);
  const row = cursorIndex(rowCursor, rowIds);
  const start = useWindowStart(row, rowsHeight, rowIds.length);
  usePanelKeys((name) => {
    const row = name && ROW_KEYS[name];
    const column = name && COLUMN_KEYS[name];
    if (name === 'escape' || name === 'q') closeOverlay();
    else if (row) setRowCursor((c) => moveCursor(c, rowIds, row));
    else if (column) setColumnCursor((c) => moveCursor(c, columnIds, column));
    else if (name === 'pageup' || name === 'pagedown')
      setRowCursor((c) => moveCursor(c, rowIds, name === 'pageup' ? -rowsHeight : rowsHeight));
  });

  if (!snapshot || !model) return <Text color={theme.colorOf('muted')}>{` Loading${theme.symbols.ellipsis}`}</Text>;
  if (rowIds.length === 0 || columnIds.length === 0) {
    const why =
      columnIds.length === 0
        ? 'No Serverless projects in this organization.'
        : 'Nobody holds access: no members, open invitations or live keys.';
    return <Text color={theme.colorOf('muted')}>{` ${why}`}</Text>;
  }

  const column = cursorIndex(columnCursor, columnIds);
  const page = columnPage(innerWidth - pointerWidth - LABEL_WIDTH, columnIds.length, column);
  const shownColumns = model.matrix.columns.slice(page.first, page.first + page.count);
  const visibleRows = model.matrix.rows.slice(start, start + rowsHeight);
  const { ellipsis } = theme.symbols;

  const header = shownColumns.map((c) => ` ${fit(c.name, page.cellWidth, ellipsis)}`).join('');
  const principal = model.principals[row]!;
  const project = snapshot.projects[column]!;
  const explain: Line[] = [
    line(
      tone('title', `${model.matrix.rows[row]!.label} × ${project.name}`, true),
      tone('muted', ` (${project.type})`),
    ),
    ...cellExplainLines(snapshot, principal, project, theme.symbols).flatMap((l) => wrapLine(l, innerWidth - 2)),
  ];
  const pageHint = page.pages > 1 ? ` (page ${page.page + 1}/${page.pages})` : '';
  const arrows = (a: string, b: string) => `${keyLabel(a, theme.unicode)}/${keyLabel(b, theme.unicode)}`;

  return (
    <Box flexDirection="column" height={layout.boxInner}>
      <Text wrap="truncate" bold color={theme.colorOf('muted')}>
        {' '.repeat(pointerWidth + LABEL_WIDTH) + header}
      </Text>
      <Box flexDirection="column" height={rowsHeight}>
        {visibleRows.map((ref, i) => {
          const r = start + i;
          const selected = r === row;
          const label = fitLine(line(tone('muted', KIND_TAG[ref.kind].padEnd(5)), ref.label), LABEL_WIDTH, ellipsis);
          return (
            <Text key={rowId(ref)} wrap="truncate">
              <Text color={theme.colorOf('accent')}>
                {(selected ? `${theme.symbols.pointer} ` : '').padEnd(pointerWidth)}
              </Text>
              <Text bold={selected}>
                <Segments line={label} />
              </Text>
              {shownColumns.map((_, j) => {
                const cell = model.matrix.cells[r]![page.first + j]!;
                return (
                  <Text key={j}>
                    {' '}
                    <Text inverse={selected && page.first + j === column}>
                      <Segments line={fitLine(cellSegments(cell, theme.symbols), page.cellWidth, ellipsis)} />
                    </Text>
                  </Text>
                );
              })}
            </Text>
          );
        })}
      </Box>
      <Text> </Text>
      <LinesView lines={explain} scroll={0} height={EXPLAIN_LINES} width={innerWidth} />
      <Box flexGrow={1} />
      <Text wrap="truncate">
        {' '}
        <Segments line={matrixLegend(theme.symbols)} />
      </Text>
      <Text wrap="truncate" color={theme.colorOf('muted')}>
        {` ${arrows('up', 'down')} principal   ${arrows('left', 'right')} project${pageHint}   e export   c compare   esc close`}
      </Text>
    </Box>
  );
}

export function openAccessMatrix(actions: AppActions, focus?: MatrixFocus): void {
  actions.openPanel({
    id: MATRIX_PANEL,
    title: 'Effective access (who × project)',
    node: <AccessMatrixView focus={focus} />,
  });
}
