/**
 * "Did you mean …?" for a mistyped name: the closest known names by edit distance (a swap of two neighbouring
 * letters counts as one edit, the commonest typo), only when close enough to be a likely slip rather than a guess.
 */

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Up to `max` known names within a third of the typed length (at least 1, at most 3 edits), closest first. */
export function closestNames(typed: string, known: readonly string[], max = 2): string[] {
  const needle = typed.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  return known
    .map((name) => ({ name, distance: editDistance(needle, name.toLowerCase()) }))
    .filter((c) => c.distance <= limit)
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
    .slice(0, max)
    .map((c) => c.name);
}

/** ` (did you mean "monitor"?)`, or '' when nothing is close. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const names = closestNames(typed, known);
  return names.length === 0 ? '' : ` (did you mean ${names.map((n) => `"${n}"`).join(' or ')}?)`;
}
