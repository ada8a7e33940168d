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
/** Gives the Ink input packages a stdin of their own that hears only what a panel's bindings hand them. */
const BRIDGE = 'src/ui/ink-input-bridge.tsx';
/** Packages whose components call useInput themselves: fine only inside the bridge's <InkField>. */
const INK_INPUT_PACKAGES = /from\s*'(ink-text-input|ink-select-input)'/;

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

it('nor reads stdin another way: useStdin only in the provider and the bridge, no process.stdin in the UI', () => {
  // src/cli reads stdin for the scripted commands (a piped secret, a --yes prompt), outside the TUI.
  const files = ['components', 'screens', 'src/ui', 'src/state'].flatMap(sources);
  const offenders = files.filter((file) => {
    // A declaration file runs nothing (ink-internals.d.ts names useStdin in a comment).
    if (file === PROVIDER || file === BRIDGE || file.endsWith('.d.ts')) return false;
    const text = readFileSync(join(root, file), 'utf8');
    return /\buseStdin\b/.test(text) || /\bprocess\.stdin\b/.test(text);
  });
  expect(offenders).toEqual([]);
});

it('ink-text-input and ink-select-input (which call useInput) are rendered only inside <InkField>', () => {
  const files = ['components', 'screens', 'src'].flatMap(sources);
  const users = files.filter((file) => INK_INPUT_PACKAGES.test(readFileSync(join(root, file), 'utf8')));
  // Both packages are used (issue 17), so this check has something to check.
  expect(users.length).toBeGreaterThanOrEqual(2);
  const outside = users.filter((file) => !/<InkField\b/.test(readFileSync(join(root, file), 'utf8')));
  expect(outside).toEqual([]);
});
