/** The k9s frame: a bordered box whose title sits in the top border. Clips its content to `inner` lines. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { fit } from '../src/ui/list-model.js';
import type { Line } from '../src/ui/lines.js';
import { useTheme } from '../src/ui/theme.js';
import { Segments } from './Segments.js';

export function TitledBox({
  title,
  width,
  inner,
  children,
}: {
  title: Line;
  width: number;
  inner: number;
  children: ReactNode;
}) {
  const theme = useTheme();
  const { tl, tr, h } = theme.symbols.border;
  const titleText = title.map((s) => s.text).join('');
  const room = Math.max(0, width - 4);
  const shown = Array.from(titleText).length > room ? [{ text: fit(titleText, room, theme.symbols.ellipsis) }] : title;
  const used = Math.min(room, Array.from(titleText).length);
  const border = theme.colorOf('muted');
  return (
    <Box flexDirection="column" width={width} height={inner + 2}>
      <Text wrap="truncate">
        <Text color={border}>{`${tl}${h}`}</Text>
        <Segments line={shown} />
        <Text color={border}>{`${h.repeat(Math.max(0, width - 3 - used))}${tr}`}</Text>
      </Text>
      <Box
        borderStyle={theme.borderStyle}
        borderTop={false}
        borderColor={border}
        flexDirection="column"
        height={inner + 1}
        width={width}
        overflowY="hidden"
      >
        {children}
      </Box>
    </Box>
  );
}
