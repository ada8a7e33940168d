/**
 * One keypress path: no component of ours calls Ink's useInput; src/ui/keypress.tsx, the provider with the focus
 * stack, is the one listener. A key handled elsewhere would be a key the binding table, the footer and `?` help
 * know nothing of.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const PROVIDER = 'src/ui/keypress.tsx';

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

it('no component calls useInput: the keypress provider is the one listener', () => {
  const files = ['components', 'screens', 'src'].flatMap(sources);
  expect(files.length).toBeGreaterThan(50);
  expect(files.map((f) => relative(root, join(root, f)))).toContain(PROVIDER);
  const offenders = files.filter((file) => {
    if (file === PROVIDER) return false;
    const text = readFileSync(join(root, file), 'utf8');
    return /import\s*{[^}]*\buseInput\b[^}]*}\s*from\s*'ink'/.test(text) || /\buseInput\(/.test(text);
  });
  expect(offenders).toEqual([]);
  // The provider is the one that does.
  expect(readFileSync(join(root, PROVIDER), 'utf8')).toMatch(/internal_eventEmitter/);
});
