/**
 * Speed fixes for Ink 6.8 and its helpers, applied to their code as esbuild bundles it (scripts/bundle.mjs); the
 * installed packages are left as they are. Each patch says what it fixes. The helpers spliced in live in src/ui
 * (generational-map.ts, ink-fast-paths.ts), where they are tested against the code they stand in for.
 *
 * Ink measures and tokenizes every text on screen for every frame: its output caches live for one frame, the width
 * of each text node is measured uncached, and turning the cells back into a line diffs the styles of every pair of
 * neighbouring characters with three Sets. Over a long list that was about half of a keystroke's time.
 *
 * The build fails if a patched file no longer has the shape a patch relies on, or was never bundled, rather than
 * silently going without.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Patches by file, relative to node_modules (a nested copy of the same package is not patched). */
function patches(src) {
  const generationalMap = JSON.stringify(join(src, 'ui', 'generational-map.js'));
  const fastPaths = JSON.stringify(join(src, 'ui', 'ink-fast-paths.js'));
  return {
    'ink/build/output.js': [
      // Caches shared across frames, bounded.
      ['    widths = new Map();', '    widths = new GenerationalMap(2048);'],
      ['    blockWidths = new Map();', '    blockWidths = new GenerationalMap(1024);'],
      ['    styledChars = new Map();', '    styledChars = new GenerationalMap(128);'],
      ['    caches = new OutputCaches();', '    caches = sharedCaches;'],
      ['export default class Output {', 'const sharedCaches = new OutputCaches();\nexport default class Output {'],
      // Every frame starts from a grid of blank cells, one object each (4,800 at 120x40), only to replace most of
      // them; one frozen blank shared by all is never written to (cells are replaced, not changed).
      [
        "                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
        '                row.push(blankCell);',
      ],
      [
        'const sharedCaches',
        "const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });\nconst sharedCaches",
      ],
      ['', `import { GenerationalMap } from ${generationalMap};\n`],
    ],
    '@alcalzone/ansi-tokenize/build/styledChars.js': [
      // Each character was built by object spread, which gave every one a hidden class of its own (17,000 of them,
      // about 5 MB, once lines are cached) and its own copy of the styles; a literal shares one class, and the
      // characters between two escape codes share their (never modified) styles array.
      [
        '            ret.push({\n                ...token,\n                styles: [...codes],\n            });',
        '            ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes });',
      ],
      [
        'import { diffAnsiCodes } from "./diff.js";',
        `import { diffAnsiCodes } from "./diff.js";\nimport { sameStyles } from ${fastPaths};`,
      ],
      [
        '            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        '            if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      ],
    ],
    // Every line Ink draws is split into graphemes with Intl.Segmenter, character by character; lines made of
    // characters that are graphemes on their own (nearly all of this app's) are split by index instead.
    '@alcalzone/ansi-tokenize/build/tokenize.js': [
      [
        'import isFullwidthCodePoint from "is-fullwidth-code-point";',
        `import isFullwidthCodePoint from "is-fullwidth-code-point";\nimport { graphemesOf } from ${fastPaths};`,
      ],
      [
        '    for (const { segment, index } of segmenter.segment(str)) {',
        '    for (const { segment, index } of graphemesOf(segmenter, str)) {',
      ],
    ],
    // Yoga's Emscripten loader reads its embedded wasm through fetch() of a data: URL whenever a global fetch exists.
    // In Node that loads Node's own copy of undici and percent-decodes 95 KB in JavaScript: about 20 ms of every
    // start. Its fallback path decodes the same base64 directly in about 1 ms.
    'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js': [
      ['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return !0?'],
    ],
    // Called on the squashed text of every text node at every nesting level, every frame, and tokenizes all of it
    // when it holds colour codes.
    'ink/build/sanitize-ansi.js': [
      [
        'export default sanitizeAnsi;',
        `import { memoizeBounded } from ${generationalMap};\nexport default memoizeBounded(sanitizeAnsi, 1024);`,
      ],
    ],
    'ink/build/render-node-to-output.js': [
      [
        "import widestLine from 'widest-line';",
        `import widestLineOf from 'widest-line';\nimport { memoizeBounded } from ${generationalMap};\nconst widestLine = memoizeBounded(widestLineOf, 1024);`,
      ],
    ],
    // Its fast path covers printable ASCII only; every line with a border or a bullet was segmented into graphemes.
    'string-width/index.js': [
      [
        "import {eastAsianWidth} from 'get-east-asian-width';",
        `import {eastAsianWidth} from 'get-east-asian-width';\nimport { NARROW_TEXT } from ${fastPaths};`,
      ],
      [
        '\tlet width = 0;\n\tconst eastAsianWidthOptions',
        '\tif (ambiguousIsNarrow && NARROW_TEXT.test(string)) {\n\t\treturn string.length;\n\t}\n\n\tlet width = 0;\n\tconst eastAsianWidthOptions',
      ],
    ],
  };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '[\\\\/]');

/** The esbuild plugin, and `check()` to call after the build: it throws when a patch never applied. */
export function dependencyPatches({ nodeModules, src }) {
  const table = patches(src);
  const applied = new Set();
  const filter = new RegExp(`[\\\\/]node_modules[\\\\/](${Object.keys(table).map(escape).join('|')})$`);
  return {
    plugin: {
      name: 'dependency-patches',
      setup(b) {
        b.onLoad({ filter }, ({ path }) => {
          const file = relative(nodeModules, path).split(sep).join('/');
          const edits = table[file];
          if (!edits) return undefined; // a nested copy: left alone
          let contents = readFileSync(path, 'utf8');
          for (const [from, to] of edits) {
            if (from && !contents.includes(from))
              throw new Error(
                `${path}: "${from}" is gone; the package changed, revisit scripts/dependency-patches.mjs`,
              );
            contents = from ? contents.replace(from, to) : to + contents;
          }
          applied.add(file);
          return { contents, loader: 'js' };
        });
      },
    },
    check() {
      const missing = Object.keys(table).filter((file) => !applied.has(file));
      if (missing.length > 0)
        throw new Error(`never bundled, so not patched: ${missing.join(', ')}; revisit scripts/dependency-patches.mjs`);
    },
  };
}
