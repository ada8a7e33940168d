/** The list body of a screen: title with counts, sort and filter; then the table, or why there is none. */
import { SCREEN_TITLES } from '../src/ui/screen-ids.js';
import { Text } from 'ink';
import type { NamedResource, ScreenDef } from '../src/ui/screen-def.js';
import type { Layout } from '../src/ui/layout.js';
import { line, tone, type Line } from '../src/ui/lines.js';
import type { Row } from '../src/ui/list-model.js';
import { useTheme } from '../src/ui/theme.js';
import type { ScreenList } from '../src/ui/use-screen-list.js';
import { ListView } from './ListView.js';
import { TitledBox } from './TitledBox.js';

interface Props {
  readonly def: ScreenDef<Row>;
  readonly view: ScreenList;
  readonly sources: readonly NamedResource[];
  readonly filter: string;
  readonly filtering: boolean;
  readonly selected: number;
  readonly layout: Layout;
  /** Marked rows that still exist (any of them may be filtered out of view). */
  readonly marked?: ReadonlySet<string>;
}

function title(
  def: ScreenDef<Row>,
  view: ScreenList,
  filter: string,
  filtering: boolean,
  cursor: string,
  marked: number,
): Line {
  const count = filter ? `${view.list.items.length}/${view.total}` : String(view.total);
  return line(
    tone('title', ` ${SCREEN_TITLES[def.id]}`, true),
    tone('accent', `[${count}]`),
    tone('muted', ` sort:${view.sortLabel} `),
    marked > 0 && tone('warning', `${marked} marked `, true),
    (filter || filtering) && tone('match', `/${filter}${filtering ? cursor : ''} `),
  );
}

export function ListScreen({ def, view, sources, filter, filtering, selected, layout, marked }: Props) {
  const theme = useTheme();
  const waiting = sources.some(
    (s) =>
      s.resource === undefined ||
      s.resource.status === 'idle' ||
      (s.resource.status === 'loading' && s.resource.data === undefined),
  );
  const failedEmpty = sources.find((s) => s.resource?.status === 'error' && s.resource.data === undefined);
  let empty: string | undefined;
  if (view.list.items.length === 0) {
    if (filter && view.total > 0) empty = `No matches for "${filter}" (esc clears the filter)`;
    else if (failedEmpty) empty = `Could not load ${failedEmpty.noun} (see below; r to retry)`;
    else if (waiting) empty = `Loading${theme.symbols.ellipsis}`;
    else empty = def.empty;
  }
  return (
    <TitledBox
      title={title(def, view, filter, filtering, theme.unicode ? '▏' : '_', marked?.size ?? 0)}
      width={layout.width}
      inner={layout.boxInner}
    >
      {empty ? (
        <Text color={theme.colorOf('muted')}>{` ${empty}`}</Text>
      ) : (
        <ListView
          columns={def.columns}
          list={view.list}
          contentWidths={view.widths}
          selected={selected}
          width={layout.width}
          height={layout.listRows}
          marked={marked}
        />
      )}
    </TitledBox>
  );
}
