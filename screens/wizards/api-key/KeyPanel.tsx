/**
 * `n` on Keys. The create response is the only place the secret appears: it goes from the response straight into a
 * Secret held by this panel (never the plan, the store, a message or the audit), and once the plan is done the
 * wizard gives way to the one-time secret panel (masked value, copy, save, typed acknowledgement to close).
 *
 * A replacement (rotation, "a key like it") ends with the old key still working, on purpose: whatever uses it must
 * be switched to the new value first. So closing the secret panel opens the old key's typed revocation, by id,
 * never by description; leaving that confirmation leaves the old key working.
 *
 * When the create's outcome was unknown and the re-read found the key, the value never arrived: the result says so,
 * and `r` offers the way on, the orphan's typed revocation over a fresh wizard with the same answers.
 */
import { useEffect, useRef } from 'react';
import { openRevokeKeys } from '../../../components/confirm/openers.js';
import { openSecretPanel, type CreatedKey } from '../../../components/SecretPanel.js';
import { FollowUp } from '../../../components/wizard/FollowUp.js';
import type { Note } from '../../../components/wizard/model.js';
import type { WizardSpec } from '../../../components/wizard/Wizard.js';
import type { ApiKey } from '../../../src/api/schemas.js';
import { dataOf } from '../../../src/state/resource.js';
import { useAppActions, useAppState, type PanelSpec } from '../../../src/ui/contexts.js';
import { Secret } from '../../../src/util/secret.js';
import type { WizardEnv } from '../env.js';
import { WizardPanel } from '../WizardPanel.js';
import { keyDraft } from './draft.js';
import { KEY_STEPS } from './steps.js';
import { EMPTY_KEY, type KeyValues } from './values.js';
import { API_KEYS, listOf } from '../../../src/state/lists.js';

export const KEY_SPEC: WizardSpec<KeyValues, WizardEnv> = {
  title: 'New API key',
  steps: KEY_STEPS,
  draft: keyDraft,
  refresh: () => [API_KEYS],
};

export interface KeyPanelOptions {
  /** The key the new one replaces: offered for revocation (typed confirmation) once the new value is safe. */
  readonly replaces?: ApiKey;
  readonly intro?: readonly Note[];
}

/** Revoking the key ec-access runs on ends this session's access: the replacement must be configured first. */
const SELF_KEY_NOTE: Note = {
  tone: 'warning',
  text: 'ec-access itself runs on the old key: put the new value in EC_API_KEY (or .env) and restart ec-access before revoking the old key.',
};

interface HandOff {
  readonly created: CreatedKey;
  readonly description: string;
  readonly checks: readonly Note[];
  readonly replaces?: ApiKey;
}

/**
 * Replaces the finished wizard with the secret panel at once: the wizard's own "enter/esc close" must never be
 * the way out while the value has not been saved.
 */
function HandOffSecret({ created, description, checks, replaces }: HandOff) {
  const actions = useAppActions();
  const handedOff = useRef(false);
  useEffect(() => {
    // Once: after this the wizard is gone, and a second secret panel would ask to save the value twice.
    if (handedOff.current) return;
    handedOff.current = true;
    actions.closeOverlay();
    openSecretPanel(actions, {
      key: created,
      description,
      checks,
      ...(replaces ? { onClosed: () => openRevokeKeys(actions, [replaces]) } : {}),
    });
  }, [actions, created, description, checks, replaces]);
  return null;
}

/**
 * The key exists but nobody has its value. Revoking it is destructive, so it goes through the typed confirmation;
 * under it waits a new wizard with the same answers, so creating the replacement is one enter away once it closes.
 */
function OrphanOffer({ keyId, values, options }: { keyId: string; values: KeyValues; options: KeyPanelOptions }) {
  const actions = useAppActions();
  const { data } = useAppState();
  const orphan = dataOf(listOf(data, API_KEYS))?.find((k) => k.id === keyId);
  const run = () => {
    actions.closeOverlay();
    actions.openPanel(keyPanel(values, options));
    if (orphan) openRevokeKeys(actions, [orphan]);
  };
  return (
    <FollowUp
      keyLabel="r"
      text={
        orphan
          ? `revoke the orphan ${keyId} and create a new one`
          : `create a new one (revoke ${keyId} from the keys list once it shows)`
      }
      onRun={run}
    />
  );
}

function KeyWizard({ initial, replaces, intro = [] }: { initial: KeyValues } & KeyPanelOptions) {
  const { connection } = useAppState();
  const created = useRef<CreatedKey>(undefined);
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
      done={(outcome, values, { checks }) => {
        if (created.current)
          return (
            <HandOffSecret
              created={created.current}
              description={values.description.trim()}
              checks={checks}
              {...(replaces && outcome.ok ? { replaces } : {})}
            />
          );
        const [orphanId] = outcome.orphanKeyIds;
        if (orphanId === undefined) return null;
        return <OrphanOffer keyId={orphanId} values={values} options={{ ...(replaces ? { replaces } : {}), intro }} />;
      }}
    />
  );
}

export function keyPanel(initial: Partial<KeyValues> = {}, options: KeyPanelOptions = {}): PanelSpec {
  const title = options.replaces ? `Replace API key ${options.replaces.description}` : 'New API key';
  return { id: 'api-key', title, node: <KeyWizard initial={{ ...EMPTY_KEY, ...initial }} {...options} /> };
}
