/**
 * stopYoungGenerationGrowth changes a process-wide V8 setting, so each case runs in a Node of its own: the module's
 * source (transpiled by esbuild, a dev dependency), then a load that keeps what it makes, the way parsing a large
 * organization does.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { expect, it } from 'vitest';
import { z } from 'zod';

const source = transformSync(readFileSync(new URL('../../src/util/young-generation.ts', import.meta.url), 'utf8'), {
  loader: 'ts',
  format: 'esm',
}).code;

const Sizes = z.object({ before: z.number(), after: z.number() });

/** The young generation's size (MB) before and after keeping 300,000 small objects. */
function youngGeneration(stopGrowth: boolean): z.infer<typeof Sizes> {
  const script = `${source}
const { getHeapSpaceStatistics } = await import('node:v8');
const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20;
const before = young();
${stopGrowth ? 'stopYoungGenerationGrowth();' : ''}
const kept = [];
for (let i = 0; i < 300_000; i++) kept.push({ id: 'member-' + i, roles: [i] });
process.stdout.write(JSON.stringify({ before, after: young() }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Sizes.parse(JSON.parse(out));
}

it('keeps the young generation at the size it had when asked, through a large load', () => {
  const grown = youngGeneration(false);
  const stopped = youngGeneration(true);
  // V8's default grows it under such a load (to 16 MB and more); stopped at start-up, it stays at its first size.
  expect(grown.after).toBeGreaterThan(8);
  expect(stopped.after).toBeLessThanOrEqual(Math.max(2, stopped.before));
});
