/**
 * Tour progress in `<stateDir>/tour.json`, next to the sandbox organization it belongs to
 * (`<stateDir>/tour-sandbox.json`): resuming reopens the same organization at the same lesson, with the baseline
 * the lesson started from. A file this version cannot read starts the tour over rather than failing.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-file.js';
import type { Baseline } from './types.js';

export const PROGRESS_FILE = 'tour.json';
export const SANDBOX_FILE = 'tour-sandbox.json';
const VERSION = 1;

export interface TourProgress {
  readonly version: typeof VERSION;
  /** Index into LESSONS; LESSONS.length once every lesson is done. */
  readonly current: number;
  readonly completed: readonly string[];
  /** The current lesson's starting point; absent until it started. */
  readonly baseline?: Baseline;
  /** The answer typed for a question lesson. */
  readonly answer?: string;
}

export const FRESH: TourProgress = { version: VERSION, current: 0, completed: [] };

export interface TourFiles {
  readonly progress: string;
  readonly sandbox: string;
}

export function tourFiles(stateDir: string): TourFiles {
  return { progress: join(stateDir, PROGRESS_FILE), sandbox: join(stateDir, SANDBOX_FILE) };
}

export function loadProgress(file: string): TourProgress {
  if (!existsSync(file)) return FRESH;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<TourProgress>;
    if (parsed.version !== VERSION || typeof parsed.current !== 'number' || !Array.isArray(parsed.completed))
      return FRESH;
    return parsed as TourProgress;
  } catch {
    return FRESH;
  }
}

/** Written whole or not at all: a torn tour.json would read as a fresh start. */
export function saveProgress(file: string, progress: TourProgress): void {
  writeFileAtomic(file, `${JSON.stringify(progress, null, 2)}\n`);
}

/** `--reset`: forget the progress and the organization, so the next start seeds a fresh one. */
export function resetTour(files: TourFiles): void {
  rmSync(files.progress, { force: true });
  rmSync(files.sandbox, { force: true });
}
