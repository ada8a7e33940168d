/**
 * How each kind of step draws its field. The wizard state (model.ts) owns every answer; a text step's field is
 * ink-text-input and a single-choice list that fits is ink-select-input, both run inside the keypress path through
 * src/ui/ink-input-bridge.tsx: they get only the keys the wizard's bindings hand them, and report back to the
 * reducer (the text, the highlighted option), which the next render gives them again.
 */
import { Box, Text } from 'ink';
import SelectInput, { type IndicatorProps, type ItemProps } from 'ink-select-input';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { InkField, type InkInput } from '../../src/ui/ink-input-bridge.js';
import { useTheme } from '../../src/ui/theme.js';
import { InkTextField } from '../InkTextField.js';
import { cursorOf, type Option, type Step, type WizardState } from './model.js';

/**
 * An Ink field keeps its own cursor (the list's highlight, the text's) and starts it from the value it mounts with.
 * While the value is the one it last reported, that cursor is right; a value it did not report (`home` on a list,
 * a pre-fill) gets a new key, so the field starts again from that value (InkTextField does the same for text).
 */
function useResync<T>(value: T): { generation: number; report: (reported: T) => void } {
  const [seen, setSeen] = useState({ value, generation: 0 });
  if (!Object.is(seen.value, value)) setSeen({ value, generation: seen.generation + 1 });
  const report = useCallback((reported: T) => setSeen((s) => ({ ...s, value: reported })), []);
  return { generation: seen.generation, report };
}

function TextField({
  input,
  value,
  placeholder,
  onChange,
  onSubmit,
}: {
  input: InkInput;
  value: string;
  placeholder?: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
}) {
  const theme = useTheme();
  return (
    <Box>
      <Text color={theme.colorOf('accent')}>{`${theme.symbols.pointer} `}</Text>
      <InkTextField input={input} value={value} placeholder={placeholder} onChange={onChange} onSubmit={onSubmit} />
    </Box>
  );
}

/** The options around the cursor, so a long list (projects, privileges) never outgrows the panel. */
function windowOf(options: readonly Option[], cursor: number, height: number) {
  const start = Math.max(0, Math.min(cursor - Math.floor(height / 2), options.length - height));
  return { start, shown: options.slice(start, start + height) };
}

/** Our own list: the steps that take several, and single-choice lists longer than the room (see ChoiceSelect). */
function ListField({
  options,
  cursor,
  marks,
  height,
}: {
  options: readonly Option[];
  cursor: number;
  marks: (o: Option) => string;
  height: number;
}) {
  const theme = useTheme();
  const { start, shown } = windowOf(options, cursor, Math.max(1, height));
  return (
    <Box flexDirection="column">
      {shown.map((option, i) => (
        <Text key={option.id} wrap="truncate">
          <Text color={theme.colorOf('accent')}>{start + i === cursor ? `${theme.symbols.pointer} ` : '  '}</Text>
          <OptionText option={option} mark={marks(option)} active={start + i === cursor} />
        </Text>
      ))}
      {options.length > shown.length ? (
        <Text color={theme.colorOf('muted')}>{`  ${cursor + 1}/${options.length}`}</Text>
      ) : null}
    </Box>
  );
}

/** An option's line after the pointer: its mark, its label, and the hint that says why it is there. */
function OptionText({ option, mark, active }: { option: Option; mark: string; active: boolean }) {
  const theme = useTheme();
  return (
    <>
      {mark}
      <Text bold={active}>{option.label}</Text>
      {option.hint ? <Text color={theme.colorOf('muted')}>{`  ${option.hint}`}</Text> : null}
    </>
  );
}

const choiceMark = (option: Option, answer: string | undefined) => (option.id === answer ? '(•) ' : '( ) ');

/** The choice list's options and answer, for ChoiceItem: ink-select-input hands an item component only the item. */
const ChoiceContext = createContext<{ options: readonly Option[]; answer: string | undefined }>({
  options: [],
  answer: undefined,
});

/** Its own two columns: in ink-select-input's row, a long item beside it would shrink it. */
function ChoiceIndicator({ isSelected = false }: IndicatorProps) {
  const theme = useTheme();
  return (
    <Box flexShrink={0} width={2}>
      <Text color={theme.colorOf('accent')}>{isSelected ? theme.symbols.pointer : ' '}</Text>
    </Box>
  );
}

/** ink-select-input spreads the whole item into this component, so `value` (the option's id) is here too. */
function ChoiceItem({ isSelected = false, label, value }: ItemProps & { readonly value?: string }) {
  const { options, answer } = useContext(ChoiceContext);
  const option = options.find((o) => o.id === value) ?? { id: value ?? label, label };
  return (
    <Text wrap="truncate">
      <OptionText option={option} mark={choiceMark(option, answer)} active={isSelected} />
    </Text>
  );
}

/**
 * A single-choice list on ink-select-input. Only for a list that fits: given a `limit`, ink-select-input rotates
 * the list past its ends, so the first option shows up under the last (its "endless scroll", by design since
 * https://github.com/vadimdemedes/ink-select-input/pull/5), and `initialIndex` beyond the limit misplaces the
 * highlight (https://github.com/vadimdemedes/ink-select-input/issues/43); a longer list is our ListField.
 */
function ChoiceSelect({
  input,
  options,
  cursor,
  answer,
  onCursor,
  onChoose,
}: {
  input: InkInput;
  options: readonly Option[];
  cursor: number;
  answer: string | undefined;
  onCursor: (index: number) => void;
  onChoose: (index: number) => void;
}) {
  const { generation, report } = useResync(cursor);
  const items = useMemo(() => options.map((o) => ({ label: o.label, value: o.id })), [options]);
  const choice = useMemo(() => ({ options, answer }), [options, answer]);
  const indexOf = (item: { value: string }) => options.findIndex((o) => o.id === item.value);
  return (
    <ChoiceContext.Provider value={choice}>
      <InkField input={input}>
        <SelectInput
          // New options start the list again on the cursor (ink-select-input would go back to the first).
          key={`${generation}\n${items.map((i) => i.value).join('\n')}`}
          items={items}
          initialIndex={cursor}
          indicatorComponent={ChoiceIndicator}
          itemComponent={ChoiceItem}
          onHighlight={(item) => {
            report(indexOf(item));
            onCursor(indexOf(item));
          }}
          onSelect={(item) => onChoose(indexOf(item))}
        />
      </InkField>
    </ChoiceContext.Provider>
  );
}

/** What a field does with what it took: the wizard dispatches these to its reducer. */
export interface FieldActions {
  readonly edit: (text: string) => void;
  readonly submit: () => void;
  readonly moveTo: (index: number) => void;
  readonly choose: (index: number) => void;
}

export function StepField<V, E>({
  step,
  state,
  env,
  height,
  input,
  actions,
}: {
  step: Step<V, E>;
  state: WizardState<V>;
  env: E;
  height: number;
  input: InkInput;
  actions: FieldActions;
}) {
  const theme = useTheme();
  if (step.kind === 'text') {
    return (
      <TextField
        key={step.id}
        input={input}
        value={step.get(state.values)}
        placeholder={step.placeholder}
        onChange={actions.edit}
        onSubmit={actions.submit}
      />
    );
  }
  const options = step.options(state.values, env);
  if (options.length === 0) return <Text color={theme.colorOf('muted')}> (nothing to choose from)</Text>;
  const cursor = cursorOf(state, step, options);
  const room = Math.max(1, height);
  if (step.kind === 'choice') {
    const answer = step.get(state.values);
    return options.length <= room ? (
      <ChoiceSelect
        key={step.id}
        input={input}
        options={options}
        cursor={cursor}
        answer={answer}
        onCursor={actions.moveTo}
        onChoose={actions.choose}
      />
    ) : (
      <ListField options={options} cursor={cursor} height={room} marks={(o) => choiceMark(o, answer)} />
    );
  }
  const chosen = step.get(state.values);
  return (
    <ListField
      options={options}
      cursor={cursor}
      height={room}
      marks={(o) => (chosen.includes(o.id) ? '[x] ' : '[ ] ')}
    />
  );
}
