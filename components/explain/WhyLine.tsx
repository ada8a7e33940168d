/**
 * The dim one-line "why" under a wizard step, with the key that opens the longer explanation when it works. The
 * key comes first: a long why is cut at the right edge, the key must not be.
 */
import { Text } from 'ink';
import { useTheme } from '../../src/ui/theme.js';
import { EXPLAIN_KEY, type ExplainHandle } from './use-explain.js';

export function WhyLine({ explain }: { explain: ExplainHandle }) {
  const theme = useTheme();
  if (!explain.explanation) return null;
  const key = explain.keyActive ? ` (${EXPLAIN_KEY} ${explain.open ? 'less' : 'more'})` : '';
  return (
    <Text dimColor color={theme.colorOf('muted')} wrap="truncate">
      {` Why${key}: ${explain.explanation.why}`}
    </Text>
  );
}
