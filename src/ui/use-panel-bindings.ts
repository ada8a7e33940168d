/**
 * Keys for a panel that declares them in the binding table (a PANEL_SCOPES scope): a key one of its bindings lists
 * runs that binding's handler and goes no further; any other key falls through to the layers below. The footer
 * and the help read the same entries, so what the panel does is what they say.
 */
import { BINDINGS, type PanelBindingId, type PanelScope } from './bindings.js';
import { useKeys } from './keypress.js';

export type PanelHandlers<S extends PanelScope> = Readonly<Record<PanelBindingId<S>, () => void>>;

export function usePanelBindings<S extends PanelScope>(scope: S, handlers: PanelHandlers<S>): void {
  const isOwn = (id: string): id is PanelBindingId<S> => Object.hasOwn(handlers, id);
  useKeys(({ name }) => {
    if (name === undefined) return false;
    const binding = BINDINGS.find((b) => b.scope === scope && (b.keys as readonly string[]).includes(name));
    if (!binding || !isOwn(binding.id)) return false;
    handlers[binding.id]();
    return true;
  });
}
