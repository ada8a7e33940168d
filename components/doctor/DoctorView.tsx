/**
 * The access doctor as a panel: every finding of runDoctor in its order, the selected one explained, and `enter`
 * opening its fix. Re-runs whenever the loaded organization changes, so a fix that took effect drops off the list.
 */
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { doctorSteps, type DoctorOptions, type Finding, type Severity } from '../../src/domain/doctor/index.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import { DOCTOR_PANEL } from '../../src/ui/bindings.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { useStepwise } from '../../src/ui/use-stepwise.js';
import { Spinner } from '../Spinner.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { layoutFor } from '../../src/ui/layout.js';
import { clipLine, line, tone, type Line } from '../../src/ui/lines.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme, type Symbols } from '../../src/ui/theme.js';
import { useWindowStart } from '../../src/ui/use-window-start.js';
import { LinesView } from '../LinesView.js';
import { Segments } from '../Segments.js';
import { cursorIndex, moveCursor, START, type Cursor } from '../access/cursor.js';
import { useAllCustomRoles } from '../access/use-custom-roles.js';
import { wrapLine } from '../../src/ui/wrap.js';
import { FIX_LABELS, findingHeadLines, severityLabel, severityTone } from './finding-lines.js';
import { dispatchFix, type FixOpeners } from './fix-dispatch.js';

const WHY_LINES = 4;
/** Title and where, the wrapped why, the fix. */
const DETAIL_LINES = 2 + WHY_LINES + 1;
/** Counts line, blank before the details. The keys are in the app's footer (binding table, `doctor` scope). */
const CHROME_LINES = 2;

function counts(findings: readonly Finding[]): string {
  const of = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return `${of('critical')} critical · ${of('warning')} warning · ${of('info')} info`;
}

const doctorInputSteps = ({ snapshot, ...options }: DoctorOptions & { snapshot: OrgSnapshot }) =>
  doctorSteps(snapshot, options);

/** Marker, title, and who it is about unless the title already says. */
function rowLine(finding: Finding, symbols: Symbols): Line {
  const who = finding.principal?.label;
  return line(
    tone(severityTone(finding.severity), severityLabel(finding.severity, symbols), true),
    '  ',
    finding.title,
    who !== undefined && !finding.title.includes(who) && tone('muted', `  ${who}`),
  );
}

/** Kept mounted under a fix it opened (Shell), so coming back lands on the same finding, or where it was once fixed. */
/** `fixes`: where each finding's fix leads (screens/fix-openers.ts, which knows the wizards). */
export function DoctorView({ fixes }: { fixes: FixOpeners }) {
  const { snapshot, connection } = useAppState();
  const actions = useAppActions();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  useAllCustomRoles(snapshot);
  const input = useMemo(
    () => snapshot && { snapshot, ...(connection.selfKeyId ? { selfKeyId: connection.selfKeyId } : {}) },
    [snapshot, connection.selfKeyId],
  );
  const { value: findings, pending } = useStepwise(input, doctorInputSteps);
  const [cursor, setCursor] = useState<Cursor>(START);
  const ids = useMemo(() => (findings ?? []).map((f) => f.id), [findings]);
  const selected = cursorIndex(cursor, ids);
  const finding = findings?.[selected];
  const innerWidth = layout.width - 2;
  const listHeight = Math.max(1, layout.boxInner - CHROME_LINES - DETAIL_LINES);
  const start = useWindowStart(selected, listHeight, ids.length);
  usePanelBindings('doctor', {
    'doctor.up': () => setCursor((c) => moveCursor(c, ids, -1)),
    'doctor.down': () => setCursor((c) => moveCursor(c, ids, 1)),
    'doctor.pageUp': () => setCursor((c) => moveCursor(c, ids, -listHeight)),
    'doctor.pageDown': () => setCursor((c) => moveCursor(c, ids, listHeight)),
    'doctor.fix': () => {
      if (finding && snapshot) dispatchFix(finding.fix, { actions, snapshot }, fixes);
    },
    // What a fix's "no longer exists" notice points to: the organization read again, and the findings with it.
    'doctor.reload': () => void actions.refresh('all'),
    'doctor.close': () => actions.closeOverlay(),
  });

  if (!findings || !snapshot) {
    return (
      <Text color={theme.colorOf('muted')}>
        {' '}
        <Spinner />
        {snapshot ? ` Checking access${theme.symbols.ellipsis} (esc closes)` : ` Loading${theme.symbols.ellipsis}`}
      </Text>
    );
  }
  if (findings.length === 0) {
    return (
      <Text
        color={theme.colorOf('success')}
      >{` ${theme.symbols.ok} No findings ${theme.symbols.dash} access looks healthy`}</Text>
    );
  }

  const visible = findings.slice(start, start + listHeight);
  const pointerWidth = Array.from(theme.symbols.pointer).length + 1;
  // The title whole (the list row may cut it), then as much of the why as the rest of the room holds.
  const head = finding
    ? findingHeadLines(finding, snapshot.projects.find((p) => p.id === finding.projectId)?.name).flatMap((l) =>
        wrapLine(l, innerWidth - 2),
      )
    : [];
  const details: Line[] = finding
    ? [
        ...head,
        ...wrapLine(line(finding.why), innerWidth - 2).slice(0, Math.max(1, DETAIL_LINES - 1 - head.length)),
        line(tone('accent', 'enter', true), ` ${FIX_LABELS[finding.fix.kind]}`),
      ]
    : [];

  return (
    <Box flexDirection="column" height={layout.boxInner}>
      <Text wrap="truncate" color={theme.colorOf('muted')}>
        {` ${counts(findings)}`}
        {pending ? (
          <>
            {'  '}
            <Spinner />
            {` updating${theme.symbols.ellipsis}`}
          </>
        ) : null}
      </Text>
      <Box flexDirection="column" height={listHeight}>
        {visible.map((f, i) => {
          const isSelected = start + i === selected;
          return (
            <Text key={f.id} wrap="truncate" inverse={isSelected}>
              <Text color={theme.colorOf('accent')}>
                {(isSelected ? `${theme.symbols.pointer} ` : '').padEnd(pointerWidth)}
              </Text>
              <Segments line={clipLine(rowLine(f, theme.symbols), innerWidth - pointerWidth, theme.symbols.ellipsis)} />
            </Text>
          );
        })}
      </Box>
      <Text> </Text>
      <LinesView lines={details} scroll={0} height={DETAIL_LINES} width={innerWidth} />
      <Box flexGrow={1} />
    </Box>
  );
}

export function openDoctor(actions: AppActions, fixes: FixOpeners): void {
  actions.openPanel({ id: DOCTOR_PANEL, title: 'Access doctor', node: <DoctorView fixes={fixes} /> });
}
