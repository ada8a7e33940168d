/** A row's details: the screen's lines for it, scrolled; asks the store for whatever the details load lazily. */
import { Text } from 'ink';
import { useEffect } from 'react';
import type { ScreenDef, ScreenLoaders } from '../src/ui/screen-def.js';
import type { Layout } from '../src/ui/layout.js';
import { line, tone, type Line } from '../src/ui/lines.js';
import type { Row } from '../src/ui/list-model.js';
import { useTheme } from '../src/ui/theme.js';
import { LinesView } from './LinesView.js';
import { TitledBox } from './TitledBox.js';

interface Props {
  readonly def: ScreenDef<Row>;
  readonly row: Row | undefined;
  readonly lines: readonly Line[];
  readonly scroll: number;
  readonly layout: Layout;
  readonly loaders: ScreenLoaders;
}

export function DetailsView({ def, row, lines, scroll, layout, loaders }: Props) {
  const theme = useTheme();
  useEffect(() => {
    if (row) def.onDetails?.(row, loaders);
  }, [def, row, loaders]);
  const more = lines.length > scroll + layout.boxInner;
  const title = line(
    tone('title', ` ${row ? def.detailsTitle(row) : 'Gone'} `, true),
    more && tone('muted', `${theme.symbols.ellipsis}more `),
  );
  return (
    <TitledBox title={title} width={layout.width} inner={layout.boxInner}>
      {row ? (
        <LinesView lines={lines} scroll={scroll} height={layout.boxInner} width={layout.width - 2} />
      ) : (
        <Text color={theme.colorOf('muted')}>
          {' '}
          This item is no longer there (deleted or filtered out by a refresh). esc goes back.
        </Text>
      )}
    </TitledBox>
  );
}
