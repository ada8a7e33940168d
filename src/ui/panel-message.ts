/**
 * A status message that belongs to a panel ("Plan: invite bob…" above the wizard it opened) goes when that panel
 * closes, however it closes: an abandoned wizard must not leave its plan on the status line as if still pending.
 * Other messages (a write's result) stay until the next action, as before.
 */
import { useEffect, useRef } from 'react';
import type { StatusMessage } from './contexts.js';

/**
 * `depth` is the number of open overlays. The deepest stack seen while the message is shown is where its panel sits
 * (the message may be posted a moment before its panel opens); once the stack is shallower again, it is cleared.
 */
export function usePanelMessage(message: StatusMessage | undefined, depth: number, clear: () => void): void {
  const bound = useRef<{ message: StatusMessage; depth: number }>(undefined);
  useEffect(() => {
    if (!message?.whilePanelOpen) {
      bound.current = undefined;
      return;
    }
    if (bound.current?.message !== message || depth > bound.current.depth) bound.current = { message, depth };
    else if (depth < bound.current.depth) clear();
  }, [message, depth, clear]);
}
