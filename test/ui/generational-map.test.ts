/** The bounded cache behind Ink's shared output caches: bounded, and what is still used survives turnovers. */
import { describe, expect, it } from 'vitest';
import { GenerationalMap } from '../../src/ui/generational-map.js';

describe('GenerationalMap', () => {
  it('answers like a Map while under its limit', () => {
    const map = new GenerationalMap<string, number>(3);
    map.set('a', 1).set('b', 2);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, 2, undefined]);
    expect(map.has('a')).toBe(true);
    expect(map.has('c')).toBe(false);
  });

  it('never holds more than twice its limit, however many keys pass through', () => {
    const map = new GenerationalMap<number, number>(50);
    for (let i = 0; i < 10_000; i++) {
      map.set(i, i);
      expect(map.size).toBeLessThanOrEqual(100);
    }
    expect(map.get(9_999)).toBe(9_999);
    expect(map.get(0)).toBeUndefined();
  });

  it('keeps an entry that is read in every generation, and drops one that is not', () => {
    const map = new GenerationalMap<string, string>(4);
    map.set('kept', 'k').set('dropped', 'd');
    for (let i = 0; i < 40; i++) {
      map.set(`filler-${i}`, '');
      expect(map.get('kept')).toBe('k');
    }
    expect(map.has('dropped')).toBe(false);
  });

  it('keeps falsy values distinct from a miss', () => {
    const map = new GenerationalMap<string, number>(1);
    map.set('zero', 0);
    map.set('one', 1); // 'zero' moves to the previous generation
    expect(map.has('zero')).toBe(true);
    expect(map.get('zero')).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new GenerationalMap(0)).toThrow(RangeError);
  });
});
