/**
 * Where the TUI's access review exports go: new files in the current directory, created owner-only (0600) and
 * never replacing one (a taken name gets the next free suffix), and which earlier JSON exports are there to compare.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeSecretFile } from '../secrets/file.js';

export const EXPORT_PREFIX = 'ec-access-access-';

/** `ec-access-access-<org>-<yyyymmdd-hhmm>[-n].<ext>`, the first name not taken in `dir`. */
export function writeReviewExport(dir: string, orgId: string, at: Date, ext: string, text: string): string {
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const stem = `${EXPORT_PREFIX}${orgId.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}`;
  let fileName = `${stem}.${ext}`;
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = `${stem}-${n}.${ext}`;
  return writeSecretFile({ dir, fileName, value: text }).path;
}

/** Earlier JSON exports in `dir`, newest first. */
export function listReviewExports(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(EXPORT_PREFIX) && n.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || (a.path < b.path ? 1 : -1))
    .map((f) => f.path);
}

export function readReviewExport(path: string): string {
  return readFileSync(path, 'utf8');
}
