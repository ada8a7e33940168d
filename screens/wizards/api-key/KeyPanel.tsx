/**
 * `n` on Keys. The create response is the only place the secret appears: it goes from the response straight into a
 * Secret held by this panel (never the plan, the store, a message or the audit), and once the plan is done the
 * wizard hands it to the secret panel, which shows it once and closes only on a typed acknowledgement: closing the
 * wizard's result with enter would otherwise drop the only copy.
 */
import { useEffect, useRef } from 'react';
import { openSecretPanel } from '../../../components/SecretPanel.js';
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

/** Rendered once the key exists: replaces the wizard with the secret panel. */
function SecretHandoff({ id, secret, description }: { id: string; secret: Secret; description: string }) {
  const actions = useAppActions();
  useEffect(() => {
    actions.closeOverlay();
    openSecretPanel(actions, { key: { id, secret }, description });
  }, [actions, id, secret, description]);
  return null;
}

function KeyWizard({ initial }: { initial: KeyValues }) {
  const created = useRef<{ id: string; secret: Secret }>(undefined);
  const onResponse = (_: number, body: unknown) => {
    const { id, key } = (body ?? {}) as { id?: unknown; key?: unknown };
    if (typeof id === 'string' && typeof key === 'string') created.current = { id, secret: new Secret(key) };
  };
  return (
    <WizardPanel
      spec={KEY_SPEC}
      initial={initial}
      onResponse={onResponse}
      done={(_, values) => (created.current ? <SecretHandoff {...created.current} description={values.description} /> : null)}
    />
  );
}

export function keyPanel(initial: Partial<KeyValues> = {}): PanelSpec {
  return { id: 'api-key', title: 'New API key', node: <KeyWizard initial={{ ...EMPTY_KEY, ...initial }} /> };
}
