/**
 * The effective access matrix as a panel: members, open invitations and live keys down, projects across, one
 * compact cell each, and the reason chain of the selected cell underneath. Opened with `A` from any screen.
 */
import { Box, Text } from 'ink';
import { useState } from 'react';
import {
  cellExplainLines,
  cellSegments,
  KIND_TAG,
  matrixLegend,
  projectKeyExplainLines,
} from '../../src/ui/access-lines.js';
import type { PrincipalRef } from '../../src/domain/access/index.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { MATRIX_PANEL } from '../../src/ui/bindings.js';
import { layoutFor } from '../../src/ui/layout.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import { fit } from '../../src/ui/list-model.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { useStepwise } from '../../src/ui/use-stepwise.js';
import { Spinner } from '../Spinner.js';
import { useWindowStart } from '../../src/ui/use-window-start.js';
import { LinesView } from '../LinesView.js';
import { Segments } from '../Segments.js';
import { cursorIndex, cursorOn, moveCursor, type Cursor } from './cursor.js';
import { columnPage, fitLine, LABEL_WIDTH, matrixModelSteps, rowId } from './matrix-layout.js';
import { useAllCustomRoles } from './use-custom-roles.js';
import { openAccessCompare, openAccessExport } from './ReviewPanels.js';
import { wrapLine } from '../../src/ui/wrap.js';

/** What to select on opening: a principal's row and/or a project's column. */
export interface MatrixFocus {
  readonly principal?: Pick<PrincipalRef, 'kind' | 'id'>;
  readonly projectId?: string;
}

const EXPLAIN_LINES = 6;
/** Project header, blank before the explanation, legend, key hints. */
const CHROME_LINES = 4;

export function AccessMatrixView({ focus }: { focus?: MatrixFocus }) {
  const { snapshot } = useAppState();
  const actions = useAppActions();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  useAllCustomRoles(snapshot);
  const { value: model } = useStepwise(snapshot, matrixModelSteps);
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
  usePanelBindings('matrix', {
    'matrix.up': () => setRowCursor((c) => moveCursor(c, rowIds, -1)),
    'matrix.down': () => setRowCursor((c) => moveCursor(c, rowIds, 1)),
    'matrix.left': () => setColumnCursor((c) => moveCursor(c, columnIds, -1)),
    'matrix.right': () => setColumnCursor((c) => moveCursor(c, columnIds, 1)),
    'matrix.pageUp': () => setRowCursor((c) => moveCursor(c, rowIds, -rowsHeight)),
    'matrix.pageDown': () => setRowCursor((c) => moveCursor(c, rowIds, rowsHeight)),
    'access.export': () => openAccessExport(actions),
    'access.compare': () => openAccessCompare(actions),
    'matrix.close': () => actions.closeOverlay(),
  });

  if (!snapshot || !model) {
    return (
      <Text color={theme.colorOf('muted')}>
        {' '}
        <Spinner />
        {snapshot
          ? ` Working out who can reach what${theme.symbols.ellipsis} (esc closes)`
          : ` Loading${theme.symbols.ellipsis}`}
      </Text>
    );
  }
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
  const principal = model.principals[row];
  const project = snapshot.projects[column]!;
  const explain: Line[] = [
    line(
      tone('title', `${model.matrix.rows[row]!.label} × ${project.name}`, true),
      tone('muted', ` (${project.type})`),
    ),
    ...(principal
      ? cellExplainLines(snapshot, principal, project, theme.symbols)
      : projectKeyExplainLines(model.projectKeys[row - model.principals.length]!, project, theme.symbols)
    ).flatMap((l) => wrapLine(l, innerWidth - 2)),
  ];
  // The keys are in the app's footer (binding table, `matrix` scope); what it cannot say is which page this is.
  const pageHint = page.pages > 1 ? ` projects: page ${page.page + 1}/${page.pages}` : ' ';

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
            <Text key={rowIds[r]} wrap="truncate">
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
        {pageHint}
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
