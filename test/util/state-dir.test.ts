/** The private state directory: src/util/state-dir.ts. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ensureStateDir } from '../../src/util/state-dir.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'ec-access-state-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

it('creates the directory 0700', () => {
  const dir = ensureStateDir('secrets', { XDG_STATE_HOME: base });
  expect(dir).toBe(join(base, 'ec-access', 'secrets'));
  expect(mode(join(base, 'ec-access'))).toBe(0o700);
  expect(mode(dir)).toBe(0o700);
});

it('tightens existing wider directories to 0700, and leaves the XDG base alone', () => {
  chmodSync(base, 0o755);
  mkdirSync(join(base, 'ec-access', 'secrets'), { recursive: true });
  chmodSync(join(base, 'ec-access'), 0o755);
  chmodSync(join(base, 'ec-access', 'secrets'), 0o777);
  ensureStateDir('secrets', { XDG_STATE_HOME: base });
  expect(mode(join(base, 'ec-access'))).toBe(0o700);
  expect(mode(join(base, 'ec-access', 'secrets'))).toBe(0o700);
  expect(mode(base)).toBe(0o755);
});
