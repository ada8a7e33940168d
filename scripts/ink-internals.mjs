/**
 * Ink modules the app reaches that Ink's package "exports" does not list. src/ui/ink-input-bridge.tsx provides Ink's
 * own StdinContext (the context Ink's useInput reads) to ink-text-input and ink-select-input, so it must import the
 * very module instance Ink's hooks import, not a copy: with two instances there would be two contexts, and the fields
 * would read the one Ink's app provides and hear every key from the terminal, beside the keypress path.
 *
 * The source imports the file by its path inside the package ('ink/build/components/StdinContext.js'), which Node's
 * and the bundler's resolvers refuse (not exported). Each tool maps that specifier to the installed file by its real
 * path, the same path Ink's relative import resolves to, so there is one module:
 * - esbuild (scripts/bundle.mjs): the plugin below;
 * - vitest (vitest.config.ts): an alias to the same path (vite then loads it as the external dependency file Ink's
 *   own import loads);
 * - tsc: an ambient module declaration (src/ui/ink-internals.d.ts) types it from Ink's exported StdinProps.
 * The build fails if Ink moves the file (the plugin checks it exists), rather than bundling without it. The app
 * runs from the bundle; dist/src, tsc's output the bundle is made from, keeps the specifier and so does not load
 * the UI in plain Node.
 */
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** Specifier → file inside the ink package. */
const INTERNALS = { 'ink/build/components/StdinContext.js': 'build/components/StdinContext.js' };

/** The installed file a specifier names, by its real path (node_modules may be a symlink to a shared install). */
export function inkInternalPath(nodeModules, specifier) {
  const file = INTERNALS[specifier];
  if (file === undefined) throw new Error(`${specifier} is not one of the Ink internals the app imports`);
  const path = join(nodeModules, 'ink', file);
  if (!existsSync(path)) throw new Error(`${specifier}: Ink no longer has ${file}; see scripts/ink-internals.mjs`);
  return realpathSync(path);
}

/** vitest aliases (exact specifiers), to the same files. */
export function inkInternalAliases(nodeModules) {
  return Object.keys(INTERNALS).map((specifier) => ({
    find: specifier,
    replacement: inkInternalPath(nodeModules, specifier),
  }));
}

/** esbuild plugin: the specifiers resolve to the files Ink's own modules import. */
export function inkInternalsPlugin(nodeModules) {
  return {
    name: 'ink-internals',
    setup(build) {
      build.onResolve({ filter: /^ink\/build\// }, (args) =>
        args.path in INTERNALS ? { path: inkInternalPath(nodeModules, args.path) } : undefined,
      );
    },
  };
}
