/**
 * A created key's value, shown once. Masked until `v`; `c` sends it to the clipboard through the terminal
 * (OSC 52); `w` saves it to a new 0600 file. Closing takes a typed acknowledgement, because after that nothing
 * can show the value again: Elastic Cloud keeps only a hash.
 *
 * The value lives in the Secret this panel was opened with and is dropped when the panel closes; it never goes
 * to the store, notify(), the audit trail or any log. The app runs on the alternate screen, so nothing of it is
 * left in the terminal's scrollback either.
 */
import { Box, Text, useStdout, type TextProps } from 'ink';
import {
  maskSecret,
  osc52Copy,
  SecretFileError,
  suggestedSecretFileName,
  writeSecretFile,
} from '../src/secrets/index.js';
import { useAppActions, type AppActions } from '../src/ui/contexts.js';
import { useDirty } from '../src/ui/dirty.js';
import { useTheme, type Tone } from '../src/ui/theme.js';
import type { Secret } from '../src/util/secret.js';
import { ACK_WORD, INITIAL_SECRET, secretReducer, type SecretState } from './secret/model.js';
import type { Note } from './wizard/model.js';
import { errorCode } from '../src/util/errors.js';
import { usePanelBindings } from '../src/ui/use-panel-bindings.js';
import { useEffect, useReducer } from 'react';

export interface CreatedKey {
  readonly id: string;
  readonly secret: Secret;
  readonly expiration_date?: string;
}

/** Hands the Secret to the panel; `drop()` forgets it, so the closed overlay keeps no reference to the value. */
interface SecretHolder {
  get(): Secret | undefined;
  drop(): void;
}

function holderOf(secret: Secret): SecretHolder {
  let held: Secret | undefined = secret;
  return { get: () => held, drop: () => (held = undefined) };
}

const COPY_NOTICE =
  'Sent to clipboard via OSC 52 — if nothing was copied, your terminal refused it: reveal it or save it to a file';

function saveNotice(dir: string, fileName: string, secret: Secret): { tone: Tone; text: string } {
  try {
    const { path } = writeSecretFile({ dir: dir.trim() || process.cwd(), fileName, value: secret.reveal() });
    return { tone: 'success', text: `Saved to ${path} (readable by you only, mode 0600)` };
  } catch (error) {
    const text = error instanceof SecretFileError ? error.message : `could not save: ${errorCode(error) ?? 'error'}`;
    return { tone: 'danger', text: `${text}; nothing was saved` };
  }
}

/** Text that may wrap: each of its lines one column in from the border, the continuations too. */
function Wrapped({ children, ...style }: TextProps) {
  return (
    <Box paddingLeft={1}>
      <Text wrap="wrap" {...style}>
        {children}
      </Text>
    </Box>
  );
}

interface SecretPanelProps {
  readonly holder: SecretHolder;
  readonly id: string;
  readonly description: string;
  /** What the re-read after creating the key verified, kept in view above the value. */
  readonly checks: readonly Note[];
  readonly onClosed?: () => void;
}

function SecretPanel({ holder, id, description, checks, onClosed }: SecretPanelProps) {
  const actions = useAppActions();
  const theme = useTheme();
  const { write } = useStdout();
  const [state, dispatch] = useReducer(secretReducer, INITIAL_SECRET);
  useDirty(true);
  const secret = holder.get();
  const fileName = suggestedSecretFileName(description, new Date());

  const { pending } = state;
  useEffect(() => {
    if (!pending || !secret) return;
    if (pending === 'copy') {
      // Through Ink, which clears its frame around the write, so the sequence cannot land mid-frame.
      write(osc52Copy(secret.reveal()));
      dispatch({ type: 'done', notice: { tone: 'accent', text: COPY_NOTICE } });
    } else if (pending === 'save') {
      dispatch({ type: 'done', notice: saveNotice(state.dir, fileName, secret) });
    } else {
      holder.drop();
      actions.closeOverlay();
      actions.notify(`Closed the key value of "${description}"; it cannot be shown again`, 'accent');
      onClosed?.();
    }
  }, [pending, secret, write, state.dir, fileName, holder, actions, description, onClosed]);

  const view = state.mode === 'view';
  usePanelBindings(
    'secret',
    {
      'secret.reveal': view ? () => dispatch({ type: 'reveal' }) : undefined,
      'secret.copy': view ? () => dispatch({ type: 'copy' }) : undefined,
      'secret.save': view ? () => dispatch({ type: 'startSave' }) : undefined,
      'secret.close': view ? () => dispatch({ type: 'askClose' }) : undefined,
      'secret.write': state.mode === 'dir' ? () => dispatch({ type: 'submit' }) : undefined,
      'secret.acknowledge': state.mode === 'ack' ? () => dispatch({ type: 'submit' }) : undefined,
      'secret.back': view ? undefined : () => dispatch({ type: 'back' }),
      'secret.erase': view ? undefined : () => dispatch({ type: 'erase' }),
    },
    view ? {} : { onText: (text) => dispatch({ type: 'text', text }) },
  );

  const value = secret ? (state.revealed ? secret.reveal() : maskSecret(secret.reveal())) : '';
  return (
    <>
      {checks.map((c, i) => (
        <Wrapped
          key={i}
          color={theme.colorOf(c.tone)}
        >{`${c.tone === 'success' ? theme.symbols.ok : theme.symbols.warn} ${c.text}`}</Wrapped>
      ))}
      <Wrapped
        bold
        color={theme.colorOf('warning')}
      >{`${theme.symbols.warn} This is the only time this key's value is shown: Elastic Cloud keeps only a hash. Save it now.`}</Wrapped>
      <Text> </Text>
      <Wrapped>
        {`Key     ${description}`}
        <Text color={theme.colorOf('muted')}>{`  (${id})`}</Text>
      </Wrapped>
      <Wrapped>
        {'Value   '}
        <Text bold color={theme.colorOf(state.revealed ? 'danger' : 'accent')}>
          {value}
        </Text>
        <Text color={theme.colorOf('muted')}>
          {state.revealed ? '   (revealed: v hides it)' : '   (masked: v reveals it)'}
        </Text>
      </Wrapped>
      <Text> </Text>
      <Wrapped color={theme.colorOf(state.notice?.tone ?? 'muted')}>{state.notice?.text ?? ' '}</Wrapped>
      <Text> </Text>
      <ModeLines state={state} fileName={fileName} />
    </>
  );
}

function ModeLines({ state, fileName }: { state: SecretState; fileName: string }) {
  const theme = useTheme();
  const field = (text: string) => (
    <Text wrap="truncate">
      <Text color={theme.colorOf('accent')}>{` ${theme.symbols.pointer} `}</Text>
      {text}
      <Text inverse> </Text>
    </Text>
  );
  if (state.mode === 'dir') {
    return (
      <>
        <Wrapped>{`Save as ${fileName} (0600, never overwrites) in which folder? Empty: ${process.cwd()}`}</Wrapped>
        {field(state.dir)}
      </>
    );
  }
  if (state.mode === 'ack') {
    return (
      <>
        <Wrapped
          bold
          color={theme.colorOf('warning')}
        >{`Once closed, the value cannot be shown again. Type ${ACK_WORD} and press enter to close.`}</Wrapped>
        {field(state.ack)}
      </>
    );
  }
  // The keys are in the app's footer (`secret` scope).
  return null;
}

/**
 * Shows a newly created key's value; the panel holds the Secret until the user acknowledges and closes it.
 * `onClosed` runs after that acknowledgement (a rotation then offers revoking the old key).
 */
export function openSecretPanel(
  actions: AppActions,
  created: { key: CreatedKey; description: string; checks?: readonly Note[]; onClosed?: () => void },
): void {
  const { key, description, onClosed } = created;
  actions.openPanel({
    id: `secret:${key.id}`,
    title: `New API key: ${description}`,
    node: (
      <SecretPanel
        holder={holderOf(key.secret)}
        id={key.id}
        description={description}
        checks={created.checks ?? []}
        {...(onClosed ? { onClosed } : {})}
      />
    ),
  });
}
