import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean, editDistance } from '../../src/domain/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('monitor', 'monitor')).toBe(0);
    expect(editDistance('monitr', 'monitor')).toBe(1);
    expect(editDistance('raed', 'read')).toBe(1);
    expect(editDistance('read', 'reed')).toBe(1);
    expect(editDistance('', 'all')).toBe(3);
  });
});

describe('closestNames / didYouMean', () => {
  const known = ['read', 'create', 'delete', 'monitor', 'manage'];

  it('offers close names, closest first, and nothing for a guess', () => {
    expect(closestNames('raed', known)).toEqual(['read']);
    expect(closestNames('MONITR', known)).toEqual(['monitor']);
    expect(closestNames('xyzzy', known)).toEqual([]);
    expect(didYouMean('manag', known)).toBe(' (did you mean "manage"?)');
    expect(didYouMean('zzz', known)).toBe('');
  });
});
