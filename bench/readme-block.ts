/**
 * The README's performance paragraph, rewritten by every full `npm run bench` from the same results as
 * bench/RESULTS.md, so the figures a reader meets first are the ones last measured and never drift by hand.
 */
import { busyMachine, type RunInfo } from './report.js';
import type { MeasureResult } from './result.js';

export const README_BLOCK_START = '<!-- bench:start (written by npm run bench; do not edit by hand) -->';
export const README_BLOCK_END = '<!-- bench:end -->';

export function readmeBlock(
  results: readonly MeasureResult[],
  info: Pick<RunInfo, 'date' | 'node' | 'load' | 'otherWork'>,
): string {
  const met = results.filter((r) => r.verdict === 'met').length;
  const busy = busyMachine(info);
  return [
    README_BLOCK_START,
    `Measured on ${info.date.slice(0, 10)} with Node ${info.node} on ${info.load.cpus} CPUs${busy ? ' (a busy machine: figures inflated)' : ''}: ` +
      `${met} of ${results.length} goals met. Details and method: [bench/RESULTS.md](bench/RESULTS.md).`,
    '',
    ...results.map((r) => {
      const figures = r.ours ? `${r.ours}${r.baseline ? ` (baseline: ${r.baseline})` : ''}` : '—';
      return `- **${r.id}** ${r.title}: ${figures}; goal ${r.goal}; **${r.verdict}**.`;
    }),
    README_BLOCK_END,
  ].join('\n');
}

/** The README with its block replaced; throws when the markers are missing, so a run never drops the figures. */
export function withReadmeBlock(readme: string, block: string): string {
  const start = readme.indexOf(README_BLOCK_START);
  const end = readme.indexOf(README_BLOCK_END);
  if (start < 0 || end < start) throw new Error('README.md has no bench block to rewrite');
  return readme.slice(0, start) + block + readme.slice(end + README_BLOCK_END.length);
}

/** The date line of a block or of bench/RESULTS.md, to check that both come from the same run. */
export function measuredOn(text: string): string | undefined {
  return /(?:Measured on |- date: )(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
}
