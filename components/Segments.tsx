/**
 * A styled line (src/ui/lines.ts) as Ink text, coloured through the theme. The last stop before the terminal for
 * most text: identifiers a server chose (role names, ids) are kept exact in the data for requests, so they are
 * made inert here (free text was already cleaned where it entered, and cleaning twice changes nothing).
 */
import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from '../src/ui/lines.js';
import { inertText } from '../src/util/inert-text.js';
import { useTheme } from '../src/ui/theme.js';

export const Segments = memo(function Segments({ line }: { line: Line }) {
  const theme = useTheme();
  return (
    <>
      {line.map((segment, i) => (
        <Text key={i} color={segment.tone ? theme.colorOf(segment.tone) : undefined} bold={segment.bold ?? false}>
          {inertText(segment.text)}
        </Text>
      ))}
    </>
  );
});
