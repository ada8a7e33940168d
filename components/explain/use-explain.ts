/**
 * `useExplain(conceptId)`: the one-line why for a wizard step, and whether its longer explanation is open. The
 * key that toggles it is the wizard's `wizard.explain` binding (ctrl+o / F1: keys no text step takes as text).
 * The open/closed choice lives in ExplainContext when a provider is mounted (the tour keeps it open across wizards
 * for learners); otherwise in the calling component, which for a wizard spans all of its steps.
 */

import { createContext, useContext, useState } from 'react';
import { explanationOf, type ConceptId, type Explanation } from '../../src/domain/explanations.js';
import { BINDINGS } from '../../src/ui/bindings.js';
import { keyLabel } from '../../src/ui/keys.js';

export interface ExplainState {
  readonly open: boolean;
  setOpen: (open: boolean) => void;
}

export const ExplainContext = createContext<ExplainState | undefined>(undefined);

export interface ExplainHandle {
  readonly explanation: Explanation | undefined;
  readonly open: boolean;
  readonly toggle: () => void;
}

/** The key the why-line names: the first of the `wizard.explain` binding, as the footer shows it. */
export function explainKeyLabel(unicode: boolean): string {
  const binding = BINDINGS.find((b) => b.id === 'wizard.explain');
  return binding ? keyLabel(binding.keys[0], unicode) : '';
}

export function useExplain(concept: ConceptId | undefined): ExplainHandle {
  const shared = useContext(ExplainContext);
  const [localOpen, setLocalOpen] = useState(false);
  const open = shared?.open ?? localOpen;
  const setOpen = shared?.setOpen ?? setLocalOpen;
  return {
    explanation: concept === undefined ? undefined : explanationOf(concept),
    open: open && concept !== undefined,
    toggle: () => setOpen(!open),
  };
}
