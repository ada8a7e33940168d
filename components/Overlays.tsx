/** What sits on top of a screen: help, the quit question, or a panel (wizard/confirmation) opened by a feature. */
import { Box, Text } from 'ink';
import { activeBindings } from '../src/ui/bindings.js';
import { keyLabel } from '../src/ui/keys.js';
import { KeyLayer } from '../src/ui/keypress.js';
import type { Layout } from '../src/ui/layout.js';
import { line, tone, type Line } from '../src/ui/lines.js';
import type { StackedOverlay } from '../src/ui/navigation.js';
import { useTheme } from '../src/ui/theme.js';
import { wrapLine } from '../src/ui/wrap.js';
import { LinesView } from './LinesView.js';
import { Segments } from './Segments.js';
import { TitledBox } from './TitledBox.js';

const NBSP = '\u00a0';

/**
 * The question and its keys, wrapped to the box one column in from its border. Only keys with a short label: the
 * help has the rest. A key and its label never part (their space is kept from wrapping).
 */
function quitLines(unicode: boolean, warn: string, width: number): Line[] {
  const keys = activeBindings({ mode: 'confirm', screen: 'members', filtered: false })
    .filter((b) => b.label !== undefined)
    .map((b) => `${b.keys.map((k) => keyLabel(k, unicode)).join('/')} ${b.label}`.replaceAll(' ', NBSP))
    .join('   ');
  return [
    ...wrapLine(line(tone('warning', ` ${warn} A form has unsaved input. Quit anyway and lose it?`)), width),
    ...wrapLine(line(` ${keys}`), width).map((l) => l.map((s) => ({ ...s, text: s.text.replaceAll(NBSP, ' ') }))),
  ];
}

function ConfirmQuit({ layout }: { layout: Layout }) {
  const theme = useTheme();
  const lines = quitLines(theme.unicode, theme.symbols.warn, layout.width - 2);
  return (
    <TitledBox title={line(tone('warning', ' Quit? ', true))} width={layout.width} inner={layout.boxInner}>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate">
          <Segments line={l} />
        </Text>
      ))}
    </TitledBox>
  );
}

interface OverlayViewProps {
  readonly overlay: StackedOverlay;
  readonly help: readonly Line[];
  readonly layout: Layout;
  /** On top: shown and hearing keys. Beneath: kept mounted (a wizard keeps its answers under the quit question). */
  readonly focused: boolean;
}

export function OverlayView({ overlay, help, layout, focused }: OverlayViewProps) {
  switch (overlay.kind) {
    case 'help':
      return (
        <TitledBox
          title={line(tone('title', ' Help ', true), tone('muted', '(generated from the key-binding table) '))}
          width={layout.width}
          inner={layout.boxInner}
        >
          <LinesView lines={help} scroll={overlay.scroll} height={layout.boxInner} width={layout.width - 2} />
        </TitledBox>
      );
    case 'confirm-quit':
      return <ConfirmQuit layout={layout} />;
    case 'panel':
      return (
        <TitledBox title={line(tone('title', ` ${overlay.title} `, true))} width={layout.width} inner={layout.boxInner}>
          <Box flexDirection="column" height={layout.boxInner} overflowY="hidden">
            <KeyLayer active={focused} owner={overlay.serial}>
              {overlay.node}
            </KeyLayer>
          </Box>
        </TitledBox>
      );
  }
}
