/** A styled line (src/ui/lines.ts) as Ink text, coloured through the theme. */
import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from '../src/ui/lines.js';
import { useTheme } from '../src/ui/theme.js';

export const Segments = memo(function Segments({ line }: { line: Line }) {
  const theme = useTheme();
  return (
    <>
      {line.map((segment, i) => (
        <Text key={i} color={segment.tone ? theme.colorOf(segment.tone) : undefined} bold={segment.bold ?? false}>
          {segment.text}
        </Text>
      ))}
    </>
  );
});
