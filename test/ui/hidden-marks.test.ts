import { describe, expect, it } from 'vitest';
import { hiddenMarksQuestion, markCounts } from '../../src/ui/hidden-marks.js';

describe('hidden marks', () => {
  it('counts the marked rows the filter still shows', () => {
    expect(markCounts(['a', 'b', 'c'], ['b', 'x'])).toEqual({ marked: 3, inView: 1 });
    expect(markCounts([], ['x'])).toEqual({ marked: 0, inView: 0 });
  });

  it('asks only when some marked row is hidden, with the real counts', () => {
    expect(hiddenMarksQuestion({ marked: 2, inView: 2 }, 'key')).toBeUndefined();
    expect(hiddenMarksQuestion({ marked: 0, inView: 0 }, 'key')).toBeUndefined();
    expect(hiddenMarksQuestion({ marked: 2, inView: 0 }, 'key')).toBe(
      '2 marked, 0 in view: d again revokes all 2 (hidden ones too)',
    );
    expect(hiddenMarksQuestion({ marked: 3, inView: 2 }, 'key')).toBe(
      '3 marked, 2 in view: d again revokes all 3 (the hidden one too)',
    );
    expect(hiddenMarksQuestion({ marked: 1, inView: 0 }, 'key')).toBe(
      '1 marked, 0 in view: d again revokes the marked key',
    );
  });
});
