/**
 * Speed fixes for packages Ink 6.8 depends on, applied to their code as esbuild bundles it (scripts/bundle.mjs); the
 * installed packages are left as they are, so ink-testing-library component tests run the unpatched code. The
 * helpers spliced in live in src/ui/ink-fast-paths.ts, where they are tested against the code they stand in for.
 * docs/dependency-patches.md has, per patch, its measured effect and the upstream report.
 *
 * Ink measures and tokenizes every text on screen for every frame, and turning the cells back into a line diffs the
 * styles of every pair of neighbouring characters with three Sets. Over a long list that was about half of a
 * keystroke's time; the patches below are the ones the bench found worth keeping (ink-output-caches, which shared
 * Ink's per-frame caches across frames, was removed after six compare runs in a row found it within the noise).
 *
 * Each patch has a stable name: EC_PATCHES_OFF=name,name (or =all) builds the bundle without them, into its own
 * folder (bench/patches.ts compares the two). The build fails, rather than silently going without, when a patch's
 * text is not found exactly once, when a patched file was never bundled, or when a second copy of a patched file is
 * bundled that is neither patched nor listed in LEFT_ALONE with the reason.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The patches, in the order they are applied. `edits` maps a file (relative to its package's node_modules folder) to
 * [find, replace] pairs; an empty find prepends. `proof` matches the bundle (dist/app, minified) only when the patch
 * took effect; test/build/dependency-patches.test.ts checks it both ways.
 */
function patchTable(src) {
  const fastPaths = JSON.stringify(join(src, 'ui', 'ink-fast-paths.js'));
  return [
    {
      // Each character was built by object spread, which gave every one a hidden class of its own and its own copy
      // of the styles; a literal shares one class, and the characters between two escape codes share their (never
      // modified) styles array.
      name: 'tokenize-char-literal',
      edits: {
        '@alcalzone/ansi-tokenize/build/styledChars.js': [
          [
            '            ret.push({\n                ...token,\n                styles: [...codes],\n            });',
            '            ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes });',
          ],
        ],
      },
      proof: /ret\.push\(\{type:token\.type,value:token\.value,fullWidth:token\.fullWidth,styles:codes\}\)/,
    },
    {
      // Ink turns every row of every frame back into a string with styledCharsToString, which diffed each pair of
      // neighbouring cells' styles with three Sets: about ten objects per cell, most of a keystroke's garbage.
      name: 'tokenize-line-diff',
      edits: {
        '@alcalzone/ansi-tokenize/build/styledChars.js': [
          [
            'import { diffAnsiCodes } from "./diff.js";',
            `import { diffAnsiCodes } from "./diff.js";\nimport { styledCharsToLine } from ${fastPaths};`,
          ],
          [
            'export function styledCharsToString(chars) {',
            'export function styledCharsToString(chars) {\n    return styledCharsToLine(chars, diffAnsiCodes, ansiCodesToString);\n}\nfunction unpatchedStyledCharsToString(chars) {',
          ],
        ],
      },
      proof: /return styledCharsToLine\(\w+,diffAnsiCodes,ansiCodesToString\)/,
    },
    {
      // Every line Ink draws is split into graphemes with Intl.Segmenter, character by character; lines made of
      // characters that are graphemes on their own (nearly all of this app's) are split by index instead.
      name: 'tokenize-graphemes',
      edits: {
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
      },
      proof: /of graphemesOf\(\w+,str\)/,
    },
    {
      // Yoga's Emscripten loader reads its embedded wasm through fetch() of a data: URL whenever a global fetch
      // exists. In Node that loads Node's own copy of undici and percent-decodes 95 KB in JavaScript: about 20 ms of
      // every start. Its fallback path decodes the same base64 directly in about 1 ms.
      name: 'yoga-no-fetch',
      edits: {
        'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js': [
          ['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return !0?'],
        ],
      },
      // Unpatched, the minifier keeps the test for a global fetch in ya(); patched, it folds the condition away.
      proof: /function ya\(\)\{return Promise\.resolve\(\)/,
    },
    {
      // Its fast path covers printable ASCII only; every line with a border or a bullet was segmented into graphemes.
      name: 'string-width-narrow',
      edits: {
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
      },
      proof: /ambiguousIsNarrow&&NARROW_TEXT\.test\(string\)/,
    },
  ];
}

/**
 * Copies of a patched file, nested under another package, that are bundled unpatched on purpose (path relative to
 * node_modules → why). The build fails when one is no longer bundled, so a reason never outlives its copy.
 */
const LEFT_ALONE = {
  // wrap-ansi's own string-width 7.2: Ink keeps every wrapText answer, so it measures each distinct text once, not
  // every frame; and it counts text-style emoji (©, ↔, ▶, ‼) two columns where NARROW_TEXT says one, so the fast
  // path would change its answers, not only its speed.
  'wrap-ansi/node_modules/string-width/index.js': 'measured once per text (Ink caches wrapText); its widths differ',
};

/** Every patch's name, in the order they are applied. */
export const PATCH_NAMES = patchTable('').map((p) => p.name);

/** Each patch's name and its proof in the bundle (for the test that reads dist/app). */
export const PATCH_PROOFS = patchTable('').map(({ name, proof }) => ({ name, proof }));

/**
 * The names EC_PATCHES_OFF lists ("all" for every one); throws naming the valid ones when a name is unknown, so a
 * typo cannot build a "without" bundle that is the same as the normal one.
 */
export function patchesOff(value) {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.includes('all')) return [...PATCH_NAMES];
  const unknown = names.filter((n) => !PATCH_NAMES.includes(n));
  if (unknown.length > 0)
    throw new Error(
      `EC_PATCHES_OFF: no patch named ${unknown.join(', ')}; the patches are: all, ${PATCH_NAMES.join(', ')}`,
    );
  return PATCH_NAMES.filter((n) => names.includes(n));
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '[\\\\/]');

/** `contents` with each edit made; throws unless each find occurs exactly once. */
function applyEdits(path, contents, edits, patchName) {
  for (const [from, to] of edits) {
    if (!from) {
      contents = to + contents;
      continue;
    }
    const count = contents.split(from).length - 1;
    if (count !== 1)
      throw new Error(
        `${path}: patch ${patchName} expects ${JSON.stringify(from)} once, found it ${count} times; the package ` +
          'changed, revisit scripts/dependency-patches.mjs',
      );
    contents = contents.replace(from, () => to);
  }
  return contents;
}

/**
 * The esbuild plugin, and `check()` to call after the build: it throws when a patch or a LEFT_ALONE entry never met
 * its file. `off` lists the patches to leave out (every file they name is still checked for unknown copies).
 */
export function dependencyPatches({ nodeModules, src, off = [] }) {
  const table = patchTable(src);
  const files = [...new Set(table.flatMap((p) => Object.keys(p.edits)))];
  const seen = new Set();
  const filter = new RegExp(`[\\\\/]node_modules[\\\\/](${files.map(escape).join('|')})$`);
  return {
    plugin: {
      name: 'dependency-patches',
      setup(b) {
        b.onLoad({ filter }, ({ path }) => {
          const file = relative(nodeModules, path).split(sep).join('/');
          seen.add(file);
          if (Object.hasOwn(LEFT_ALONE, file)) return undefined;
          if (!files.includes(file))
            throw new Error(
              `${path} is another copy of a file scripts/dependency-patches.mjs patches: patch it too or list it in ` +
                'LEFT_ALONE there, saying why',
            );
          const patches = table.filter((p) => !off.includes(p.name) && p.edits[file]);
          if (patches.length === 0) return undefined;
          let contents = readFileSync(path, 'utf8');
          for (const patch of patches) contents = applyEdits(path, contents, patch.edits[file], patch.name);
          return { contents, loader: 'js' };
        });
      },
    },
    check() {
      const missing = [...files, ...Object.keys(LEFT_ALONE)].filter((file) => !seen.has(file));
      if (missing.length > 0)
        throw new Error(`never bundled: ${missing.join(', ')}; revisit scripts/dependency-patches.mjs`);
    },
  };
}
