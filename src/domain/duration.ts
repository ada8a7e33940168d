/**
 * Lifetimes of API keys and invitations, as the Cloud API takes them: a whole number and a unit ("30d", "72h").
 *
 * What is accepted, and why (cloud-api.md §3, §5; access-management api-reference):
 * - `h` (hours) and `d` (days) are the units every reference shows ("3h", "1d", "30d", "90d", "72h", "3d").
 *   They are also the only units this module ever *produces*, so what goes on the wire is always a documented form.
 * - `mo` appears once, as the documented key default ("3mo"); `w` and `y` are input conveniences. They are read as
 *   fixed spans: a month is 30 days and a year 365 days (the calendar is not consulted, so "12mo" is 360 days and
 *   "1y" is exactly the one-year key maximum). Builders send them converted to days.
 * - Minutes are refused: `m` reads as "months" to some people and "minutes" to others, and no reference shows a
 *   lifetime below an hour.
 * - Zero, signs, decimals, spaces inside and upper-case units are refused; callers trim user input first.
 */

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const UNIT_MS: Readonly<Record<string, number>> = {
  h: HOUR_MS,
  d: DAY_MS,
  w: 7 * DAY_MS,
  mo: 30 * DAY_MS,
  y: 365 * DAY_MS,
};

const DURATION = /^([0-9]+)(h|d|w|mo|y)$/;

/** Longest lifetime the Cloud API gives a key ("up to 1 year"). */
export const MAX_KEY_LIFETIME_MS = 365 * DAY_MS;
/** What the server applies when a key is created without `expiration` (docs: "Default expiration is 3 months"). */
export const DEFAULT_KEY_LIFETIME = '3mo';
export const DEFAULT_KEY_LIFETIME_MS = 3 * 30 * DAY_MS;
/** What the server applies when an invitation has no `expires_in` (docs: "72 hours to accept"). */
export const DEFAULT_INVITATION_LIFETIME_MS = 72 * HOUR_MS;

/** Milliseconds for a duration such as "30d"; undefined for anything else, including zero. */
export function parseDuration(input: string): number | undefined {
  const match = DURATION.exec(input);
  if (!match) return undefined;
  const count = Number(match[1]);
  const ms = count * UNIT_MS[match[2]!]!;
  return count > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

/**
 * The wire form of a span: whole days as "Nd", else whole hours as "Nh" (so `parseDuration(formatDuration(ms)) === ms`
 * for any whole number of hours). Spans that are not whole hours are rounded up to the next hour, the finest unit
 * the API is known to take; a lifetime is never shortened by formatting.
 */
export function formatDuration(ms: number): string {
  const hours = Math.ceil(ms / HOUR_MS);
  if (hours <= 0) return '0h';
  return hours % 24 === 0 ? `${hours / 24}d` : `${hours}h`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Words for confirmations: "30 days", "36 hours", "1 day and 2 hours". */
export function describeDuration(ms: number): string {
  const hours = Math.max(0, Math.ceil(ms / HOUR_MS));
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return plural(rest, 'hour');
  return rest === 0 ? plural(days, 'day') : `${plural(days, 'day')} and ${plural(rest, 'hour')}`;
}

export type ExpirationCheck =
  | { readonly ok: true; readonly normalized: string; readonly ms: number }
  | { readonly ok: false; readonly message: string };

export interface ExpirationLimits {
  /** Longest allowed span; defaults to the API key maximum. `Infinity` when no maximum is documented. */
  readonly maxMs?: number;
  /** What the maximum applies to, for the message ("API keys"). */
  readonly subject?: string;
}

const UNITS_HELP =
  'a whole number followed by h (hours), d (days), w (weeks), mo (30-day months) or y (365 days), e.g. 30d';

/**
 * Checks a lifetime as a person types it (surrounding space and capitals forgiven) and gives its wire form
 * (`normalized`, always in days or hours).
 */
export function validateExpiration(input: string, limits: ExpirationLimits = {}): ExpirationCheck {
  const { maxMs = MAX_KEY_LIFETIME_MS, subject = 'API keys' } = limits;
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, message: `Enter a duration: ${UNITS_HELP}` };
  if (/^[0-9]+m$/.test(text)) {
    return {
      ok: false,
      message: `"${input.trim()}" is ambiguous: write months as "mo" (e.g. 3mo); minutes are not supported, the smallest unit is h`,
    };
  }
  const ms = parseDuration(text);
  if (ms === undefined) {
    return /^0+(h|d|w|mo|y)$/.test(text)
      ? { ok: false, message: 'A duration must be at least 1h' }
      : { ok: false, message: `"${input.trim()}" is not a duration: use ${UNITS_HELP}` };
  }
  if (ms > maxMs) {
    return {
      ok: false,
      message: `"${input.trim()}" (${describeDuration(ms)}) is longer than the maximum for ${subject}: ${describeDuration(maxMs)} (${formatDuration(maxMs)})`,
    };
  }
  return { ok: true, normalized: formatDuration(ms), ms };
}

const SPAN_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', UNIT_MS.y!],
  ['mo', UNIT_MS.mo!],
  ['d', DAY_MS],
  ['h', HOUR_MS],
  ['m', 60_000],
];

/** Largest unit, rounded down ("3d" for 3 days 20 hours); undefined below a minute. For display only. */
function approximateSpan(ms: number): string | undefined {
  const unit = SPAN_UNITS.find(([, size]) => ms >= size);
  return unit && `${Math.floor(ms / unit[1])}${unit[0]}`;
}

/** "in 3d", "2h ago", "now" (under a minute either way). In lists `m` means minutes; nothing here is parsed back. */
export function formatRelative(date: Date, now: Date): string {
  const delta = date.getTime() - now.getTime();
  const span = approximateSpan(Math.abs(delta));
  if (span === undefined) return 'now';
  return delta > 0 ? `in ${span}` : `${span} ago`;
}

/** For expiry columns: "in 3d", or "expired 5d ago" once the date has passed. */
export function formatExpiry(date: Date, now: Date): string {
  if (date.getTime() > now.getTime()) return formatRelative(date, now);
  const span = approximateSpan(now.getTime() - date.getTime());
  return span === undefined ? 'expired just now' : `expired ${span} ago`;
}
