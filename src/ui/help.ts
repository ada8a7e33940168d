/** The help overlay's text, generated from the binding table and nothing else. */
import { BINDINGS, SCOPE_TITLES, type Binding, type Scope } from './bindings.js';
// The grammar alone: the intent index brings the parser and planners, which only the command line (a panel) needs.
import { INTENT_GRAMMAR } from '../domain/intent/grammar.js';
import { keyLabel } from './keys.js';
import { blank, line, tone, type Line } from './lines.js';

/**
 * What the `:` command line understands, after the bindings. Bulleted rather than indented: indented lines are
 * the binding rows.
 */
function grammarLines(unicode: boolean): Line[] {
  const bullet = unicode ? '•' : '*';
  return [
    blank,
    line(tone('title', 'Requests in plain words (:)', true)),
    ...INTENT_GRAMMAR.map((form) => line(tone('accent', `${bullet} `), form)),
  ];
}

/** Every binding by scope; `current` (the screen help was opened on) comes first: what the user can do here. */
export function helpLines(unicode: boolean, table: readonly Binding[] = BINDINGS, current?: Scope): Line[] {
  const inTable: Scope[] = [...new Set(table.map((b) => b.scope))];
  const scopes = current && inTable.includes(current) ? [current, ...inTable.filter((s) => s !== current)] : inTable;
  return [
    ...scopes.flatMap((scope, i) => [
      ...(i > 0 ? [blank] : []),
      line(tone('title', SCOPE_TITLES[scope], true)),
      ...table
        .filter((b) => b.scope === scope)
        .map((b) =>
          line(
            '  ',
            tone(
              'accent',
              b.keys
                .map((k) => keyLabel(k, unicode))
                .join(' / ')
                .padEnd(18),
            ),
            b.description,
          ),
        ),
    ]),
    ...grammarLines(unicode),
  ];
}
