/**
 * Marks the filter hides: `d` acts on every marked row, seen or not, so before it does, the user is told the real
 * counts and asked. A second `d` straight after the question goes ahead; any other key drops it. Pure.
 */

export interface MarkCounts {
  readonly marked: number;
  /** Marked rows the current filter shows. */
  readonly inView: number;
}

export function markCounts(marked: readonly string[], visible: readonly string[]): MarkCounts {
  const shown = new Set(visible);
  return { marked: marked.length, inView: marked.filter((id) => shown.has(id)).length };
}

/** The question, or undefined when every marked row is in view (nothing to ask). */
export function hiddenMarksQuestion({ marked, inView }: MarkCounts, noun: string): string | undefined {
  const hidden = marked - inView;
  if (hidden <= 0) return undefined;
  // Short enough for the status line at 60 columns.
  const what =
    marked === 1 ? `the marked ${noun}` : `all ${marked} (${hidden === 1 ? 'the hidden one' : 'hidden ones'} too)`;
  return `${marked} marked, ${inView} in view: d again revokes ${what}`;
}
