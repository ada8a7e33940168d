/**
 * The only place key presses become actions: name the key, look it up in the binding table for the current mode,
 * call the handler registered under the binding's id. While filtering, printable keys that no binding claims are
 * filter text.
 */
import { useInput, useStdin } from 'ink';
import { useRef } from 'react';
import { resolveBinding, type BindingContext, type BindingId } from './bindings.js';
import { isPrintable, keyName } from './keys.js';

export type Handlers = Readonly<Record<BindingId, () => void>>;

export function useKeyDispatch(ctx: BindingContext, handlers: Handlers, onText: (text: string) => void): void {
  const { isRawModeSupported } = useStdin();
  // Keys can arrive before the re-render that follows the previous key; read the latest context, not the closure's.
  const latest = useRef({ ctx, handlers, onText });
  latest.current = { ctx, handlers, onText };
  useInput(
    (input, key) => {
      const { ctx: now, handlers: h, onText: type } = latest.current;
      const name = keyName(input, key);
      if (name === undefined) return;
      const binding = resolveBinding(name, now);
      if (binding) h[binding.id as BindingId]();
      else if (now.mode === 'filter' && isPrintable(name)) type(name);
    },
    { isActive: isRawModeSupported },
  );
}
