/**
 * How the shell's keys become actions: look the key up in the binding table for the current mode and call the
 * handler registered under the binding's id. While filtering, printable keys that no binding claims are filter
 * text. The shell is the bottom of the focus stack (keypress.tsx): it hears what no panel handled.
 */
import {
  isNavBindingId,
  isScreenActionId,
  navTarget,
  resolveBinding,
  type NavBindingId,
  type BindingContext,
  type ScreenActionId,
  type ShellBindingId,
} from './bindings.js';
import { isPrintable, pastedText } from './keys.js';
import { useKeys } from './keypress.js';
import type { ScreenId } from './screen-ids.js';

export interface Handlers {
  /** The shell's own bindings, one handler each (the compiler demands every one). */
  readonly shell: Readonly<Record<OwnBindingId, () => void>>;
  /** A screen's binding, for the current screen's actions to answer. */
  readonly screen: (id: ScreenActionId) => void;
  /** A number key: go to that screen. */
  readonly navigate: (screen: ScreenId) => void;
}

type OwnBindingId = Exclude<ShellBindingId, ScreenActionId | NavBindingId>;

const isShellBinding = (id: string, handlers: Handlers): id is OwnBindingId => Object.hasOwn(handlers.shell, id);

export function useKeyDispatch(
  ctx: BindingContext,
  handlers: Handlers,
  onText: (text: string) => void,
  onBinding: (id: ShellBindingId) => void = () => {},
): void {
  useKeys(({ name, input, paste }) => {
    // A paste is never keys: while filtering it is filter text, elsewhere nothing.
    if (paste) {
      if (ctx.mode === 'filter') onText(pastedText(input));
      return true;
    }
    if (name === undefined) return false;
    const binding = resolveBinding(name, ctx);
    if (binding && isNavBindingId(binding.id)) {
      const target = navTarget(binding.id);
      onBinding(binding.id);
      if (target) handlers.navigate(target);
      return true;
    }
    if (binding && isScreenActionId(binding.id)) {
      onBinding(binding.id);
      handlers.screen(binding.id);
      return true;
    }
    if (binding && isShellBinding(binding.id, handlers)) {
      onBinding(binding.id);
      handlers.shell[binding.id]();
      return true;
    }
    if (ctx.mode === 'filter' && isPrintable(name)) {
      onText(name);
      return true;
    }
    return false;
  });
}
