import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INVITATION_LIFETIME_MS,
  DEFAULT_KEY_LIFETIME,
  DEFAULT_KEY_LIFETIME_MS,
  describeDuration,
  formatDuration,
  formatExpiry,
  formatRelative,
  MAX_KEY_LIFETIME_MS,
  parseDuration,
  validateExpiration,
} from '../../src/domain/duration.js';

const H = 3_600_000;
const D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['1h', H],
    ['3h', 3 * H],
    ['72h', 72 * H],
    ['1d', D],
    ['7d', 7 * D],
    ['30d', 30 * D],
    ['90d', 90 * D],
    ['2w', 14 * D],
    ['3mo', 90 * D],
    ['12mo', 360 * D],
    ['1y', 365 * D],
  ])('%s is %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    '',
    '0d',
    '0h',
    '30m',
    '5s',
    '1.5d',
    '-1d',
    '+1d',
    '1 d',
    ' 1d',
    '1D',
    'd',
    '1',
    '1dd',
    '1d1h',
    'P1D',
    '99999999999999999y',
  ])('rejects %j', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it('agrees with the documented defaults', () => {
    expect(parseDuration(DEFAULT_KEY_LIFETIME)).toBe(DEFAULT_KEY_LIFETIME_MS);
    expect(parseDuration('72h')).toBe(DEFAULT_INVITATION_LIFETIME_MS);
    expect(parseDuration('1y')).toBe(MAX_KEY_LIFETIME_MS);
  });

  it('is monotonic in the count for every unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('h', 'd', 'w', 'mo', 'y'),
        (a, b, unit) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(parseDuration(`${lo}${unit}`)!).toBeLessThanOrEqual(parseDuration(`${hi}${unit}`)!);
        },
      ),
    );
  });

  it('rejects anything that is not digits followed by a known unit', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (/^[0-9]+(h|d|w|mo|y)$/.test(s)) return;
        expect(parseDuration(s)).toBeUndefined();
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [H, '1h'],
    [36 * H, '36h'],
    [48 * H, '2d'],
    [90 * D, '90d'],
    [MAX_KEY_LIFETIME_MS, '365d'],
    [0, '0h'],
    [1, '1h'],
    [H + 1, '2h'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips every whole number of hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 * 365 * 50 }), (hours) => {
        expect(parseDuration(formatDuration(hours * H))).toBe(hours * H);
      }),
    );
  });

  it('never shortens a span and only emits the documented units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 365 * D }), (ms) => {
        const text = formatDuration(ms);
        expect(text).toMatch(/^[0-9]+(h|d)$/);
        expect(parseDuration(text)!).toBeGreaterThanOrEqual(ms);
        expect(parseDuration(text)! - ms).toBeLessThan(H);
      }),
    );
  });

  it('is the canonical form of any parsed duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.constantFrom('h', 'd', 'w', 'mo', 'y'), (n, unit) => {
        const ms = parseDuration(`${n}${unit}`)!;
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });
});

describe('describeDuration', () => {
  it.each([
    [H, '1 hour'],
    [5 * H, '5 hours'],
    [D, '1 day'],
    [26 * H, '1 day and 2 hours'],
    [30 * D, '30 days'],
  ])('%d ms reads "%s"', (ms, words) => {
    expect(describeDuration(ms)).toBe(words);
  });
});

describe('validateExpiration', () => {
  it('normalizes to days or hours', () => {
    expect(validateExpiration('3mo')).toEqual({ ok: true, normalized: '90d', ms: 90 * D });
    expect(validateExpiration(' 30D ')).toEqual({ ok: true, normalized: '30d', ms: 30 * D });
    expect(validateExpiration('1y')).toEqual({ ok: true, normalized: '365d', ms: 365 * D });
    expect(validateExpiration('8760h')).toEqual({ ok: true, normalized: '365d', ms: 365 * D });
    expect(validateExpiration('12h')).toEqual({ ok: true, normalized: '12h', ms: 12 * H });
  });

  it('rejects more than a year with the limit in the message', () => {
    expect(validateExpiration('366d')).toEqual({
      ok: false,
      message: '"366d" (366 days) is longer than the maximum for API keys: 365 days (365d)',
    });
    expect(validateExpiration('13mo')).toMatchObject({ ok: false });
    expect(validateExpiration('8761h')).toMatchObject({ ok: false });
  });

  it('takes another maximum, or none', () => {
    expect(validateExpiration('8d', { maxMs: 7 * D, subject: 'this job' })).toEqual({
      ok: false,
      message: '"8d" (8 days) is longer than the maximum for this job: 7 days (7d)',
    });
    expect(validateExpiration('2y', { maxMs: Infinity })).toEqual({ ok: true, normalized: '730d', ms: 730 * D });
  });

  it('explains what is wrong', () => {
    expect(validateExpiration('')).toEqual({
      ok: false,
      message:
        'Enter a duration: a whole number followed by h (hours), d (days), w (weeks), mo (30-day months) or y (365 days), e.g. 30d',
    });
    expect(validateExpiration('soon')).toEqual({
      ok: false,
      message:
        '"soon" is not a duration: use a whole number followed by h (hours), d (days), w (weeks), mo (30-day months) or y (365 days), e.g. 30d',
    });
    expect(validateExpiration('30m')).toEqual({
      ok: false,
      message: '"30m" is ambiguous: write months as "mo" (e.g. 3mo); minutes are not supported, the smallest unit is h',
    });
    expect(validateExpiration('0d')).toEqual({ ok: false, message: 'A duration must be at least 1h' });
  });

  it('accepts exactly the parseable durations up to one year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9000 }), fc.constantFrom('h', 'd', 'w', 'mo', 'y'), (n, unit) => {
        const ms = parseDuration(`${n}${unit}`)!;
        expect(validateExpiration(`${n}${unit}`).ok).toBe(ms <= MAX_KEY_LIFETIME_MS);
      }),
    );
  });
});

describe('formatRelative and formatExpiry', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it.each([
    [3 * D + 20 * H, 'in 3d'],
    [-2 * H - 59 * 60_000, '2h ago'],
    [5 * 60_000, 'in 5m'],
    [30_000, 'now'],
    [-30_000, 'now'],
    [45 * D, 'in 1mo'],
    [-400 * D, '1y ago'],
  ])('%d ms from now reads "%s"', (delta, text) => {
    expect(formatRelative(at(delta), now)).toBe(text);
  });

  it('says "expired" for past expiry dates', () => {
    expect(formatExpiry(at(3 * D), now)).toBe('in 3d');
    expect(formatExpiry(at(-5 * D), now)).toBe('expired 5d ago');
    expect(formatExpiry(at(-10_000), now)).toBe('expired just now');
    expect(formatExpiry(now, now)).toBe('expired just now');
  });
});
