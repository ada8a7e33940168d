/** What sits on top of a screen: help, the quit question, or a panel (wizard/confirmation) opened by a feature. */
import { Box, Text } from 'ink';
import { activeBindings } from '../src/ui/bindings.js';
import { keyLabel } from '../src/ui/keys.js';
import { KeyLayer } from '../src/ui/keypress.js';
import type { Layout } from '../src/ui/layout.js';
import { line, tone, type Line } from '../src/ui/lines.js';
import type { Overlay } from '../src/ui/navigation.js';
import { useTheme } from '../src/ui/theme.js';
import { LinesView } from './LinesView.js';
import { TitledBox } from './TitledBox.js';

function ConfirmQuit({ layout }: { layout: Layout }) {
  const theme = useTheme();
  const keys = activeBindings({ mode: 'confirm', screen: 'members', filtered: false })
    .map((b) => `${b.keys.map((k) => keyLabel(k, theme.unicode)).join('/')} ${b.label ?? b.description}`)
    .join('   ');
  return (
    <TitledBox title={line(tone('warning', ' Quit? ', true))} width={layout.width} inner={layout.boxInner}>
      <Text
        color={theme.colorOf('warning')}
      >{` ${theme.symbols.warn} A form has unsaved input. Quit anyway and lose it?`}</Text>
      <Text>{` ${keys}`}</Text>
    </TitledBox>
  );
}

interface OverlayViewProps {
  readonly overlay: Overlay;
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
            <KeyLayer active={focused}>{overlay.node}</KeyLayer>
          </Box>
        </TitledBox>
      );
  }
}
