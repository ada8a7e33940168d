/** Files written whole or not at all (the sandbox state file, tour progress): src/util/atomic-file.ts. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { saveState } from '../../src/sandbox/persist.js';
import { seedOrganization } from '../../src/sandbox/seed.js';
import { FRESH, saveProgress } from '../../src/tour/progress.js';
import { writeFileAtomic } from '../../src/util/atomic-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('replaces the file whole, private (0600) even over a leftover temporary file, and leaves nothing beside it', () => {
  const file = join(dir, 'state.json');
  writeFileSync(file, 'old');
  writeFileSync(`${file}.${process.pid}.tmp`, 'leftover');
  chmodSync(`${file}.${process.pid}.tmp`, 0o644);
  writeFileAtomic(file, 'new');
  expect(readFileSync(file, 'utf8')).toBe('new');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readdirSync(dir)).toEqual(['state.json']);
});

it('when the rename fails, keeps what was there and removes its temporary file', () => {
  const file = join(dir, 'taken');
  mkdirSync(file); // a folder where the file should go: the rename cannot replace it
  expect(() => writeFileAtomic(file, 'new')).toThrow();
  expect(statSync(file).isDirectory()).toBe(true);
  expect(readdirSync(dir)).toEqual(['taken']);
});

it('is what the tour progress and the sandbox state file are saved with: a failed save leaves no temporary file', () => {
  const progress = join(dir, 'tour.json');
  mkdirSync(progress);
  expect(() => saveProgress(progress, FRESH)).toThrow();
  const state = join(dir, 'tour-sandbox.json');
  mkdirSync(state);
  const now = new Date('2026-01-01T00:00:00Z');
  const saved = {
    seed: 1,
    scale: 'small',
    seededAt: now.toISOString(),
    clock: { mode: 'wall', offsetMs: 0 },
    data: seedOrganization({ seed: 1, scale: 'small', now }),
  } as const;
  expect(() => saveState(state, saved)).toThrow();
  expect(readdirSync(dir).sort()).toEqual(['tour-sandbox.json', 'tour.json']);
});
