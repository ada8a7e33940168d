/**
 * The dim one-line "why" under a wizard step, with the key that opens the longer explanation when it works. The
 * key comes first: a long why is cut at the right edge, the key must not be.
 */
import { Text } from 'ink';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { fitWords } from './wrap.js';
import { EXPLAIN_KEY, type ExplainHandle } from './use-explain.js';

export function WhyLine({ explain }: { explain: ExplainHandle }) {
  const theme = useTheme();
  const { columns } = useTerminalSize();
  if (!explain.explanation) return null;
  const key = explain.keyActive ? ` (${EXPLAIN_KEY} ${explain.open ? 'less' : 'more'})` : '';
  const head = ` Why${key}: `;
  // Inside a panel's borders; cut at a word (the panel behind `i` has the rest).
  const why = fitWords(explain.explanation.why, columns - 3 - head.length, theme.symbols.ellipsis);
  return (
    <Text dimColor color={theme.colorOf('muted')} wrap="truncate">
      {head + why}
    </Text>
  );
}
