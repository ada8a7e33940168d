/**
 * Key handling for panels that match keys themselves, through the one focus stack (src/ui/keypress.tsx). The
 * handler returns nothing, so every key also falls through to the shell, as it did when each panel had its own
 * input subscription.
 */
import { useKeys } from '../../src/ui/keypress.js';
import type { KeyName } from '../../src/ui/keys.js';

/** `name` is undefined for presses that name no key, such as a paste (its text is in `input`). */
export type PanelKeyHandler = (name: KeyName | undefined, input: string) => void;

export function usePanelKeys(onKey: PanelKeyHandler): void {
  useKeys(({ name, input }) => {
    onKey(name, input);
  });
}
