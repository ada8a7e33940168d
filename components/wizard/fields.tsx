/** How each kind of step draws its field. Pure renderers of the wizard state; keys are the wizard's bindings. */
import { Box, Text } from 'ink';
import { useTheme } from '../../src/ui/theme.js';
import { cursorOf, type Option, type Step, type WizardState } from './model.js';

function TextField({ value, placeholder }: { value: string; placeholder?: string }) {
  const theme = useTheme();
  return (
    <Text>
      <Text color={theme.colorOf('accent')}>{`${theme.symbols.pointer} `}</Text>
      {value === '' && placeholder ? <Text color={theme.colorOf('muted')}>{placeholder}</Text> : value}
      <Text inverse> </Text>
    </Text>
  );
}

/** The options around the cursor, so a long list (projects, privileges) never outgrows the panel. */
function windowOf(options: readonly Option[], cursor: number, height: number) {
  const start = Math.max(0, Math.min(cursor - Math.floor(height / 2), options.length - height));
  return { start, shown: options.slice(start, start + height) };
}

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
  if (options.length === 0) return <Text color={theme.colorOf('muted')}> (nothing to choose from)</Text>;
  const { start, shown } = windowOf(options, cursor, Math.max(1, height));
  return (
    <Box flexDirection="column">
      {shown.map((option, i) => {
        const active = start + i === cursor;
        return (
          <Text key={option.id} wrap="truncate">
            <Text color={theme.colorOf('accent')}>{active ? `${theme.symbols.pointer} ` : '  '}</Text>
            {marks(option)}
            <Text bold={active}>{option.label}</Text>
            {option.hint ? <Text color={theme.colorOf('muted')}>{`  ${option.hint}`}</Text> : null}
          </Text>
        );
      })}
      {options.length > shown.length ? (
        <Text color={theme.colorOf('muted')}>{`  ${cursor + 1}/${options.length}`}</Text>
      ) : null}
    </Box>
  );
}

export function StepField<V, E>({
  step,
  state,
  env,
  height,
}: {
  step: Step<V, E>;
  state: WizardState<V>;
  env: E;
  height: number;
}) {
  if (step.kind === 'text') return <TextField value={step.get(state.values)} placeholder={step.placeholder} />;
  const options = step.options(state.values, env);
  const cursor = cursorOf(state, step, options);
  if (step.kind === 'choice') {
    const answer = step.get(state.values);
    return (
      <ListField options={options} cursor={cursor} height={height} marks={(o) => (o.id === answer ? '(•) ' : '( ) ')} />
    );
  }
  const chosen = step.get(state.values);
  return (
    <ListField
      options={options}
      cursor={cursor}
      height={height}
      marks={(o) => (chosen.includes(o.id) ? '[x] ' : '[ ] ')}
    />
  );
}
