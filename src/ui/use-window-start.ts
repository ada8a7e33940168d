/**
 * The first visible row of a windowed list, kept across renders: the window moves only as far as needed to keep
 * the selection visible (windowStart), so it needs the previous start.
 */
import { useState } from 'react';
import { windowStart } from './list-model.js';

export function useWindowStart(selected: number, height: number, total: number): number {
  const [previous, setPrevious] = useState(0);
  const start = windowStart(previous, Math.max(0, selected), height, total);
  // React's "state from the previous render" pattern: it re-renders this component before committing.
  if (start !== previous) setPrevious(start);
  return start;
}
