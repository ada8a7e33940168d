/** What each measurement hands to the report. */

export type Verdict = 'met' | 'missed' | 'not measured' | 'partly measured';

export interface MeasureResult {
  readonly id: string;
  readonly title: string;
  readonly goal: string;
  /** ec-access's figure, formatted ("412 ms"); absent when not measured. */
  readonly ours?: string;
  /** The comparison's figure (the skill's scripts), formatted; absent when there is none. */
  readonly baseline?: string;
  readonly verdict: Verdict;
  /** One sentence for the summary table: the ratio, or by how much the goal was missed, or why not measured. */
  readonly summary: string;
  /** How it was measured, raw samples, caveats. */
  readonly notes: readonly string[];
}

/** Thrown by a measurement that cannot run here; the report shows the reason instead of a number. */
export class NotMeasured extends Error {
  override readonly name = 'NotMeasured';
}

export function notMeasured(
  id: string,
  title: string,
  goal: string,
  reason: string,
  notes: readonly string[] = [],
): MeasureResult {
  return { id, title, goal, verdict: 'not measured', summary: reason, notes };
}
