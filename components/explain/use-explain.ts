/**
 * `useExplain(conceptId)`: the one-line why for a wizard step, and `i` to open or close the longer explanation.
 * The open/closed choice lives in ExplainContext when a provider is mounted (the tour keeps it open across
 * wizards for learners); otherwise in the calling component, which for a wizard spans all of its steps.
 */

import { createContext, useContext, useState } from 'react';
import { explanationOf, type ConceptId, type Explanation } from '../../src/domain/explanations.js';
import { useKeys } from '../../src/ui/keypress.js';

export interface ExplainState {
  readonly open: boolean;
  setOpen: (open: boolean) => void;
}

export const ExplainContext = createContext<ExplainState | undefined>(undefined);

export interface UseExplainOptions {
  /**
   * Whether `i` toggles now. Off while a text field has the keyboard, where `i` is a letter to type, and while
   * another panel owns the keys.
   */
  readonly active?: boolean;
}

export interface ExplainHandle {
  readonly explanation: Explanation | undefined;
  readonly open: boolean;
  readonly keyActive: boolean;
  toggle(): void;
}

export const EXPLAIN_KEY = 'i';

export function useExplain(concept: ConceptId | undefined, options: UseExplainOptions = {}): ExplainHandle {
  const shared = useContext(ExplainContext);
  const [localOpen, setLocalOpen] = useState(false);
  const open = shared?.open ?? localOpen;
  const setOpen = shared?.setOpen ?? setLocalOpen;
  const keyActive = concept !== undefined && (options.active ?? true);
  useKeys(
    ({ name }) => {
      if (name === EXPLAIN_KEY) setOpen(!open);
    },
    { active: keyActive },
  );
  return {
    explanation: concept === undefined ? undefined : explanationOf(concept),
    open: open && concept !== undefined,
    keyActive,
    toggle: () => setOpen(!open),
  };
}
