/**
 * `i` on the keys screen: from a leaked value to the key, then its typed revocation. The value is typed or pasted
 * into a prompt that shows only how many characters it holds; it lives in a ref of this panel (never in app state,
 * a message, the audit or a debug log) and is dropped once it has been looked up or the panel closes. An
 * Elasticsearch key's encoded form names its id without any request; any other value is presented to the projects'
 * `_authenticate`, as `ec-access keys identify` does.
 */
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { identifyKey } from '../../src/domain/identify-key.js';
import { layerLabel, layeredKeys, type LayeredKey } from '../../src/domain/project-keys.js';
import { authenticateAnywhere } from '../../src/state/authenticate-as.js';
import { dataOf } from '../../src/state/resource.js';
import { allProjects, API_KEYS, listOf, PROJECT_KEYS } from '../../src/state/lists.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { useTheme } from '../../src/ui/theme.js';
import { inertText } from '../../src/util/inert-text.js';
import { Secret } from '../../src/util/secret.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { openConfirmation, openRevokeKeys } from '../confirm/openers.js';
import { revokeLayeredSpec } from '../confirm/specs-layered-keys.js';
import { useWizardServices } from '../wizard/services.js';

type Status =
  { readonly kind: 'typing' } | { readonly kind: 'working' } | { readonly kind: 'not-found'; readonly reason: string };

function openRevocation(actions: AppActions, row: LayeredKey): void {
  if (row.layer === 'cloud') openRevokeKeys(actions, [row.key]);
  else openConfirmation(actions, revokeLayeredSpec([row]));
}

function IdentifyKeyPanel() {
  const { data, snapshot } = useAppState();
  const actions = useAppActions();
  const services = useWizardServices();
  const theme = useTheme();
  const value = useRef('');
  const [length, setLength] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'typing' });
  useEffect(
    () => () => {
      value.current = '';
    },
    [],
  );

  const set = (next: string) => {
    value.current = next;
    setLength(next.length);
  };

  const identify = async (secret: Secret) => {
    const now = snapshot?.now ?? new Date();
    const rows = layeredKeys(dataOf(listOf(data, API_KEYS)) ?? [], dataOf(listOf(data, PROJECT_KEYS)) ?? [], now, true);
    const authenticateAs = services?.authenticateAs;
    const result = await identifyKey(secret.reveal(), rows, () =>
      authenticateAs
        ? authenticateAnywhere(allProjects(data), (project) => authenticateAs(project, secret))
        : Promise.resolve(undefined),
    );
    if (result.kind === 'not-found') {
      setStatus({ kind: 'not-found', reason: inertText(result.reason) });
      return;
    }
    const { row } = result;
    actions.closeOverlay();
    actions.notify(`Identified: ${layerLabel(row)} key ${inertText(row.name)} (${row.id}); revoke it below`);
    openRevocation(actions, row);
  };

  const working = status.kind === 'working';
  usePanelBindings(
    'identify',
    {
      // Not while the lookup runs: its answer closes this panel and opens the revocation.
      'identify.close': working ? undefined : actions.closeOverlay,
      'identify.erase': working ? undefined : () => set(Array.from(value.current).slice(0, -1).join('')),
      'identify.clear': working ? undefined : () => set(''),
      'identify.submit': working
        ? undefined
        : () => {
            const text = value.current.trim();
            if (text === '') return;
            set('');
            setStatus({ kind: 'working' });
            identify(new Secret(text)).catch((error: unknown) =>
              setStatus({
                kind: 'not-found',
                reason: inertText(error instanceof Error ? error.message : String(error)),
              }),
            );
          },
    },
    {
      // Typed or pasted, the value goes to the ref only; the screen shows how many characters it holds.
      onText: (text) => {
        if (working) return;
        set(value.current + text);
        if (status.kind === 'not-found') setStatus({ kind: 'typing' });
      },
    },
  );

  const muted = theme.colorOf('muted');
  return (
    <Box flexDirection="column">
      <Text bold>{' Paste the leaked key (not shown), then enter:'}</Text>
      <Text>{`   ${length === 0 ? '(empty)' : `${length} character${length === 1 ? '' : 's'}`}`}</Text>
      <Text> </Text>
      {status.kind === 'working' ? (
        <Text color={muted}>{' Identifying…'}</Text>
      ) : status.kind === 'not-found' ? (
        <Text color={theme.colorOf('danger')} wrap="wrap">{` Not identified: ${status.reason}`}</Text>
      ) : (
        <Text color={muted}>
          {" An Elasticsearch key's encoded form names its id here; any other value is checked by the projects."}
        </Text>
      )}
    </Box>
  );
}

export function openIdentifyKey(actions: AppActions): void {
  actions.openPanel({ id: 'keys-identify', title: 'Identify a leaked key', node: <IdentifyKeyPanel /> });
}
