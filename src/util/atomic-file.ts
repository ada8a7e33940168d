/**
 * A file written whole or not at all: the text goes to a temporary file beside it, and a rename replaces the old
 * one, so a crash or a full disk mid-write leaves the previous version, never a torn one (a torn tour progress
 * would read as a fresh start, a torn sandbox state as an unreadable one). Private: mode 0600.
 */
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    chmodSync(temp, 0o600); // a leftover temporary file from a crash keeps its old mode otherwise
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
