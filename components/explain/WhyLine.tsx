/**
 * The dim "why" under a wizard step, with the key that opens the longer explanation. It wraps to as many lines as
 * it needs (whyLines), so the point of a long why is never cut off at the panel's edge.
 */
import { Box, Text } from 'ink';
import { useTheme } from '../../src/ui/theme.js';
import { wrapWords } from './wrap.js';
import { explainKeyLabel, type ExplainHandle } from './use-explain.js';

/** The why-line's text, wrapped to `width` columns; continuation lines are indented under the text. */
export function whyLines(explain: ExplainHandle, width: number, unicode: boolean): string[] {
  if (!explain.explanation) return [];
  const head = `Why (${explainKeyLabel(unicode)} ${explain.open ? 'less' : 'more'}): `;
  return wrapWords(head + explain.explanation.why, Math.max(10, width - 2)).map((l, i) => (i === 0 ? l : `  ${l}`));
}

export function WhyLine({ lines }: { lines: readonly string[] }) {
  const theme = useTheme();
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={i} dimColor color={theme.colorOf('muted')} wrap="truncate">
          {` ${l}`}
        </Text>
      ))}
    </Box>
  );
}
