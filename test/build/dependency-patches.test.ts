/**
 * The build-time patches (scripts/dependency-patches.mjs) fail the build loudly instead of going without: a text that
 * is gone or ambiguous, a patched file never bundled, a second copy of a patched file nobody decided about. Runs the
 * plugin's load hook on the installed packages and on altered copies of them, without esbuild.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dependencyPatches, PATCH_NAMES, patchesOff, type PatchLoad } from '../../scripts/dependency-patches.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const installed = realpathSync(join(root, 'node_modules'));
const PATCHED_FILES = [
  '@alcalzone/ansi-tokenize/build/styledChars.js',
  '@alcalzone/ansi-tokenize/build/tokenize.js',
  'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
  'string-width/index.js',
];
const NESTED_STRING_WIDTH = 'wrap-ansi/node_modules/string-width/index.js';

/** The plugin's load hook, called directly, and its after-build check. */
function loader(nodeModules: string, off: readonly string[] = []) {
  const patches = dependencyPatches({ nodeModules, src: '/app/dist/src', off });
  let load: PatchLoad | undefined;
  let filter: RegExp | undefined;
  patches.plugin.setup({
    onLoad(options, callback) {
      filter = options.filter;
      load = callback;
    },
  });
  if (!load || !filter) throw new Error('the plugin registered no load hook');
  return { load, filter, check: patches.check };
}

const contentsOf = (result: ReturnType<PatchLoad>) => result?.contents ?? '';

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A node_modules folder holding copies of the installed files, `change` applied to the one named `altered`. */
function copiedNodeModules(altered?: string, change: (text: string) => string = (t) => t): string {
  scratch = mkdtempSync(join(tmpdir(), 'ec-patches-'));
  for (const file of [...PATCHED_FILES, NESTED_STRING_WIDTH]) {
    const to = join(scratch, file);
    mkdirSync(dirname(to), { recursive: true });
    const text = readFileSync(join(installed, file), 'utf8');
    writeFileSync(to, file === altered ? change(text) : text);
  }
  return scratch;
}

describe('EC_PATCHES_OFF', () => {
  it('names patches, or all of them, and refuses a name that is not a patch', () => {
    expect(patchesOff(undefined)).toEqual([]);
    expect(patchesOff('')).toEqual([]);
    expect(patchesOff('all')).toEqual(PATCH_NAMES);
    expect(patchesOff(` ${PATCH_NAMES[1]}, ${PATCH_NAMES[0]} `)).toEqual([PATCH_NAMES[0], PATCH_NAMES[1]]);
    expect(() => patchesOff(`${PATCH_NAMES[0]},ink-cache`)).toThrow(/no patch named ink-cache; the patches are: all, /);
  });
});

describe('the dependency patches plugin', () => {
  it('patches every file of the installed packages and passes its check once all were loaded', () => {
    const { load, filter, check } = loader(installed);
    expect(() => check()).toThrow(/never bundled: .*yoga-layout\/dist\/binaries/);
    for (const file of PATCHED_FILES) {
      const path = join(installed, file);
      expect(filter.test(path)).toBe(true);
      const patched = contentsOf(load({ path }));
      expect(patched).not.toBe(readFileSync(path, 'utf8'));
      expect(patched).toMatch(/dist\/src\/ui\/ink-fast-paths\.js|function ya\(\)\{return !0\?|styles: codes \}\)/);
    }
    expect(() => check()).toThrow(`never bundled: ${NESTED_STRING_WIDTH}`);
    expect(load({ path: join(installed, NESTED_STRING_WIDTH) })).toBeUndefined();
    expect(() => check()).not.toThrow();
  });

  it('leaves out the patches switched off and still makes the others', () => {
    const widths = join(installed, 'string-width/index.js');
    const tokenizer = join(installed, '@alcalzone/ansi-tokenize/build/tokenize.js');
    const off = loader(installed, ['string-width-narrow']);
    // Its only patch off: the file is bundled as installed.
    expect(off.load({ path: widths })).toBeUndefined();
    expect(contentsOf(loader(installed).load({ path: widths }))).toContain('NARROW_TEXT.test(string)');
    expect(contentsOf(off.load({ path: tokenizer }))).toContain('graphemesOf(segmenter, str)');
  });

  it('fails the build when a patched text is gone, naming the patch', () => {
    const file = '@alcalzone/ansi-tokenize/build/tokenize.js';
    const nodeModules = copiedNodeModules(file, (t) =>
      t.replace('of segmenter.segment(str)', 'of segmenter.segment(text)'),
    );
    const path = join(nodeModules, file);
    expect(() => loader(nodeModules).load({ path })).toThrow(
      /patch tokenize-graphemes expects " {4}for \(const \{ segment, index \} of segmenter\.segment\(str\)\) \{" once, found it 0 times/,
    );
    // Switched off, the patch does not look for its text.
    expect(loader(nodeModules, ['tokenize-graphemes']).load({ path })).toBeUndefined();
  });

  it('fails the build when a patched text occurs twice, rather than guessing which one', () => {
    const nodeModules = copiedNodeModules(
      'string-width/index.js',
      (t) => `${t}\n// \tlet width = 0;\n\tconst eastAsianWidthOptions`,
    );
    expect(() => loader(nodeModules).load({ path: join(nodeModules, 'string-width/index.js') })).toThrow(
      /patch string-width-narrow expects .* once, found it 2 times/,
    );
  });

  it('fails the build on a copy of a patched file that is neither patched nor left alone on purpose', () => {
    const { load, filter } = loader(installed);
    const path = join(installed, 'cli-truncate/node_modules/string-width/index.js');
    expect(filter.test(path)).toBe(true);
    expect(() => load({ path })).toThrow(/another copy of a file .* patch it too or list it in LEFT_ALONE/);
  });
});
