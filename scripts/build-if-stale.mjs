#!/usr/bin/env node
/**
 * `npm start` in a checkout: builds first when dist/app is missing or older than anything it is built from. npm no
 * longer builds on install (no install scripts run for users of the package), so a fresh clone's
 * `npm install && npm start` builds here; when the bundle is current this costs a few milliseconds of stat calls.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'app', 'cli', 'main.js');
const inputs = [
  'src',
  'components',
  'screens',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/bundle.mjs',
  'scripts/dependency-patches.mjs',
];

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs; // a deleted source file shows only as its folder's change
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

let built = 0;
try {
  built = statSync(bundle).mtimeMs;
} catch {
  // not built yet
}

const sources = Math.max(...inputs.map((p) => newest(join(root, p))));
if (built < sources) {
  process.stderr.write(built ? 'Sources changed since the last build; rebuilding…\n' : 'Building ec-access…\n');
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', '--silent', 'build'], {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
