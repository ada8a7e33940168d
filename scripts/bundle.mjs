#!/usr/bin/env node
/**
 * Bundles the compiled app (dist/src, written by tsc) into dist/app: one ES module per command plus shared chunks.
 * Loading ~400 small ESM files (ours, Ink's and its dependencies') cost ~400 ms at every start; the bundle loads in
 * about a third of that, and each command still loads only what it needs (dispatch.ts import()s commands by path,
 * so the layout under dist/app mirrors dist/src).
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'dist', 'src');
const commands = readdirSync(join(src, 'cli', 'commands'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => join(src, 'cli', 'commands', f));

/** Ink imports react-devtools-core only when DEV=true; it is not a dependency, so it resolves to nothing. */
const noDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

/**
 * Ink 6.8 measures and tokenizes every text on screen for every frame: its output caches live for one frame, the
 * width of each text node is measured uncached, and turning the cells back into a line diffs the styles of every
 * pair of neighbouring characters with three Sets. Over a long list that was about half of a keystroke's time.
 * These patches keep those answers across frames, bounded (src/ui/generational-map.ts), so an unchanged line costs
 * a lookup, and skip the diff between characters styled alike (src/ui/ink-fast-paths.ts). The build fails if the
 * code no longer has the shape they rely on, rather than silently not applying.
 */
const generationalMap = JSON.stringify(join(src, 'ui', 'generational-map.js'));
const fastPaths = JSON.stringify(join(src, 'ui', 'ink-fast-paths.js'));
const INK_PATCHES = [
  {
    file: 'output.js',
    edits: [
      ['    widths = new Map();', '    widths = new GenerationalMap(4096);'],
      ['    blockWidths = new Map();', '    blockWidths = new GenerationalMap(1024);'],
      ['    styledChars = new Map();', '    styledChars = new GenerationalMap(256);'],
      ['    caches = new OutputCaches();', '    caches = sharedCaches;'],
      ['export default class Output {', 'const sharedCaches = new OutputCaches();\nexport default class Output {'],
      // Every frame starts from a grid of blank cells, one object each (4,800 at 120x40), only to replace most of
      // them; one frozen blank shared by all is never written to (cells are replaced, not changed).
      [
        "                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
        '                row.push(blankCell);',
      ],
      ['const sharedCaches', "const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });\nconst sharedCaches"],
      ['', `import { GenerationalMap } from ${generationalMap};\n`],
    ],
  },
  {
    file: 'styledChars.js',
    edits: [
      ['import { diffAnsiCodes } from "./diff.js";', `import { diffAnsiCodes } from "./diff.js";\nimport { sameStyles } from ${fastPaths};`],
      [
        '            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        '            if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      ],
    ],
  },
  {
    // Yoga's Emscripten loader reads its embedded wasm through fetch() of a data: URL whenever a global fetch exists.
    // In Node that loads Node's own copy of undici and percent-decodes 95 KB in JavaScript: about 30 ms of every
    // start. Its fallback path decodes the same base64 directly in about 1 ms.
    file: 'yoga-wasm-base64-esm.js',
    edits: [['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return !0?']],
  },
  {
    // Called on the squashed text of every text node at every nesting level, every frame, and tokenizes all of it
    // when it holds colour codes.
    file: 'sanitize-ansi.js',
    edits: [
      ['export default sanitizeAnsi;', `import { memoizeBounded } from ${generationalMap};\nexport default memoizeBounded(sanitizeAnsi, 2048);`],
    ],
  },
  {
    file: 'render-node-to-output.js',
    edits: [
      ["import widestLine from 'widest-line';", `import widestLineOf from 'widest-line';\nimport { memoizeBounded } from ${generationalMap};\nconst widestLine = memoizeBounded(widestLineOf, 1024);`],
    ],
  },
];

const patched = new Set();
const inkCachesAcrossFrames = {
  name: 'ink-caches-across-frames',
  setup(b) {
    b.onLoad({ filter: /[\\/](ink[\\/]build[\\/](output|render-node-to-output|sanitize-ansi)|ansi-tokenize[\\/]build[\\/]styledChars|yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm)\.js$/ }, ({ path }) => {
      const patch = INK_PATCHES.find((p) => basename(path) === p.file);
      patched.add(patch.file);
      let contents = readFileSync(path, 'utf8');
      for (const [from, to] of patch.edits) {
        if (from && !contents.includes(from)) throw new Error(`${path}: "${from}" is gone; Ink changed, revisit the ink-caches-across-frames patches`);
        contents = from ? contents.replace(from, to) : to + contents;
      }
      return { contents, loader: 'js' };
    });
  },
};

// Chunk names carry content hashes: without a clean start, every build would leave the previous chunks behind.
const outdir = join(root, 'dist', 'app');
rmSync(outdir, { recursive: true, force: true });

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
  banner: { js: "import { createRequire as __ecCreateRequire } from 'node:module'; const require = __ecCreateRequire(import.meta.url);" },
  // Less to parse at start; identifiers keep their names, so profiles (bench P3 names its hottest functions) and
  // stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noDevtools, inkCachesAcrossFrames],
});

const unpatched = INK_PATCHES.filter((p) => !patched.has(p.file)).map((p) => p.file);
if (unpatched.length > 0) throw new Error(`never bundled, so not patched: ${unpatched.join(', ')}; revisit INK_PATCHES`);
