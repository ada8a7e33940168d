/** The help overlay's text, generated from the binding table and nothing else. */
import { BINDINGS, SCOPE_TITLES, type Binding, type Scope } from './bindings.js';
import { keyLabel } from './keys.js';
import { blank, line, tone, type Line } from './lines.js';

export function helpLines(unicode: boolean, table: readonly Binding[] = BINDINGS): Line[] {
  const scopes = [...new Set(table.map((b) => b.scope))] as Scope[];
  return scopes.flatMap((scope, i) => [
    ...(i > 0 ? [blank] : []),
    line(tone('title', SCOPE_TITLES[scope], true)),
    ...table
      .filter((b) => b.scope === scope)
      .map((b) => line('  ', tone('accent', b.keys.map((k) => keyLabel(k, unicode)).join(' / ').padEnd(18)), b.description)),
  ]);
}
