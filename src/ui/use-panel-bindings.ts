/**
 * Keys for a panel that declares them in the binding table (a PANEL_SCOPES scope): a key one of its bindings lists
 * runs that binding's handler and goes no further; any other key falls through to the layers below. A binding
 * whose handler is left out (or `undefined`) does not work in the panel's present state, and the footer, which
 * shows the focused panel's working bindings, leaves it out too: what the panel does is what the footer says.
 *
 * A panel with a text field passes `onText`: the field then claims every printable key, a paste and any other
 * text (so `i` or `q` is a letter there, before any binding), and nothing of it falls through to the shell.
 */
import { useMemo } from 'react';
import { BINDINGS, type Binding, type PanelBindingId, type PanelScope } from './bindings.js';
import { isPrintable, textOf, type KeyPress } from './keys.js';
import { useKeys } from './keypress.js';

/** A handler gets the press, for the one binding that must know which of its keys it was (a numbered choice). */
export type PanelHandler = (press: KeyPress) => void;
export type PanelHandlers<S extends PanelScope> = Readonly<
  Partial<Record<PanelBindingId<S>, PanelHandler | undefined>>
>;

export interface PanelBindingOptions {
  /** Text typed or pasted into the panel's field. */
  readonly onText?: (text: string) => void;
  /** False: the panel hears nothing (it waits for an answer, say). */
  readonly active?: boolean;
}

const onlyPrintable = (b: Binding) => b.keys.every(isPrintable);

export function usePanelBindings<S extends PanelScope>(
  scope: S,
  handlers: PanelHandlers<S>,
  { onText, active = true }: PanelBindingOptions = {},
): void {
  const working = (b: Binding): b is Binding & { id: PanelBindingId<S> } =>
    b.scope === scope && (handlers as Record<string, unknown>)[b.id] !== undefined;
  // Printable-only bindings give way to the text field, so the footer does not offer them.
  const ids = BINDINGS.filter((b) => working(b) && !(onText && onlyPrintable(b)))
    .map((b) => b.id)
    .join(' ');
  // Kept stable between renders with the same working bindings, so the footer re-renders only when they change.
  const takesText = onText !== undefined;
  const focus = useMemo(() => {
    const set = new Set(ids.split(' '));
    return { bindings: BINDINGS.filter((b) => set.has(b.id)), takesText };
  }, [ids, takesText]);
  const footer = focus.bindings;

  useKeys(
    (press) => {
      const text = textOf(press);
      if (onText && text !== '' && (press.paste || press.name === undefined || isPrintable(press.name))) {
        onText(text);
        return true;
      }
      if (press.paste || press.name === undefined) return false;
      const binding = footer.find((b) => (b.keys as readonly string[]).includes(press.name!));
      const handler = binding
        ? (handlers as Readonly<Record<string, PanelHandler | undefined>>)[binding.id]
        : undefined;
      if (!handler) return false;
      handler(press);
      return true;
    },
    { active, focus },
  );
}
