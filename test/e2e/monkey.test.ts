/** The monkey's key stream must be reproducible and must never contain a key that ends the session. */
import { describe, expect, it } from 'vitest';
import { keyBytes } from './keys.js';
import { bindingVocabulary, FORBIDDEN_KEYS, monkeyKeys, mulberry32 } from './monkey.js';

describe('monkey keys', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(monkeyKeys(7, 500)).toEqual(monkeyKeys(7, 500));
    expect(monkeyKeys(7, 500)).not.toEqual(monkeyKeys(8, 500));
  });

  it('never quit the app and are all sendable', () => {
    const keys = monkeyKeys(20261123, 10_000);
    expect(keys.filter((k) => FORBIDDEN_KEYS.has(k))).toEqual([]);
    expect(FORBIDDEN_KEYS.has('q')).toBe(true);
    expect(FORBIDDEN_KEYS.has('ctrl+c')).toBe(true);
    for (const key of new Set(keys)) expect(() => keyBytes(key)).not.toThrow();
  });

  it('lean on escape and cover the binding table', () => {
    const keys = monkeyKeys(1, 10_000);
    const escapes = keys.filter((k) => k === 'escape').length / keys.length;
    expect(escapes).toBeGreaterThan(0.2); // the mix's share plus escape drawn from the vocabulary
    for (const key of ['1', '2', '3', '4', '/', 'enter', '?', 'tab']) expect(keys).toContain(key);
    expect(bindingVocabulary()).not.toContain('q');
  });

  it('draws uniformly enough from mulberry32', () => {
    const random = mulberry32(42);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
