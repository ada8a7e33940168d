/** Key lifetime facts: whole days left, and the days a key was made to live (what a rotation keeps). */
import { describe, expect, it } from 'vitest';
import { daysLeft, lifetimeDays } from '../../../src/domain/doctor/key-expiry.js';
import { orgWith } from '../../fixtures/org.js';

const keyOf = (options: { createdDaysAgo: number; expiresInDays: number | null }) =>
  orgWith().key('ci', options).build().keys[0]!;

describe('lifetimeDays', () => {
  it('counts creation to expiry in whole days, and is undefined for a key that never expires', () => {
    expect(lifetimeDays(keyOf({ createdDaysAgo: 10, expiresInDays: 80 }))).toBe(90);
    expect(lifetimeDays(keyOf({ createdDaysAgo: 0, expiresInDays: 30 }))).toBe(30);
    expect(lifetimeDays(keyOf({ createdDaysAgo: 5, expiresInDays: null }))).toBeUndefined();
  });

  it('rounds to the nearest day, unlike daysLeft, which rounds down', () => {
    const key = { ...keyOf({ createdDaysAgo: 0, expiresInDays: null }), expiration_date: '' };
    const created = Date.parse(key.creation_date);
    const in29dAnd20h = { ...key, expiration_date: new Date(created + (29 * 24 + 20) * 3_600_000).toISOString() };
    expect(lifetimeDays(in29dAnd20h)).toBe(30);
    expect(daysLeft(in29dAnd20h, new Date(created))).toBe(29);
    expect(lifetimeDays(key)).toBeUndefined();
  });
});
