/**
 * Saving a one-time secret (a created API key) to a file only its owner can read. The file is created, never
 * replaced: overwriting could destroy the only copy of another key. Errors name the path, never the value.
 */
import { closeSync, openSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { errorCode } from '../util/errors.js';

export interface SecretFileRequest {
  /** As typed: `~` and relative paths are accepted (nothing else expands them in a TUI text field). */
  readonly dir: string;
  readonly fileName: string;
  readonly value: string;
}

export class SecretFileError extends Error {
  override readonly name = 'SecretFileError';
}

function expandHome(dir: string, home: string): string {
  if (dir === '~') return home;
  return dir.startsWith('~/') ? join(home, dir.slice(2)) : dir;
}

function checkDirectory(dir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    throw new SecretFileError(code === 'ENOENT' ? `${dir} does not exist` : `cannot use ${dir} (${code ?? 'error'})`);
  }
  if (!isDirectory) throw new SecretFileError(`${dir} is not a directory`);
}

function checkFileName(fileName: string): void {
  if (
    fileName === '' ||
    fileName === '.' ||
    fileName === '..' ||
    basename(fileName) !== fileName ||
    fileName.includes('\\')
  ) {
    throw new SecretFileError(`"${fileName}" is not a plain file name; give the folder separately`);
  }
}

/**
 * Writes `value` exactly, without a trailing newline, so a tool that reads the file verbatim gets the key and
 * nothing else (`$(cat file)` works either way). Mode 0600 is set at creation, so there is no moment when the
 * file is readable by others.
 */
export function writeSecretFile(request: SecretFileRequest, home: string = homedir()): { path: string } {
  const dir = resolve(expandHome(request.dir, home));
  checkDirectory(dir);
  checkFileName(request.fileName);
  const path = join(dir, request.fileName);

  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    const code = errorCode(error);
    throw new SecretFileError(
      code === 'EEXIST'
        ? `${path} already exists; ec-access never overwrites a file. Choose another name.`
        : `cannot create ${path} (${code ?? 'error'})`,
    );
  }
  try {
    writeFileSync(fd, request.value);
  } catch (error) {
    closeSync(fd);
    // A half-written key file would look like a working one.
    unlinkSync(path);
    throw new SecretFileError(`could not write ${path} (${errorCode(error) ?? 'error'}); nothing was saved`);
  }
  closeSync(fd);
  return { path };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `ec-access-key-<description-slug>-<yyyymmdd>.txt`, dated in local time (the user's "today"). */
export function suggestedSecretFileName(description: string, date: Date): string {
  const slug = description
    .normalize('NFKD')
    // Decomposed accents dropped, so "Café" gives "cafe" rather than "cafe-".
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const day = `${date.getFullYear()}${pad2(date.getMonth() + 1)}${pad2(date.getDate())}`;
  return `ec-access-key-${slug ? `${slug}-` : ''}${day}.txt`;
}
