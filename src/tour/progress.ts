/**
 * Tour progress in `<stateDir>/tour.json`, next to the sandbox organization it belongs to
 * (`<stateDir>/tour-sandbox.json`): resuming reopens the same organization at the same lesson, with the baseline
 * the lesson started from. A file this version cannot read starts the tour over rather than failing.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../util/atomic-file.js';
import { Baseline } from './types.js';

export const PROGRESS_FILE = 'tour.json';
export const SANDBOX_FILE = 'tour-sandbox.json';
const VERSION = 1;

const TourProgress = z
  .object({
    version: z.literal(VERSION),
    /** Index into LESSONS; LESSONS.length once every lesson is done. */
    current: z.number(),
    completed: z.array(z.string()).readonly(),
    /** The current lesson's starting point; absent until it started. */
    baseline: Baseline.optional(),
    /** The answer typed for a question lesson. */
    answer: z.string().optional(),
  })
  .readonly();
export type TourProgress = z.infer<typeof TourProgress>;

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
    const parsed = TourProgress.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : FRESH;
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
