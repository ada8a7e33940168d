/**
 * A typed confirmation: what will happen, the warnings, the exact request, and a button that unlocks only when the
 * user has typed the phrase read off the target. No y/n: a reflex cannot delete anything. Enter sends exactly one
 * request, then the panel re-reads the data and shows what really happened.
 */
import { Box, Text } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { confirmationPhrase } from '../../src/domain/confirm.js';
import { useAppActions, useAppState } from '../../src/ui/contexts.js';
import { layoutFor } from '../../src/ui/layout.js';
import { blank, heading, line, tone, type Line } from '../../src/ui/lines.js';
import { textWidth } from '../../src/ui/text-width.js';
import { wrapLine } from '../../src/ui/wrap.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme } from '../../src/ui/theme.js';
import { useAuditSession } from '../audit/session.js';
import { LinesView, maxScroll } from '../LinesView.js';
import { Segments } from '../Segments.js';
import { requestLines } from '../wizard/preview-lines.js';
import { useWizardServices } from '../wizard/services.js';
import { confirmReducer, INITIAL_CONFIRM, unlocked, type ConfirmState } from './model.js';
import type { ConfirmSpec, Prepared, Verified } from './spec.js';
import { useInkInput, type InkInput } from '../../src/ui/ink-input-bridge.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { InkTextField } from '../InkTextField.js';

/** Separator, prompt (its first line), text field, button. The keys are in the app's footer (`confirmation` scope). */
const FIXED_LINES = 4;
const NBSP = '\u00a0';

/**
 * The prompt on as many lines as it needs at `width` (a long target, an email, would be cut at the edge), breaking
 * inside the phrase only when it is longer than a line: its spaces are kept from wrapping.
 */
function promptLines(phrase: string, width: number): Line[] {
  const prompt = line(
    ' Type ',
    tone('warning', phrase.replaceAll(' ', NBSP), true),
    ' to confirm (exactly, case-sensitive):',
  );
  return wrapLine(prompt, width).map((l) => l.map((s) => ({ ...s, text: s.text.replaceAll(NBSP, ' ') })));
}

/** Words onto lines of at most `width` columns: a warning cut off at the panel edge would hide its point. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && textWidth(current) + 1 + textWidth(word) > width) {
      lines.push(current);
      current = `  ${word}`;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

function bodyLines(prepared: Prepared, verified: Verified | undefined, warn: string, width: number): Line[] {
  if (verified) return verified.lines.flatMap((l) => wrapLine(l, width));
  return [
    ...prepared.warnings.flatMap((w) =>
      wrapWords(`${warn} ${w.message}`, width).map((text) => line(tone('danger', text, true))),
    ),
    ...(prepared.warnings.length > 0 ? [blank] : []),
    heading('What happens'),
    ...prepared.effects,
    blank,
    heading(
      `The request, exactly as it will be sent (${prepared.more?.length ? `${prepared.more.length + 1} requests` : 'one request'})`,
    ),
    ...requestLines(prepared.request, prepared.url, width),
    ...(prepared.more ?? []).flatMap((m) => [blank, ...requestLines(m.request, m.url, width)]),
  ].flatMap((l) => wrapLine(l, width));
}

export function ConfirmPanel({ spec }: { spec: ConfirmSpec }) {
  const actions = useAppActions();
  const { data, snapshot, connection } = useAppState();
  const services = useWizardServices();
  const audit = useAuditSession();
  const theme = useTheme();
  const { symbols } = theme;
  const layout = layoutFor(useTerminalSize());
  const [state, dispatch] = useReducer(confirmReducer, INITIAL_CONFIRM);
  const prepared = useMemo(
    () =>
      spec.prepare({
        data,
        snapshot,
        services,
        symbols,
        now: snapshot?.now ?? new Date(),
        ...(connection.selfKeyId ? { selfKeyId: connection.selfKeyId } : {}),
      }),
    [spec, data, snapshot, services, symbols, connection.selfKeyId],
  );
  const phrase = confirmationPhrase(prepared.target);
  // What was sent, frozen: the data behind `prepared` changes with the re-read, the request must not.
  const [sent, setSent] = useState<Prepared>();
  // The request goes out once, when the reducer says the typed text unlocked it (phase `sending`).
  const sending = useRef(false);
  const { phase } = state;
  // Judged from the data as it is now, i.e. after the re-read once the phase is `done`.
  const verified = phase.kind === 'done' && sent ? sent.verify(data, phase.sent) : undefined;

  function send(chosen: Prepared) {
    sending.current = true;
    setSent(chosen);
    void chosen
      .send()
      .then(
        () => ({ ok: true }) as const,
        (error: unknown) => ({ ok: false, error }) as const,
      )
      .then((result) => {
        dispatch({ type: 'sent', sent: result });
        return actions.refresh(chosen.refresh);
      })
      .then(() => dispatch({ type: 'refreshed' }));
  }

  const recorded = useRef(false);
  useEffect(() => {
    if (!verified?.audit || !sent || recorded.current) return;
    recorded.current = true;
    audit?.record({ type: 'verify', request: sent.request, result: verified.audit, detail: verified.summary });
  }, [verified, audit, sent]);

  const width = layout.width - 2;
  const prompt = phase.kind === 'typing' ? promptLines(phrase, width) : [];
  const height = Math.max(1, layout.boxInner - FIXED_LINES - Math.max(0, prompt.length - 1));
  // Wrapped to the room LinesView leaves after its margin, so it never has to cut one with "…".
  const lines = bodyLines(prepared, verified, symbols.warn, width - 1);
  const max = maxScroll(lines.length, height);
  const blocked = prepared.blocked !== undefined;

  useEffect(() => {
    if (phase.kind === 'sending' && !sending.current) send(prepared);
  });

  const typing = phase.kind === 'typing';
  // The phrase's field is ink-text-input (components/InkTextField.tsx); enter stays `confirmation.send`.
  const field = useInkInput();
  const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
  usePanelBindings(
    'confirmation',
    {
      'confirmation.send': typing ? () => dispatch({ type: 'submit', phrase, blocked }) : undefined,
      'confirmation.cancel': typing ? actions.closeOverlay : undefined,
      // Once sent, the answer is awaited: closing before it arrives would hide whether the change happened.
      'confirmation.close': verified
        ? () => {
            actions.closeOverlay();
            actions.notify(verified.summary, verified.tone);
          }
        : undefined,
      'confirmation.up': scroll(-1),
      'confirmation.down': scroll(1),
      'confirmation.pageUp': scroll(-10),
      'confirmation.pageDown': scroll(10),
      'confirmation.clear': typing ? () => dispatch({ type: 'clear' }) : undefined,
      'confirmation.erase': typing ? field.forward : undefined,
      'confirmation.cursor': typing ? field.forward : undefined,
    },
    typing ? { onText: field.type } : {},
  );

  const ready = unlocked(state, phrase, blocked);
  return (
    <>
      <LinesView lines={lines} scroll={Math.min(state.scroll, max)} height={height} width={width} />
      {Array.from({ length: Math.max(0, height - lines.length) }, (_, i) => (
        <Text key={`pad${i}`}> </Text>
      ))}
      <Text color={theme.colorOf('muted')}>{` ${symbols.border.h.repeat(Math.max(0, width - 2))}`}</Text>
      <Footer
        input={field}
        onEdit={(text) => dispatch({ type: 'edit', text })}
        state={state}
        phrase={phrase}
        prompt={prompt}
        ready={ready}
        blocked={prepared.blocked}
        verb={spec.verb}
        request={`${prepared.request.method} ${prepared.url}${prepared.more?.length ? ` (+${prepared.more.length} more)` : ''}`}
      />
    </>
  );
}

interface FooterProps {
  readonly state: ConfirmState;
  readonly phrase: string;
  /** "Type … to confirm", wrapped to the panel. */
  readonly prompt: readonly Line[];
  readonly ready: boolean;
  readonly blocked: string | undefined;
  readonly verb: string;
  readonly request: string;
  /** The phrase's field hears what the panel's bindings forward to it. */
  readonly input: InkInput;
  readonly onEdit: (text: string) => void;
}

function Footer({ state, phrase, prompt, ready, blocked, verb, request, input, onEdit }: FooterProps) {
  const theme = useTheme();
  const { symbols } = theme;
  const { kind } = state.phase;
  if (kind !== 'typing') {
    const status =
      kind === 'sending'
        ? line(tone('accent', `${symbols.ellipsis} sending ${request}`))
        : kind === 'done'
          ? line(tone('muted', 'Done: above is what the re-read shows.'))
          : line(tone('accent', `${symbols.ellipsis} re-reading to verify what happened`));
    return (
      <>
        <Text wrap="truncate">
          {' '}
          <Segments line={status} />
        </Text>
        <Text> </Text>
        <Text wrap="truncate" color={theme.colorOf('muted')}>
          {kind === 'done' ? ' ' : ' waiting for the answer (esc is disabled until it arrives)'}
        </Text>
      </>
    );
  }
  const button = ` [ ${verb} ] `;
  const why = blocked
    ? `locked: ${blocked}`
    : ready
      ? 'unlocked: enter sends it'
      : state.mismatch
        ? `${symbols.fail} does not match; type exactly: ${phrase}`
        : 'locked until the text matches';
  return (
    <>
      {prompt.map((l, i) => (
        <Text key={`prompt${i}`} wrap="truncate">
          <Segments line={l} />
        </Text>
      ))}
      {/* One line, as FIXED_LINES counts it: a phrase longer than the panel is cut, not wrapped. */}
      <Box height={1} overflow="hidden">
        <Text color={theme.colorOf('accent')}>{` ${symbols.pointer} `}</Text>
        <InkTextField input={input} value={state.typed} onChange={onEdit} />
      </Box>
      <Text wrap="truncate">
        {' '}
        {ready ? (
          <Text bold inverse color={theme.colorOf('danger')}>
            {button}
          </Text>
        ) : (
          <Text dimColor color={theme.colorOf('muted')}>
            {button}
          </Text>
        )}
        <Text
          color={theme.colorOf(ready ? 'danger' : blocked || state.mismatch ? 'warning' : 'muted')}
        >{`  ${why}`}</Text>
      </Text>
    </>
  );
}
