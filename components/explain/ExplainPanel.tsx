/**
 * The longer explanation of a concept, word-wrapped to the width and cut to `maxLines` (a wizard step must keep
 * its field on screen at 80x24); a cut says so rather than ending mid-thought silently.
 */
import { Box, Text } from 'ink';
import type { Explanation } from '../../src/domain/explanations.js';
import { useTheme } from '../../src/ui/theme.js';
import { wrapWords } from './wrap.js';

export interface ExplainPanelProps {
  readonly explanation: Explanation;
  readonly width: number;
  readonly maxLines?: number;
}

export function explainLines(explanation: Explanation, width: number): string[] {
  return explanation.body.flatMap((paragraph, i) => [...(i > 0 ? [''] : []), ...wrapWords(paragraph, width)]);
}

export function ExplainPanel({ explanation, width, maxLines = Infinity }: ExplainPanelProps) {
  const theme = useTheme();
  const inner = Math.max(10, width - 2);
  const all = explainLines(explanation, inner);
  const room = Math.max(1, maxLines - 1);
  const lines =
    all.length > room
      ? [...all.slice(0, room - 1), `${theme.symbols.ellipsis} (cut to fit; a taller window shows the rest)`]
      : all;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.colorOf('accent')} wrap="truncate">{` ${explanation.title}`}</Text>
      {lines.map((l, i) => (
        <Text key={i} color={theme.colorOf('muted')} wrap="truncate">{`  ${l}`}</Text>
      ))}
    </Box>
  );
}
