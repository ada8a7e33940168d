/**
 * The `:` command line: a request in plain words, parsed against the loaded organization. Understood → its wizard
 * opens pre-filled (the user still reviews every request there); ambiguous → numbered choices, and the chosen
 * rewrite is parsed again; not understood → the reason and the unknown words, with the text kept for editing.
 */
import { Box, Text } from 'ink';
import { useReducer, useState } from 'react';
import { INTENT_GRAMMAR, parseIntent, type IntentChoice } from '../../src/domain/intent/index.js';
import { useAppActions, useAppState, type AppActions } from '../../src/ui/contexts.js';
import { useDirty } from '../../src/ui/dirty.js';
import { keyLabel } from '../../src/ui/keys.js';
import { layoutFor } from '../../src/ui/layout.js';
import { line, tone, type Line } from '../../src/ui/lines.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { useTheme, type Symbols } from '../../src/ui/theme.js';
import { LinesView } from '../LinesView.js';
import { wrapLine } from '../../src/ui/wrap.js';
import { useAllCustomRoles } from '../access/use-custom-roles.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { commandReducer, INITIAL_COMMAND, type Answer } from './command-state.js';
import { remember, type RequestHistory } from './history.js';
import type { EditKey, EditLine } from './line-editor.js';
import { openIntent, type IntentOpeners } from './open-intent.js';

const PLACEHOLDER = 'add bob@example.com to search-prod as viewer';

function answerLines(answer: Answer, symbols: Symbols, unicode: boolean): Line[] {
  switch (answer.kind) {
    case 'none':
      return [
        line(tone('muted', 'Ask for a change or a question in plain words:')),
        ...INTENT_GRAMMAR.map((form) => line(tone('muted', `  ${form}`))),
      ];
    case 'error':
      return [
        line(tone('danger', `${symbols.fail} ${answer.message}`)),
        ...(answer.unknownWords.length > 0
          ? [line(tone('muted', 'unknown words: '), tone('warning', answer.unknownWords.join(', ')))]
          : []),
        line(
          tone('muted', `Edit the request and press enter again (${keyLabel('up', unicode)} recalls earlier ones).`),
        ),
      ];
    case 'question':
      return [
        line(tone('title', answer.question, true)),
        ...answer.choices.map((choice, i) =>
          line(
            i === answer.index ? tone('accent', `${symbols.pointer} `) : '  ',
            tone('accent', `${i + 1}. `),
            choice.label,
          ),
        ),
      ];
  }
}

/**
 * The text with the cursor drawn as an inverse cell (the terminal cursor stays hidden while Ink renders), scrolled
 * sideways so the cursor stays within `width`.
 */
function Field({ line: edit, active, width }: { line: EditLine; active: boolean; width: number }) {
  const theme = useTheme();
  if (edit.text === '') {
    return (
      <Text color={theme.colorOf('muted')}>
        <Text inverse={active}>{PLACEHOLDER[0]}</Text>
        {PLACEHOLDER.slice(1)}
      </Text>
    );
  }
  const chars = Array.from(edit.text);
  const start = Math.max(0, edit.cursor - width + 1);
  return (
    <Text>
      {chars.slice(start, edit.cursor).join('')}
      <Text inverse={active}>{chars[edit.cursor] ?? ' '}</Text>
      {chars.slice(edit.cursor + 1).join('')}
    </Text>
  );
}

/** `intents`: where each understood request leads (screens/intent-openers.ts, which knows the wizards). */
export function CommandLine({ history, intents }: { history: RequestHistory; intents: IntentOpeners }) {
  const { snapshot } = useAppState();
  const actions = useAppActions();
  const theme = useTheme();
  const layout = layoutFor(useTerminalSize());
  const [state, dispatch] = useReducer(commandReducer, INITIAL_COMMAND);
  const { answer } = state;
  // Requests naming custom roles are checked against each project's custom roles.
  useAllCustomRoles(snapshot);
  // A half-typed request is input like a form's: ctrl+c asks before dropping it.
  useDirty(state.line.text.trim() !== '');

  const submit = (text: string) => {
    if (!text.trim()) return;
    remember(history, text);
    if (!snapshot) {
      dispatch({
        type: 'answered',
        result: { ok: false, error: 'the organization is still loading; try again in a moment' },
      });
      return;
    }
    const result = parseIntent(text, snapshot);
    if (result.ok !== true) {
      dispatch({ type: 'answered', result });
      return;
    }
    // The wizard takes the command line's place, so closing it (esc) returns to the screen, not to the prompt.
    actions.closeOverlay();
    openIntent(result.intent, result.notes, { actions, snapshot }, intents);
  };

  const pick = (choice: IntentChoice | undefined) => {
    if (!choice) return;
    dispatch({ type: 'replace', text: choice.text });
    submit(choice.text);
  };

  // The answer wraps (nothing of a form or an error is cut); what does not fit scrolls, a line saying so.
  const [scroll, setScroll] = useState(0);
  const textWidth = layout.width - 3;
  const lines = answerLines(answer, theme.symbols, theme.unicode).flatMap((l) => wrapLine(l, textWidth, 2));
  const room = Math.max(1, layout.boxInner - 1);
  const overflow = lines.length > room;
  const height = overflow ? Math.max(1, room - 1) : room;
  const maxTop = Math.max(0, lines.length - height);
  const top = Math.min(scroll, maxTop);
  const page = (delta: number) => () => setScroll(Math.max(0, Math.min(maxTop, top + delta * height)));

  const asking = answer.kind === 'question';
  const editing = !asking;
  const edit = (key: EditKey) => () => dispatch({ type: 'edit', key });
  usePanelBindings(
    'command',
    {
      'command.ask': editing ? () => submit(state.line.text) : undefined,
      'command.older': editing ? () => dispatch({ type: 'recall', delta: -1, entries: history.entries }) : undefined,
      'command.newer': editing ? () => dispatch({ type: 'recall', delta: 1, entries: history.entries }) : undefined,
      'command.close': editing ? actions.closeOverlay : undefined,
      'command.left': editing ? edit('left') : undefined,
      'command.right': editing ? edit('right') : undefined,
      'command.start': editing ? edit('home') : undefined,
      'command.end': editing ? edit('end') : undefined,
      'command.erase': editing ? edit('backspace') : undefined,
      'command.clear': editing ? edit('ctrl+u') : undefined,
      'command.choose': asking ? () => pick(answer.choices[answer.index]) : undefined,
      'command.pick': asking ? ({ name }) => pick(answer.choices[Number(name) - 1]) : undefined,
      'command.prev': asking ? () => dispatch({ type: 'choose', delta: -1 }) : undefined,
      'command.next': asking ? () => dispatch({ type: 'choose', delta: 1 }) : undefined,
      'command.dismiss': asking ? () => dispatch({ type: 'dismiss' }) : undefined,
      'command.pageUp': overflow ? page(-1) : undefined,
      'command.pageDown': overflow ? page(1) : undefined,
    },
    editing ? { onText: (text) => dispatch({ type: 'insert', text }) } : {},
  );

  return (
    <Box flexDirection="column" height={layout.boxInner}>
      <LinesView lines={lines} scroll={top} height={height} width={layout.width - 2} />
      {overflow ? (
        <Text color={theme.colorOf('muted')} wrap="truncate">
          {` ${moreLine(top, height, lines.length, theme.unicode)}`}
        </Text>
      ) : null}
      <Box flexGrow={1} />
      <Text wrap="truncate">
        <Text bold color={theme.colorOf('accent')}>
          {' : '}
        </Text>
        <Field line={state.line} active={answer.kind !== 'question'} width={layout.width - 6} />
      </Text>
    </Box>
  );
}

/** Where the window is in the answer, and the keys that move it. */
function moreLine(top: number, height: number, total: number, unicode: boolean): string {
  const below = total - top - height;
  const parts = [
    ...(top > 0 ? [`${keyLabel('pageup', unicode)} ${top} more above`] : []),
    ...(below > 0 ? [`${keyLabel('pagedown', unicode)} ${below} more below`] : []),
  ];
  return parts.join('   ');
}

export function openCommandLine(actions: AppActions, history: RequestHistory, intents: IntentOpeners): void {
  actions.openPanel({
    id: 'command-line',
    title: 'Request in plain words',
    node: <CommandLine history={history} intents={intents} />,
  });
}
