/**
 * Reads a `.env` file without touching process.env: the values are merged into the configuration explicitly, so
 * nothing else in the process (child processes, libraries) silently inherits a credential.
 */
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'dotenv';
import { errorCode } from '../util/errors.js';

export interface EnvFile {
  readonly path: string;
  readonly values: Readonly<Record<string, string>>;
  /** Permission bits (`mode & 0o777`). */
  readonly mode: number;
}

/** The parsed file, or undefined when it does not exist. Other read errors (a directory, no permission) throw. */
export function readEnvFile(path: string): EnvFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  return { path, values: parse(text), mode: statSync(path).mode & 0o777 };
}

/** True when someone other than the owner may read the file (any group/other bit). Windows has no such bits. */
export function isExposed(mode: number, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32' && (mode & 0o077) !== 0;
}
