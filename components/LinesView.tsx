/** Styled lines clipped to a window: details views and help scroll through this. */
import { Text } from 'ink';
import { clipLine, type Line } from '../src/ui/lines.js';
import { useTheme } from '../src/ui/theme.js';
import { Segments } from './Segments.js';

/** `width` is the room inside the borders. */
export function LinesView({
  lines,
  scroll,
  height,
  width,
}: {
  lines: readonly Line[];
  scroll: number;
  height: number;
  width: number;
}) {
  const { symbols } = useTheme();
  return (
    <>
      {lines.slice(scroll, scroll + height).map((l, i) => (
        <Text key={scroll + i} wrap="truncate">
          {' '}
          <Segments line={clipLine(l, width - 1, symbols.ellipsis)} />
        </Text>
      ))}
    </>
  );
}

/** Furthest scroll position that still fills the window. */
export function maxScroll(lineCount: number, height: number): number {
  return Math.max(0, lineCount - height);
}
