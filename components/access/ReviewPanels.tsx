/**
 * The access review from the matrix: `e` writes an export (pick a format; a new owner-only file in the current
 * directory; its path shown) and `c` compares the organization now with an earlier JSON export found there.
 */
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import {
  diffExports,
  DiffRefused,
  ExportReadError,
  FORMAT_EXTENSION,
  parseAccessExport,
  renderDiff,
  renderExport,
  reviewExport,
  type ReviewFormat,
} from '../../src/domain/review/index.js';
import { listReviewExports, readReviewExport, writeReviewExport } from '../../src/state/review-files.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { useTheme } from '../../src/ui/theme.js';
import { COMPARE_PANEL, EXPORT_PANEL } from '../../src/ui/bindings.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';

const FORMATS: ReadonlyArray<readonly [ReviewFormat, string]> = [
  ['json', 'JSON: the record to keep, and what `c` and `--since` compare with'],
  ['csv', 'CSV: one row per grant, for a spreadsheet'],
  ['md', 'Markdown: a review document, one section per project'],
];

type Outcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string };

const clamp = (n: number, length: number) => Math.max(0, Math.min(length - 1, n));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function ExportPanel() {
  const { snapshot } = useAppState();
  const actions = useAppActions();
  const theme = useTheme();
  const [cursor, setCursor] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>();

  usePanelBindings('export', {
    'export.up': () => setCursor((c) => clamp(c - 1, FORMATS.length)),
    'export.down': () => setCursor((c) => clamp(c + 1, FORMATS.length)),
    'export.close': () => actions.closeOverlay(),
    'export.write': () => {
      if (!snapshot) return;
      const format = FORMATS[cursor]![0];
      try {
        const doc = reviewExport(snapshot);
        const path = writeReviewExport(
          process.cwd(),
          snapshot.organization.id,
          snapshot.now,
          FORMAT_EXTENSION[format],
          renderExport(doc, format),
        );
        setOutcome({ ok: true, text: `Wrote ${path} (${doc.grants.length} grants; readable by you only)` });
        actions.notify(`Access review written to ${path}`);
      } catch (error) {
        setOutcome({ ok: false, text: `Nothing written: ${messageOf(error)}` });
      }
    },
  });

  return (
    <Box flexDirection="column">
      <Text bold>{' Export the access review as:'}</Text>
      {FORMATS.map(([format, what], i) => (
        <Text key={format} wrap="truncate" color={i === cursor ? theme.colorOf('accent') : undefined}>
          {`${i === cursor ? ` ${theme.symbols.pointer} ` : '   '}${format.padEnd(5)} ${what}`}
        </Text>
      ))}
      <Text> </Text>
      {outcome ? (
        <Text color={theme.colorOf(outcome.ok ? 'success' : 'danger')}>{` ${outcome.text}`}</Text>
      ) : (
        <Text color={theme.colorOf('muted')}>{` A new file in ${process.cwd()}, created owner-only (0600).`}</Text>
      )}
      <Text color={theme.colorOf('muted')}>{' enter write   esc back'}</Text>
    </Box>
  );
}

function ComparePanel() {
  const { snapshot } = useAppState();
  const actions = useAppActions();
  const theme = useTheme();
  const files = useMemo(() => listReviewExports(process.cwd()), []);
  const [cursor, setCursor] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>();

  usePanelBindings('compare', {
    'compare.up': () => setCursor((c) => clamp(c - 1, files.length)),
    'compare.down': () => setCursor((c) => clamp(c + 1, files.length)),
    'compare.close': () => actions.closeOverlay(),
    'compare.run': () => {
      const file = files[cursor];
      if (!snapshot || !file) return;
      try {
        const diff = diffExports(parseAccessExport(readReviewExport(file), file), reviewExport(snapshot));
        setOutcome({ ok: true, text: renderDiff(diff, 'table').trimEnd() });
      } catch (error) {
        const known = error instanceof DiffRefused || error instanceof ExportReadError;
        setOutcome({ ok: false, text: known ? `Cannot compare: ${error.message}` : `Failed: ${messageOf(error)}` });
      }
    },
  });

  if (files.length === 0)
    return (
      <Text color={theme.colorOf('muted')}>
        {` No earlier JSON export (ec-access-access-*.json) in ${process.cwd()}. Write one with e, or run ec-access access --since FILE.`}
      </Text>
    );
  return (
    <Box flexDirection="column">
      <Text bold>{' Compare the organization now with:'}</Text>
      {files.slice(0, 5).map((file, i) => (
        <Text key={file} wrap="truncate" color={i === cursor ? theme.colorOf('accent') : undefined}>
          {`${i === cursor ? ` ${theme.symbols.pointer} ` : '   '}${file}`}
        </Text>
      ))}
      <Text> </Text>
      {outcome ? (
        outcome.text.split('\n').map((l, i) => (
          <Text key={i} wrap="truncate" color={outcome.ok ? undefined : theme.colorOf('danger')}>
            {` ${l}`}
          </Text>
        ))
      ) : (
        <Text color={theme.colorOf('muted')}>{' enter compare   esc back'}</Text>
      )}
    </Box>
  );
}

export function openAccessExport(actions: AppActions): void {
  actions.openPanel({ id: EXPORT_PANEL, title: 'Access review export', node: <ExportPanel /> });
}

export function openAccessCompare(actions: AppActions): void {
  actions.openPanel({ id: COMPARE_PANEL, title: 'Access changes since an export', node: <ComparePanel /> });
}
