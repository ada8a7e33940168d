/**
 * The README's key table, generated from the one binding table (src/ui/bindings.ts) that also drives the keys,
 * the footer and the `?` help, so the README cannot promise a key the app does not have. `npm run screenshots`
 * writes it between the markers; test/docs/readme.test.ts fails when the README and the bindings differ.
 */
import { BINDINGS, SCOPE_TITLES, type Binding, type Scope } from '../../src/ui/bindings.js';
import { keyLabel } from '../../src/ui/keys.js';

export const KEYS_BEGIN = '<!-- keys: generated from src/ui/bindings.ts by `npm run screenshots`; do not edit -->';
export const KEYS_END = '<!-- /keys -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (key: string) => '`' + keyLabel(key, true) + '`';

/** One row per binding, grouped by where it applies, in table order. */
export function keyTableMarkdown(table: readonly Binding[] = BINDINGS): string {
  const scopes = [...new Set(table.map((b) => b.scope))] as Scope[];
  const rows = scopes.flatMap((scope) =>
    table
      .filter((b) => b.scope === scope)
      .map(
        (b, i) => `| ${i === 0 ? SCOPE_TITLES[scope] : ''} | ${b.keys.map(code).join(' ')} | ${cell(b.description)} |`,
      ),
  );
  return ['| where | key | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with the text between the key-table markers replaced by `table`; throws when the markers are missing. */
export function withKeyTable(readme: string, table: string = keyTableMarkdown()): string {
  const begin = readme.indexOf(KEYS_BEGIN);
  const end = readme.indexOf(KEYS_END);
  if (begin < 0 || end < begin) throw new Error(`README.md needs the markers ${KEYS_BEGIN} and ${KEYS_END}`);
  return `${readme.slice(0, begin + KEYS_BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}

/** The table the README holds now, or undefined without markers. */
export function readmeKeyTable(readme: string): string | undefined {
  const begin = readme.indexOf(KEYS_BEGIN);
  const end = readme.indexOf(KEYS_END);
  return begin < 0 || end < begin ? undefined : readme.slice(begin + KEYS_BEGIN.length, end).trim();
}
