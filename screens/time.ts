/**
 * Relative times for lists ("in 2d", "3h ago"). Adapter until src/domain/duration.ts (`formatRelative`) lands;
 * then this file re-exports it.
 */
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * 86_400_000],
  ['mo', 30 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
];

export function formatRelative(date: Date, now: Date): string {
  const delta = date.getTime() - now.getTime();
  const abs = Math.abs(delta);
  const unit = UNITS.find(([, ms]) => abs >= ms);
  const amount = unit ? `${Math.floor(abs / unit[1])}${unit[0]}` : 'now';
  if (!unit) return amount;
  return delta >= 0 ? `in ${amount}` : `${amount} ago`;
}
