/**
 * What the command line holds between keys: the request being edited, the answer to the last one, and where
 * `↑`/`↓` are in the history. A reducer, so every key applies to the latest state however fast keys arrive.
 */
import type { IntentChoice, IntentResult } from '../../src/domain/intent/index.js';
import { step } from './history.js';
import { editLine, insert, lineOf, type EditKey, type EditLine } from './line-editor.js';

export type Answer =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly message: string; readonly unknownWords: readonly string[] }
  | {
      readonly kind: 'question';
      readonly question: string;
      readonly choices: readonly IntentChoice[];
      readonly index: number;
    };

export interface CommandState {
  readonly line: EditLine;
  readonly answer: Answer;
  /** Index into the history while recalling; undefined = the line being typed, kept in `draft`. */
  readonly position: number | undefined;
  readonly draft: string;
}

export type CommandAction =
  | { readonly type: 'edit'; readonly key: EditKey }
  | { readonly type: 'insert'; readonly text: string }
  | { readonly type: 'recall'; readonly delta: -1 | 1; readonly entries: readonly string[] }
  /** A parse result other than `ok` (which leaves the command line). */
  | { readonly type: 'answered'; readonly result: Exclude<IntentResult, { ok: true }> }
  | { readonly type: 'choose'; readonly delta: -1 | 1 }
  /** A clarifying choice taken: its rewrite of the request replaces the text, to be parsed again. */
  | { readonly type: 'replace'; readonly text: string }
  | { readonly type: 'dismiss' };

export const INITIAL_COMMAND: CommandState = {
  line: lineOf(''),
  answer: { kind: 'none' },
  position: undefined,
  draft: '',
};

function answerOf(result: Exclude<IntentResult, { ok: true }>): Answer {
  return result.ok === 'ambiguous'
    ? { kind: 'question', question: result.question, choices: result.choices, index: 0 }
    : { kind: 'error', message: result.error, unknownWords: result.unknownWords ?? [] };
}

export function commandReducer(state: CommandState, action: CommandAction): CommandState {
  switch (action.type) {
    case 'edit':
      return { ...state, line: editLine(state.line, action.key) };
    case 'insert':
      return { ...state, line: insert(state.line, action.text) };
    case 'recall': {
      const position = step(action.entries, state.position, action.delta);
      if (position === state.position) return state;
      const draft = state.position === undefined ? state.line.text : state.draft;
      return { ...state, position, draft, line: lineOf(position === undefined ? draft : action.entries[position]!) };
    }
    case 'answered':
      return { ...state, answer: answerOf(action.result), position: undefined, draft: '' };
    case 'choose': {
      if (state.answer.kind !== 'question') return state;
      const index = Math.max(0, Math.min(state.answer.choices.length - 1, state.answer.index + action.delta));
      return { ...state, answer: { ...state.answer, index } };
    }
    case 'replace':
      return { ...state, line: lineOf(action.text), answer: { kind: 'none' } };
    case 'dismiss':
      return { ...state, answer: { kind: 'none' } };
  }
}
