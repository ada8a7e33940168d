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
import { allProjects } from '../../src/state/store.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { useTheme } from '../../src/ui/theme.js';
import { inertText } from '../../src/util/inert-text.js';
import { Secret } from '../../src/util/secret.js';
import { usePanelKeys } from '../access/use-panel-keys.js';
import { openConfirmation, openRevokeKeys } from '../confirm/openers.js';
import { revokeLayeredSpec } from '../confirm/specs-layered-keys.js';
import { useWizardServices } from '../wizard/services.js';

type Status =
  { readonly kind: 'typing' } | { readonly kind: 'working' } | { readonly kind: 'not-found'; readonly reason: string };

/** What a key press adds to the value: one printable character, or a paste without control characters. */
function typed(name: string | undefined, input: string): string {
  if (name !== undefined) return name.length === 1 ? name : '';
  // eslint-disable-next-line no-control-regex -- dropping control characters from a paste is the point
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}

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
    const rows = layeredKeys(dataOf(data.keys) ?? [], dataOf(data.projectKeys) ?? [], now, true);
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

  usePanelKeys((name, input) => {
    if (status.kind === 'working') return;
    if (name === 'escape') actions.closeOverlay();
    else if (name === 'backspace' || name === 'delete') set(value.current.slice(0, -1));
    else if (name === 'ctrl+u') set('');
    else if (name === 'enter') {
      const text = value.current.trim();
      if (text === '') return;
      set('');
      setStatus({ kind: 'working' });
      identify(new Secret(text)).catch((error: unknown) =>
        setStatus({ kind: 'not-found', reason: inertText(error instanceof Error ? error.message : String(error)) }),
      );
    } else {
      const add = typed(name, input);
      if (add) {
        set(value.current + add);
        if (status.kind === 'not-found') setStatus({ kind: 'typing' });
      }
    }
  });

  const muted = theme.colorOf('muted');
  return (
    <Box flexDirection="column">
      <Text bold>{' Paste the leaked key (not shown), then enter:'}</Text>
      <Text>{`   ${length === 0 ? '(empty)' : `${length} character${length === 1 ? '' : 's'}`}`}</Text>
      <Text> </Text>
      {status.kind === 'working' ? (
        <Text color={muted}>{' Identifying…'}</Text>
      ) : status.kind === 'not-found' ? (
        <Text color={theme.colorOf('danger')}>{` Not identified: ${status.reason}`}</Text>
      ) : (
        <Text color={muted}>
          {" An Elasticsearch key's encoded form names its id here; any other value is checked by the projects."}
        </Text>
      )}
      <Text color={muted}>{' enter identify   ctrl+u clear   esc back'}</Text>
    </Box>
  );
}

export function openIdentifyKey(actions: AppActions): void {
  actions.openPanel({ id: 'keys-identify', title: 'Identify a leaked key', node: <IdentifyKeyPanel /> });
}
