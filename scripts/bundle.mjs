#!/usr/bin/env node
/**
 * Bundles the compiled app (dist/src, written by tsc) into dist/app: one ES module per command plus shared chunks.
 * Loading ~400 small ESM files (ours, Ink's and its dependencies') cost ~400 ms at every start; the bundle loads in
 * about a third of that, and each command still loads only what it needs (dispatch.ts import()s commands by path,
 * so the layout under dist/app mirrors dist/src).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dependencyPatches, PATCH_NAMES, patchesOff } from './dependency-patches.mjs';
import { inkInternalsPlugin } from './ink-internals.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'dist', 'src');
// Modules the commands share through static imports; no command line loads them by path, and as entry points they
// would only add files (and split the chunks finer).
const sharedModules = new Set(['registry.js', 'command-help.js', 'tui-session.js']);
const commandsDir = join(src, 'cli', 'commands');
const commandFiles = readdirSync(commandsDir).filter((f) => f.endsWith('.js'));
// A module another command module re-exports (inventory.js gathers the small ones) is loaded through it, not by path.
const reExported = new Set(
  commandFiles.flatMap((f) =>
    [...readFileSync(join(commandsDir, f), 'utf8').matchAll(/^export \{[^}]*\} from '\.\/([\w-]+\.js)';$/gm)].map(
      (m) => m[1],
    ),
  ),
);
const commands = commandFiles
  .filter((f) => !sharedModules.has(f) && !reExported.has(f))
  .map((f) => join(commandsDir, f));

/**
 * Ink imports its devtools bridge, and through it react-devtools-core, only when DEV=true. react-devtools-core is
 * not a dependency, so the bridge could never connect: it stays out of the bundle (one chunk and 67 kB less), and
 * DEV=true gets Ink's own "install react-devtools-core" warning from the failed import.
 */
const noDevtools = {
  name: 'no-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: './devtools.js', external: true } : undefined,
    );
  },
};

/**
 * EC_PATCHES_OFF=name,name (or =all) leaves those dependency patches out, to measure what each one is worth (bench
 * BENCH_PATCHES=compare). Such a build goes to dist/variants/patches-off-<names>/, beside a copy of the launcher,
 * whose relative import then finds it: dist/app stays the shipped build.
 */
const off = patchesOff(process.env.EC_PATCHES_OFF);
const variantName = off.length === PATCH_NAMES.length ? 'all' : off.join('+');
const variant = off.length > 0 ? join(root, 'dist', 'variants', `patches-off-${variantName}`) : undefined;

// esbuild reports resolved paths; node_modules may be a symlink (a shared install), so compare real paths.
const nodeModules = realpathSync(join(root, 'node_modules'));
const patches = dependencyPatches({ nodeModules, src, off });

// Chunk names carry content hashes: without a clean start, every build would leave the previous chunks behind.
const outdir = join(variant ?? root, 'dist', 'app');
rmSync(variant ?? outdir, { recursive: true, force: true });
if (variant) {
  mkdirSync(join(variant, 'bin'), { recursive: true });
  copyFileSync(join(root, 'bin', 'ec-access.js'), join(variant, 'bin', 'ec-access.js'));
}

await build({
  entryPoints: [join(src, 'cli', 'main.js'), ...commands],
  outbase: src,
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  // React and its reconciler pick their build from NODE_ENV at run time; fixing it drops the development builds.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Dependencies written as CommonJS (undici, react) call require() for Node's built-in modules.
  banner: {
    js: "import { createRequire as __ecCreateRequire } from 'node:module'; const require = __ecCreateRequire(import.meta.url);",
  },
  // Less to parse at start; identifiers keep their names, so profiles (bench P3 names its hottest functions) and
  // stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Ink's StdinContext, which Ink does not export, for the input bridge (scripts/ink-internals.mjs says how and why).
  plugins: [noDevtools, inkInternalsPlugin(nodeModules), patches.plugin],
});

patches.check();

// `ec-access --version` and `--help` alone are answered by bin/ec-access.js from this small module, without loading
// the app (bench P7: within 1.5× of a bare node start). The answers are the bundle's own, taken just now, so they
// cannot drift from what the full command line prints.
const answer = (flag) => execFileSync(process.execPath, [join(outdir, 'cli', 'main.js'), flag], { encoding: 'utf8' });
writeFileSync(
  join(outdir, 'cli', 'quick-answers.js'),
  `export const version = ${JSON.stringify(answer('--version'))};\nexport const help = ${JSON.stringify(answer('--help'))};\n`,
);
if (variant) process.stdout.write(`built without ${off.join(', ')}: ${join(variant, 'bin', 'ec-access.js')}\n`);
