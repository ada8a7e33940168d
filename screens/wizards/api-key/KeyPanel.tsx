/**
 * `n` on Keys. The create response is the only place the secret appears: it goes from the response straight into a
 * Secret held by this panel (never the plan, the store, a message or the audit) and is shown once.
 *
 * A replacement (rotation, "a key like it") ends with the old key still working, on purpose: whatever uses it must
 * be switched to the new value first. So it offers, in this order, the one-time value panel (closing it takes a
 * typed acknowledgement) and then the old key's typed revocation, by id, never by description.
 */
import { useRef } from 'react';
import { openRevokeKeys } from '../../../components/confirm/openers.js';
import { openSecretPanel } from '../../../components/SecretPanel.js';
import { FollowUp } from '../../../components/wizard/FollowUp.js';
import type { Note } from '../../../components/wizard/model.js';
import { SecretReveal } from '../../../components/wizard/SecretReveal.js';
import type { WizardSpec } from '../../../components/wizard/Wizard.js';
import type { ApiKey } from '../../../src/api/schemas.js';
import { useAppActions, useAppState, type PanelSpec } from '../../../src/ui/contexts.js';
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

export interface KeyPanelOptions {
  /** The key the new one replaces: revoked (after confirmation) once the new one exists. */
  readonly replaces?: ApiKey;
  readonly intro?: readonly Note[];
}

interface Created {
  readonly id: string;
  readonly secret: Secret;
}

function RevokeOffer({ created, old, description }: { created: Created; old: ApiKey; description: string }) {
  const actions = useAppActions();
  const next = () => {
    actions.closeOverlay();
    openSecretPanel(actions, { key: created, description, onClosed: () => openRevokeKeys(actions, [old]) });
  };
  return (
    <FollowUp
      keyLabel="c"
      text={`continue: keep the new value safe, then revoke the old key "${old.description}" (${old.id}); closing now leaves it working`}
      onRun={next}
    />
  );
}

/** Revoking the key ec-access runs on ends this session's access: the replacement must be configured first. */
const SELF_KEY_NOTE: Note = {
  tone: 'warning',
  text: 'ec-access itself runs on the old key: put the new value in EC_API_KEY (or .env) and restart ec-access before revoking the old key.',
};

function KeyWizard({ initial, replaces, intro = [] }: { initial: KeyValues } & KeyPanelOptions) {
  const { connection } = useAppState();
  const created = useRef<Created>(undefined);
  const notes = replaces && replaces.id === connection.selfKeyId ? [...intro, SELF_KEY_NOTE] : intro;
  const onResponse = (_: number, body: unknown) => {
    const { id, key } = (body ?? {}) as { id?: unknown; key?: unknown };
    if (typeof id === 'string' && typeof key === 'string') created.current = { id, secret: new Secret(key) };
  };
  return (
    <WizardPanel
      spec={KEY_SPEC}
      initial={initial}
      onResponse={onResponse}
      intro={notes}
      done={(outcome, values) => {
        const made = created.current;
        if (!made) return null;
        return (
          <>
            <SecretReveal secret={made.secret} keyId={made.id} />
            {replaces && outcome.ok ? <RevokeOffer created={made} old={replaces} description={values.description.trim()} /> : null}
          </>
        );
      }}
    />
  );
}

export function keyPanel(initial: Partial<KeyValues> = {}, options: KeyPanelOptions = {}): PanelSpec {
  const title = options.replaces ? `Replace API key ${options.replaces.description}` : 'New API key';
  return { id: 'api-key', title, node: <KeyWizard initial={{ ...EMPTY_KEY, ...initial }} {...options} /> };
}
