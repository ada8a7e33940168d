/**
 * Wizards call useDirty(hasUnsavedInput); while any mounted component is dirty, quitting asks first.
 * Unmounting (closing the wizard) clears the flag.
 */
import { useEffect, useId } from 'react';
import { useAppActions } from './contexts.js';

export function useDirty(dirty: boolean): void {
  const token = useId();
  const { setDirty } = useAppActions();
  useEffect(() => {
    setDirty(token, dirty);
    return () => setDirty(token, false);
  }, [token, dirty, setDirty]);
}
