/**
 * `n` on Keys. The create response is the only place the secret appears: it goes from the response straight into a
 * Secret held by this panel (never the plan, the store, a message or the audit), and once the plan is done the
 * wizard gives way to the one-time secret panel (masked value, copy, save, typed acknowledgement to close).
 */
import { useEffect, useRef } from 'react';
import { openSecretPanel, type CreatedKey } from '../../../components/SecretPanel.js';
import type { Note } from '../../../components/wizard/model.js';
import type { WizardSpec } from '../../../components/wizard/Wizard.js';
import { useAppActions, type PanelSpec } from '../../../src/ui/contexts.js';
import { Secret } from '../../../src/util/secret.js';
import type { WizardEnv } from '../env.js';
import { WizardPanel } from '../WizardPanel.js';
import { keyDraft } from './draft.js';
import { KEY_STEPS } from './steps.js';
import { EMPTY_KEY, type KeyValues } from './values.js';

export const KEY_SPEC: WizardSpec<KeyValues, WizardEnv> = {
  title: 'New API key',
  steps: KEY_STEPS,
  draft: keyDraft,
  refresh: () => ['keys'],
};

/**
 * Replaces the finished wizard with the secret panel at once: the wizard's own "enter/esc close" must never be
 * the way out while the value has not been saved.
 */
function HandOffSecret({ created, description, checks }: { created: CreatedKey; description: string; checks: readonly Note[] }) {
  const actions = useAppActions();
  useEffect(() => {
    actions.closeOverlay();
    openSecretPanel(actions, { key: created, description, checks });
    // Once: after this effect the wizard is gone.
  }, []);
  return null;
}

function KeyWizard({ initial }: { initial: KeyValues }) {
  const created = useRef<CreatedKey>(undefined);
  const onResponse = (_: number, body: unknown) => {
    const { id, key } = (body ?? {}) as { id?: unknown; key?: unknown };
    if (typeof id === 'string' && typeof key === 'string') created.current = { id, secret: new Secret(key) };
  };
  return (
    <WizardPanel
      spec={KEY_SPEC}
      initial={initial}
      onResponse={onResponse}
      done={(_, values, { checks }) => (created.current ? <HandOffSecret created={created.current} description={values.description.trim()} checks={checks} /> : null)}
    />
  );
}

export function keyPanel(initial: Partial<KeyValues> = {}): PanelSpec {
  return { id: 'api-key', title: 'New API key', node: <KeyWizard initial={{ ...EMPTY_KEY, ...initial }} /> };
}
