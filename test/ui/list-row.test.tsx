/**
 * A list row written as one styled string (src/ui/paint.ts) puts exactly the bytes on screen that the same row as
 * nested <Text> elements did: selection, tones, the pointer's colour and the matched characters' styles.
 */
import chalk from 'chalk';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListRow } from '../../components/ListRow.js';
import { fit, type Column, type Row } from '../../src/ui/list-model.js';
import { createTheme, ThemeContext, type Theme } from '../../src/ui/theme.js';

interface Person extends Row {
  readonly email: string;
  readonly role: string;
}

const columns: readonly Column<Person>[] = [
  { header: 'EMAIL', width: 16, text: (p) => p.email, searchable: true },
  {
    header: 'ROLE',
    width: 10,
    text: (p) => p.role,
    tone: (p) => (p.role === 'admin' ? 'warning' : undefined),
    searchable: true,
  },
];
const widths = [16, 10];

/** The row as it was drawn before: nested <Text> elements, Ink doing the styling. */
function NestedRow({
  row,
  selected,
  highlights,
  theme,
}: {
  row: Person;
  selected: boolean;
  highlights?: readonly (readonly number[] | undefined)[];
  theme: Theme;
}) {
  const pointer = `${selected ? theme.symbols.pointer : ' '} `;
  return (
    <Text wrap="truncate" inverse={selected}>
      <Text color={theme.colorOf('accent')}>{pointer}</Text>
      {columns.map((column, i) => {
        const text = fit(column.text(row), widths[i]!, theme.symbols.ellipsis) + (i < columns.length - 1 ? ' ' : '');
        const tone = column.tone?.(row);
        const color = tone ? theme.colorOf(tone) : undefined;
        const matched = highlights?.[i];
        if (!matched)
          return (
            <Text key={i} color={color}>
              {text}
            </Text>
          );
        const chars = Array.from(text);
        return (
          <Text key={i} color={color}>
            {chars.map((ch, k) =>
              matched.includes(k) ? (
                <Text key={k} color={theme.colorOf('match')} bold underline>
                  {ch}
                </Text>
              ) : (
                ch
              ),
            )}
          </Text>
        );
      })}
    </Text>
  );
}

const frameOf = (node: React.ReactElement, theme: Theme) => {
  const app = render(<ThemeContext.Provider value={theme}>{node}</ThemeContext.Provider>);
  const frame = app.lastFrame();
  app.unmount();
  return frame;
};

let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

describe('ListRow', () => {
  const rows: Person[] = [
    { id: 'a', email: 'alex@example.com', role: 'admin' },
    { id: 'b', email: 'bea.petrov@acme-analytics.example', role: 'viewer' },
    // Positions count code points: a match after an astral character must not shift.
    { id: 'c', email: '🔑 ops@acme.io', role: 'García' },
  ];
  const cases = [
    { selected: false, highlights: undefined },
    { selected: true, highlights: undefined },
    { selected: false, highlights: [[0, 1, 2], undefined] },
    {
      selected: true,
      highlights: [
        [0, 2, 3, 9],
        [0, 1],
      ],
    },
  ] as const;

  for (const color of [true, false]) {
    it(`writes the same bytes as nested <Text> elements (${color ? 'colour' : 'NO_COLOR'})`, () => {
      const theme = createTheme({ color, unicode: true });
      for (const row of rows) {
        for (const { selected, highlights } of cases) {
          const flat = frameOf(
            <ListRow row={row} columns={columns} widths={widths} selected={selected} highlights={highlights} />,
            theme,
          );
          const nested = frameOf(
            <NestedRow row={row} selected={selected} highlights={highlights} theme={theme} />,
            theme,
          );
          if (color || selected || highlights) expect(flat).toContain('\x1b[');
          expect(JSON.stringify(flat)).toBe(JSON.stringify(nested));
        }
      }
    });
  }
});
