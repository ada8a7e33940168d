/**
 * Durations as people say them ("for 30 days", "30d", "a week", "two months") turned into the duration strings the
 * key API takes ("30d", "12h"). Months are 30 days and years 365, and the result says so in a note.
 */
import type { Token } from './tokenize.js';

export interface ParsedDuration {
  readonly value: string;
  /** How many tokens the phrase used. */
  readonly length: number;
  readonly note?: string;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};

const UNIT_DAYS: Readonly<Record<string, number>> = {
  d: 1,
  day: 1,
  days: 1,
  w: 7,
  week: 7,
  weeks: 7,
  month: 30,
  months: 30,
  y: 365,
  yr: 365,
  year: 365,
  years: 365,
};
const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);

function amount(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

function toDuration(count: number, unit: string): Omit<ParsedDuration, 'length'> | undefined {
  if (HOUR_UNITS.has(unit)) return { value: `${count}h` };
  const days = UNIT_DAYS[unit];
  if (days === undefined) return undefined;
  const value = `${count * days}d`;
  return days >= 30 ? { value, note: `${count} ${unit} read as ${value}` } : { value };
}

/** A duration starting at tokens[at], or undefined. */
export function parseDuration(tokens: readonly Token[], at: number): ParsedDuration | undefined {
  const first = tokens[at]?.word;
  if (first === undefined) return undefined;
  const compact = /^(\d+)(h|d|w|y)$/.exec(first);
  if (compact) return { ...toDuration(Number(compact[1]), compact[2]!)!, length: 1 };
  const count = amount(first);
  const unit = tokens[at + 1]?.word;
  if (count === undefined || unit === undefined) return undefined;
  const parsed = toDuration(count, unit);
  return parsed && { ...parsed, length: 2 };
}

/** Days a duration string stands for (hours round up to a day), for limit checks. */
export function durationDays(value: string): number {
  const n = Number(value.slice(0, -1));
  return value.endsWith('h') ? Math.ceil(n / 24) : n;
}
