/**
 * useReducer whose latest state is known the moment an action is applied. Ink hands key handlers the closure of
 * the last render, and keys can arrive faster than renders (a paste ending in Enter); a side effect that belongs
 * to the key press itself (send the request, write the file) must see the state that key produced, and must not
 * wait for a passive effect, which React may run well after the frame is drawn.
 */
import { useCallback, useRef, useState } from 'react';

export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, initial: S): readonly [S, (action: A) => S] {
  const latest = useRef(initial);
  const [state, setState] = useState(initial);
  const dispatch = useCallback(
    (action: A) => {
      latest.current = reducer(latest.current, action);
      setState(latest.current);
      return latest.current;
    },
    [reducer],
  );
  return [state, dispatch];
}
