/** The bench's "where the time goes": the busy sample in force at a moment, and how it is said. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { busyUntil, describeBusy } from '../../bench/busy.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('takes the last sample written at or before the moment, and says the working share', () => {
  dir = mkdtempSync(join(tmpdir(), 'busy-'));
  const file = join(dir, 'busy.jsonl');
  writeFileSync(
    file,
    [
      { at: 1000, active: 10, idle: 5 },
      { at: 1010, active: 18, idle: 6 },
      { at: 1020, active: 25, idle: 9 },
    ]
      .map((s) => JSON.stringify(s))
      .join('\n') + '\n',
  );
  expect(busyUntil(file, 1015)).toEqual({ active: 18, idle: 6 });
  expect(busyUntil(file, 999)).toBeUndefined();
  expect(busyUntil(join(dir, 'missing.jsonl'), 2000)).toBeUndefined();
  expect(describeBusy({ active: 18, idle: 6 }, 'until then')).toMatch(
    /^the process was working 75% of the time until then \(busy 18(\.0)? ms, idle 6(\.0)? ms/,
  );
});
