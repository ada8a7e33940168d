/**
 * The audit trail in the TUI: the latest writes from every ec-access session on this machine, newest first.
 * `r` re-reads the file (a write made elsewhere shows up), arrows scroll, esc closes.
 */
import { Text } from 'ink';
import { useMemo, useReducer } from 'react';
import { auditPath, readAuditEntries, type AuditEntry } from '../../src/audit/index.js';
import { dataOf } from '../../src/state/resource.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { layoutFor } from '../../src/ui/layout.js';
import { line, tone } from '../../src/ui/lines.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { LinesView, maxScroll } from '../LinesView.js';
import { Segments } from '../Segments.js';
import { useAuditSession } from './session.js';
import { auditLines, entriesInScope } from './audit-lines.js';
import { errorCode, errorMessage } from '../../src/util/errors.js';
import { AUDIT_PANEL } from '../../src/ui/bindings.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';

const LIMIT = 500;
/** Path line, warnings line. The keys are in the app's footer (binding table, `audit` scope). */
const FIXED_LINES = 2;

interface ViewState {
  readonly scroll: number;
  /** Every organization's writes, not only the current one's. */
  readonly all: boolean;
  /** What the last read of the file found; `r` reads it again. */
  readonly read: { entries: AuditEntry[]; error?: string };
}

type ViewAction =
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'reloaded'; read: ViewState['read'] }
  | { type: 'toggleAll' };

function viewReducer(s: ViewState, a: ViewAction): ViewState {
  switch (a.type) {
    case 'reloaded':
      return { ...s, scroll: 0, read: a.read };
    case 'toggleAll':
      return { ...s, scroll: 0, all: !s.all };
    case 'scroll':
      return { ...s, scroll: Math.max(0, Math.min(a.max, s.scroll + a.delta)) };
  }
}

function readEntries(read: ((limit: number) => AuditEntry[]) | undefined): { entries: AuditEntry[]; error?: string } {
  try {
    return { entries: read ? read(LIMIT) : readAuditEntries({ limit: LIMIT }) };
  } catch (error) {
    return {
      entries: [],
      error: `cannot read the audit trail: ${errorCode(error) ?? errorMessage(error)}`,
    };
  }
}

function AuditView() {
  const actions = useAppActions();
  const session = useAuditSession();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  const organization = dataOf(useAppState().data.organization);
  const [state, dispatch] = useReducer(viewReducer, session, (s) => ({
    scroll: 0,
    all: false,
    read: readEntries(s?.read),
  }));
  const { error } = state.read;
  const { shown: entries, elsewhere } = useMemo(
    () => entriesInScope(state.read.entries, organization?.id, state.all),
    [state.read.entries, organization?.id, state.all],
  );
  const lines = useMemo(() => auditLines(entries, theme.symbols), [entries, theme.symbols]);
  const height = Math.max(1, layout.boxInner - FIXED_LINES);
  const max = maxScroll(lines.length, height);
  const problems = [...(error ? [error] : []), ...(session?.warnings() ?? [])];

  usePanelBindings('audit', {
    'audit.up': () => dispatch({ type: 'scroll', delta: -1, max }),
    'audit.down': () => dispatch({ type: 'scroll', delta: 1, max }),
    'audit.pageUp': () => dispatch({ type: 'scroll', delta: -height, max }),
    'audit.pageDown': () => dispatch({ type: 'scroll', delta: height, max }),
    'audit.reload': () => dispatch({ type: 'reloaded', read: readEntries(session?.read) }),
    'audit.allOrgs': () => dispatch({ type: 'toggleAll' }),
    'audit.close': () => actions.closeOverlay(),
  });

  const count = `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, newest first`;
  const scope =
    state.all || !organization
      ? 'all organizations'
      : `${organization.name} (${organization.id})${elsewhere > 0 ? `, ${elsewhere} elsewhere: a shows all` : ''}`;
  return (
    <>
      <Text wrap="truncate">
        {' '}
        <Segments line={line(`${scope} · ${count}  `, tone('muted', session?.path ?? auditPath()))} />
      </Text>
      <Text wrap="truncate" color={theme.colorOf('warning')}>
        {problems.length > 0 ? ` ${theme.symbols.warn} ${problems.join('; ')}` : ' '}
      </Text>
      <LinesView lines={lines} scroll={Math.min(state.scroll, max)} height={height} width={layout.width - 2} />
      {Array.from({ length: Math.max(0, height - lines.length) }, (_, i) => (
        <Text key={`pad${i}`}> </Text>
      ))}
    </>
  );
}

export function openAuditView(actions: AppActions): void {
  actions.openPanel({ id: AUDIT_PANEL, title: 'Audit trail: writes and their outcomes', node: <AuditView /> });
}
