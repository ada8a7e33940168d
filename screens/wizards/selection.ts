/**
 * The row selected on a screen when its wizard was opened. Handlers know the visible ids (frame().ids) at key time;
 * the selection itself lives in the navigation state, read here once so later list changes do not retarget the
 * wizard.
 */
import { useState } from 'react';
import { useAppState } from '../../src/ui/contexts.js';
import { selectedIndex } from '../../src/ui/navigation.js';
import type { ScreenId } from '../../src/ui/screen-ids.js';

export function useSelectedId(screen: ScreenId, ids: readonly string[]): string | undefined {
  const { nav } = useAppState();
  const [id] = useState(() => ids[selectedIndex(nav.lists[screen], ids)]);
  return id;
}
