/**
 * The only place key presses become actions: name the key, look it up in the binding table for the current mode,
 * call the handler registered under the binding's id. While filtering, printable keys that no binding claims are
 * filter text.
 */
import { useInput, useStdin } from 'ink';
import { useLayoutEffect, useRef } from 'react';
import { resolveBinding, type BindingContext, type BindingId } from './bindings.js';
import { isPrintable, keyName } from './keys.js';

export type Handlers = Readonly<Record<BindingId, () => void>>;

const isBindingId = (id: string, handlers: Handlers): id is BindingId => Object.hasOwn(handlers, id);

export function useKeyDispatch(
  ctx: BindingContext,
  handlers: Handlers,
  onText: (text: string) => void,
  onBinding: (id: BindingId) => void = () => {},
): void {
  const { isRawModeSupported } = useStdin();
  // Keys can arrive before Ink re-subscribes a changed handler (it does so in a passive effect): read the context
  // of the latest commit instead of the closure's.
  const latest = useRef({ ctx, handlers, onText, onBinding });
  useLayoutEffect(() => {
    latest.current = { ctx, handlers, onText, onBinding };
  });
  useInput(
    (input, key) => {
      const { ctx: now, handlers: h, onText: type, onBinding: before } = latest.current;
      const name = keyName(input, key);
      if (name === undefined) return;
      const binding = resolveBinding(name, now);
      if (binding && isBindingId(binding.id, h)) {
        before(binding.id);
        h[binding.id]();
      } else if (now.mode === 'filter' && isPrintable(name)) type(name);
    },
    { isActive: isRawModeSupported },
  );
}
