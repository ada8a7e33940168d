/**
 * The shipped bundle runs Ink and its helpers with the build-time patches (scripts/dependency-patches.mjs), which
 * component tests never see (ink-testing-library loads the installed, unpatched packages). Here the bundle is built
 * once more with every patch off, and the two are held against each other: each patch is in the shipped bundle and
 * absent from the other, and both draw the same cells, styles included, for text that takes each path the patches
 * add or skip (CJK, emoji, combining marks, symbols string-width counts narrow only in some versions). Yoga's patch
 * shows as the fetch() of a data: URL the unpatched loader makes at start.
 * Needs `npm run build` first (the e2e tests run dist/).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { PATCH_PROOFS } from '../../scripts/dependency-patches.mjs';
import { loadState, saveState } from '../../src/sandbox/persist.js';
import { waitForList } from './app-screen.js';
import { assertBuilt, binPath, closeAll, launchProgram, repoRoot, type PtyApp } from './harness.js';

const unpatchedRoot = join(repoRoot(), 'dist', 'variants', 'patches-off-all');
const unpatchedBin = join(unpatchedRoot, 'bin', 'ec-access.js');

/** Names that take the slow paths: wide, emoji, combining, ambiguous and text-style emoji symbols, Latin-1. */
const PLANTED = ['山田 太郎 qx', 'Zoë Ångström qx', 'José Bárbara qx', '© ↔ ▶ ‼ ★ qx', 'Party 🎉 qx', 'Ren—“é” … ✓ qx'];

/** Records each fetch() of a data: URL on fd 2 (the harness's captured stderr), then fetches as asked. */
const RECORD_DATA_FETCH = `
import { writeSync } from 'node:fs';
const fetchAsIs = globalThis.fetch;
globalThis.fetch = (url, ...rest) => {
  if (String(url).startsWith('data:')) writeSync(2, '[data-fetch]\\n');
  return fetchAsIs(url, ...rest);
};`;

let dir: string;

beforeAll(() => {
  assertBuilt();
  const built = spawnSync(process.execPath, [join(repoRoot(), 'scripts', 'bundle.mjs')], {
    cwd: repoRoot(),
    env: { ...process.env, EC_PATCHES_OFF: 'all' },
    encoding: 'utf8',
  });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);

  // One sandbox organization, some member names replaced by PLANTED; each app gets its own copy of the file.
  dir = mkdtempSync(join(tmpdir(), 'ec-access-patched-'));
  const state = join(dir, 'state.json');
  const env = { PATH: process.env.PATH, HOME: dir, EC_SANDBOX_STATE: state };
  execFileSync(process.execPath, [binPath(), 'members', 'list', '--json'], { cwd: dir, env, stdio: 'ignore' });
  const saved = loadState(state)!;
  PLANTED.forEach((name, i) => (saved.data.members[i]!.name = name));
  saveState(state, saved);
  copyFileSync(state, join(dir, 'patched.json'));
  copyFileSync(state, join(dir, 'unpatched.json'));
}, 180_000);

afterEach(closeAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every .js file of a bundle folder, joined. */
function bundleText(appDir: string): string {
  return readdirSync(appDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(appDir, f), 'utf8'))
    .join('\n');
}

it('has each patch in the shipped bundle and none in the one built without them', () => {
  const shipped = bundleText(join(repoRoot(), 'dist', 'app'));
  const unpatched = bundleText(join(unpatchedRoot, 'dist', 'app'));
  for (const { name, proof } of PATCH_PROOFS) {
    expect({ name, shipped: proof.test(shipped) }).toEqual({ name, shipped: true });
    expect({ name, unpatched: proof.test(unpatched) }).toEqual({ name, unpatched: false });
  }
});

function start(bin: string, state: string): Promise<PtyApp> {
  return launchProgram({
    file: process.execPath,
    args: ['--import', `data:text/javascript,${encodeURIComponent(RECORD_DATA_FETCH)}`, bin],
    cols: 100,
    rows: 30,
    captureStderr: true,
    // FORCE_COLOR: with the harness's CI=false chalk would otherwise drop every style, and styles are compared too.
    env: { EC_SANDBOX_STATE: join(dir, state), FORCE_COLOR: '3' },
  });
}

/** After `step` in both apps, until they show the same cells (or the wait ends and the expectation says how not). */
async function bothAfter(
  apps: readonly [PtyApp, PtyApp],
  step: (app: PtyApp) => Promise<unknown>,
  what: string,
): Promise<void> {
  await Promise.all(apps.map(step));
  const [a, b] = apps;
  await a.waitFor(() => isDeepStrictEqual(a.cells(), b.cells()), `the same frame ${what}`).catch(() => undefined);
  expect(a.cells(), what).toEqual(b.cells());
}

it('draws the same cells as unpatched Ink, frame after frame, and loads Yoga without fetch()', async () => {
  const patched = await start(binPath(), 'patched.json');
  const unpatched = await start(unpatchedBin, 'unpatched.json');
  const apps = [patched, unpatched] as const;

  await bothAfter(apps, (app) => waitForList(app, 'Members'), 'on the members list');
  await bothAfter(
    apps,
    async (app) => {
      await app.press('/');
      for (const key of 'qx') await app.press(key);
      await app.waitFor((s) => /Members\[6\/\d+\]/.test(s), 'the filter to leave the planted names');
    },
    'filtered to the planted names',
  );
  for (const name of ['山田 太郎', 'Zoë Ångström', '© ↔ ▶ ‼ ★', 'Party 🎉', 'Ren—“é” … ✓'])
    expect(patched.screen()).toContain(name);
  await bothAfter(
    apps,
    async (app) => {
      await app.press('down');
      await app.press('down');
    },
    'with the selection moved down two rows',
  );
  await bothAfter(
    apps,
    async (app) => {
      await app.press('backspace');
      await app.press('backspace');
      await app.waitFor((s) => !/Members\[6\//.test(s), 'the filter to be erased');
    },
    'with the filter erased',
  );
  await bothAfter(apps, (app) => app.press('escape'), 'after leaving the filter');
  await bothAfter(
    apps,
    async (app) => {
      await app.press('4');
      await waitForList(app, 'Keys');
    },
    'on the keys list',
  );

  expect(unpatched.stderr()).toContain('[data-fetch]');
  expect(patched.stderr()).not.toContain('[data-fetch]');
});
