/**
 * ink-text-input, controlled by a reducer that owns the text, inside the keypress path (src/ui/ink-input-bridge.tsx):
 * the panel forwards to `input` the keys the field takes (its text, backspace, ←/→, enter when it submits).
 */
import TextInput from 'ink-text-input';
import { useCallback, useEffect, useState } from 'react';
import { InkField, type InkInput } from '../src/ui/ink-input-bridge.js';

/**
 * ink-text-input keeps its own cursor, which is right while the text is the one it last reported; a text it did not
 * report (cleared, pre-filled, changed by the owner's rules) starts it again, with the cursor at the end. It moves
 * its cursor past what it inserted whether or not the owner kept it: when the owner refused all of it (a character
 * a wizard step does not allow), the text is as it was and only the cursor is wrong: it is stepped back over what was refused, one key per render (the field reads its cursor from the
 * previous render's closure until its effects ran), and keys typed meanwhile wait for it (InkInput.nudge).
 */
function useTextSync(value: string, input: InkInput): { generation: number; report: (reported: string) => void } {
  const [seen, setSeen] = useState({ value, before: value, generation: 0, back: 0 });
  if (seen.value !== value) {
    const refused = value === seen.before && seen.value.length > value.length;
    setSeen({
      value,
      before: value,
      generation: refused ? seen.generation : seen.generation + 1,
      back: refused ? seen.value.length - value.length : 0,
    });
  }
  useEffect(() => {
    if (seen.back === 0) return;
    input.nudge({ name: 'left', input: '' });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one step per render is the point: the field reads its cursor from the render its effects subscribed
    setSeen((s) => ({ ...s, back: s.back - 1 }));
  }, [seen, input]);
  const report = useCallback((reported: string) => setSeen((s) => ({ ...s, value: reported, before: s.value })), []);
  return { generation: seen.generation, report };
}

export function InkTextField({
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
  onSubmit?: () => void;
}) {
  const { generation, report } = useTextSync(value, input);
  return (
    <InkField input={input}>
      <TextInput
        key={generation}
        value={value}
        placeholder={placeholder}
        onChange={(text) => {
          report(text);
          onChange(text);
        }}
        onSubmit={onSubmit}
      />
    </InkField>
  );
}
