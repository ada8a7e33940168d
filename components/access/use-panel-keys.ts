/**
 * Key handling for panels. Ink 6 re-subscribes a useInput handler in a passive effect, and that effect can run after
 * the next key has already arrived, so a handler would act on the selection of the render before last. This one
 * always calls the callback of the latest commit (as use-key-dispatch does for the browse screens).
 */
import { useInput, useStdin } from 'ink';
import { useLayoutEffect, useRef } from 'react';
import { keyName, type KeyName } from '../../src/ui/keys.js';

/** `name` is undefined for presses that name no key, such as a paste (its text is in `input`). */
export type PanelKeyHandler = (name: KeyName | undefined, input: string) => void;

export function usePanelKeys(onKey: PanelKeyHandler): void {
  const { isRawModeSupported } = useStdin();
  const latest = useRef(onKey);
  useLayoutEffect(() => {
    latest.current = onKey;
  });
  useInput((input, key) => latest.current(keyName(input, key), input), { isActive: isRawModeSupported });
}
