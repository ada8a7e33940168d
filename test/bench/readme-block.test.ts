/** The README's performance figures: written from the bench's results, and from the same run as bench/RESULTS.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  measuredOn,
  readmeBlock,
  README_BLOCK_END,
  README_BLOCK_START,
  withReadmeBlock,
} from '../../bench/readme-block.js';
import type { MeasureResult } from '../../bench/result.js';

const root = join(import.meta.dirname, '..', '..');
const info = { date: '2026-12-05T18:28:51.918Z', node: 'v22.1.0', load: { before: 0.4, after: 3.1, cpus: 2 } };
const result = (id: string, verdict: MeasureResult['verdict'], ours?: string, baseline?: string): MeasureResult => ({
  id,
  title: `measure ${id}`,
  goal: `goal ${id}`,
  ours,
  baseline,
  verdict,
  summary: '',
  notes: [],
});

it('states every row with its figures, goal and verdict, counts the goals met and flags a busy run', () => {
  const block = readmeBlock(
    [result('P1', 'met', '278 ms', '931 ms'), result('P2', 'missed', '361 ms'), result('P3', 'not measured')],
    info,
  );
  expect(block.split('\n')).toEqual([
    README_BLOCK_START,
    'Measured on 2026-12-05 with Node v22.1.0 on 2 CPUs (a busy machine: figures inflated): 1 of 3 goals met. Details and method: [bench/RESULTS.md](bench/RESULTS.md).',
    '',
    '- **P1** measure P1: 278 ms (baseline: 931 ms); goal goal P1; **met**.',
    '- **P2** measure P2: 361 ms; goal goal P2; **missed**.',
    '- **P3** measure P3: —; goal goal P3; **not measured**.',
    README_BLOCK_END,
  ]);
});

it('replaces only the block, and refuses a README without one', () => {
  const readme = `# x\n\n${README_BLOCK_START}\nold\n${README_BLOCK_END}\n\n## next\n`;
  expect(withReadmeBlock(readme, `${README_BLOCK_START}\nnew\n${README_BLOCK_END}`)).toBe(
    `# x\n\n${README_BLOCK_START}\nnew\n${README_BLOCK_END}\n\n## next\n`,
  );
  expect(() => withReadmeBlock('# x\n', 'new')).toThrow(/no bench block/);
});

it('the README states the figures of the run bench/RESULTS.md records', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const results = readFileSync(join(root, 'bench', 'RESULTS.md'), 'utf8');
  const block = readme.slice(readme.indexOf(README_BLOCK_START), readme.indexOf(README_BLOCK_END));
  expect(measuredOn(block)).toBeDefined();
  expect(measuredOn(block)).toBe(measuredOn(results));
  for (const id of [...results.matchAll(/^\| (P\d+) \|/gm)].map((m) => m[1]!)) expect(block).toContain(`**${id}**`);
});
