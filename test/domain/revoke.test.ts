import { describe, expect, it } from 'vitest';
import { stringContaining } from '../support/matchers.js';
import { ApiError, type ApiErrorInit } from '../../src/api/errors.js';
import { keyExpiryStatus, revokeOutcome } from '../../src/domain/revoke.js';
import { kid, NOW, orgWith } from '../fixtures/org.js';

const { keys } = orgWith().key('leaked-1').key('leaked-2').key('leaked-3').key('other').build();
const byId = (id: string) => keys.find((k) => k.id === id)!;
const without = (...ids: string[]) => keys.filter((k) => !ids.includes(k.id));
const [one, two, three] = [kid('leaked-1'), kid('leaked-2'), kid('leaked-3')];

const apiError = (init: Partial<ApiErrorInit>) =>
  ({
    ok: false,
    error: new ApiError({
      kind: 'server',
      service: 'cloud',
      endpoint: 'DELETE /users/auth/keys',
      message: 'boom',
      hint: '',
      ...init,
    }),
  }) as const;

const statuses = (outcome: ReturnType<typeof revokeOutcome>) =>
  Object.fromEntries(outcome.keys.map((k) => [k.id, k.status]));

describe('revokeOutcome', () => {
  it('revoked: listed before, gone after', () => {
    const outcome = revokeOutcome({
      requested: [one, two],
      before: keys,
      result: { ok: true },
      after: without(one, two),
    });
    expect(statuses(outcome)).toEqual({ [one]: 'revoked', [two]: 'revoked' });
    expect(outcome.keys[0]!.key).toEqual(byId(one));
    expect(outcome).toMatchObject({ stillActive: [], maybeActive: [], complete: true });
  });

  it('already-gone: not listed before the call, or a 404 for a single key', () => {
    const notListed = revokeOutcome({ requested: ['key-unknown'], before: keys, result: { ok: true }, after: keys });
    expect(statuses(notListed)).toEqual({ 'key-unknown': 'already-gone' });
    expect(notListed.complete).toBe(true);

    const missing = revokeOutcome({
      requested: [one],
      before: keys,
      result: apiError({ kind: 'not_found', status: 404, code: 'api_keys.key_not_found', message: 'not found' }),
    });
    expect(statuses(missing)).toEqual({ [one]: 'already-gone' });
  });

  it('partial failure: says which keys were revoked and which are still active, with the reason', () => {
    const outcome = revokeOutcome({
      requested: [one, two, three],
      before: keys,
      result: apiError({ kind: 'forbidden', status: 403, message: 'key leaked-3 belongs to another user' }),
      after: without(one, two),
    });
    expect(statuses(outcome)).toEqual({ [one]: 'revoked', [two]: 'revoked', [three]: 'failed' });
    expect(outcome.keys[2]).toMatchObject({ reason: 'key leaked-3 belongs to another user' });
    expect(outcome.stillActive).toEqual([byId(three)]);
    expect(outcome.complete).toBe(false);
  });

  it('failed: still listed after a call that reported success', () => {
    const outcome = revokeOutcome({ requested: [one], before: keys, result: { ok: true }, after: keys });
    expect(outcome.keys[0]).toMatchObject({ status: 'failed', reason: stringContaining('still listed') });
    expect(outcome.stillActive).toEqual([byId(one)]);
  });

  it('failed: a refusal (4xx) without a re-read leaves every key active', () => {
    const outcome = revokeOutcome({
      requested: [one, two],
      before: keys,
      result: apiError({ kind: 'forbidden', status: 403, message: 'not an owner' }),
    });
    expect(statuses(outcome)).toEqual({ [one]: 'failed', [two]: 'failed' });
    expect(outcome.stillActive).toEqual([byId(one), byId(two)]);
  });

  it('unknown: no response (or a 5xx, or a bulk 404) and no re-read', () => {
    for (const result of [
      apiError({ kind: 'timeout', message: 'no answer from https://api within 30 s' }),
      apiError({ kind: 'server', status: 502, message: 'bad gateway' }),
      apiError({ kind: 'not_found', status: 404, message: 'not found' }),
      { ok: false, error: new Error('socket hang up, Authorization: ApiKey essu_secretsecret') } as const,
    ]) {
      const outcome = revokeOutcome({ requested: [one, two], before: keys, result });
      expect(statuses(outcome)).toEqual({ [one]: 'unknown', [two]: 'unknown' });
      expect(outcome.maybeActive).toEqual([byId(one), byId(two)]);
      expect(outcome.stillActive).toEqual([]);
      expect(outcome.keys[0]!.reason).toMatch(/refresh and check$/);
      expect(outcome.keys[0]!.reason).not.toContain('essu_');
    }
  });

  it('a re-read settles what the call could not: unknown becomes revoked or failed', () => {
    const outcome = revokeOutcome({
      requested: [one, two],
      before: keys,
      result: apiError({ kind: 'timeout', message: 'timeout' }),
      after: without(one),
    });
    expect(statuses(outcome)).toEqual({ [one]: 'revoked', [two]: 'failed' });
    expect(outcome.stillActive).toEqual([byId(two)]);
  });

  it('counts a key asked for twice once', () => {
    expect(
      revokeOutcome({ requested: [one, one], before: keys, result: { ok: true }, after: without(one) }).keys,
    ).toHaveLength(1);
  });
});

describe('keyExpiryStatus', () => {
  const key = (expiresInDays: number | null) => orgWith().key('k', { expiresInDays }).build().keys[0]!;
  it('matches the doctor thresholds', () => {
    expect(keyExpiryStatus(key(-1), NOW)).toBe('expired');
    expect(keyExpiryStatus(key(0), NOW)).toBe('expired');
    expect(keyExpiryStatus(key(3), NOW)).toBe('expiring-soon');
    expect(keyExpiryStatus(key(6.5), NOW)).toBe('expiring-soon');
    expect(keyExpiryStatus(key(7), NOW)).toBe('ok');
    expect(keyExpiryStatus(key(null), NOW)).toBe('never');
  });
});
