/** Keys that arrive together in one read (fast typing, a paste ending in Enter) act as if typed one by one. */
import { describe, expect, it } from 'vitest';
import { currentId, initialWizard, wizardReducer, type Step, type WizardState } from '../../components/wizard/model.js';

interface V { readonly name: string; readonly colour?: string }
const STEPS: readonly Step<V, null>[] = [
  { kind: 'text', id: 'name', concept: 'role-name-rules', title: 'Name', get: (v) => v.name, set: (v, name) => ({ ...v, name }),
    accept: (ch) => /[a-z-]/.test(ch), validate: (v) => (v.name ? undefined : 'required') },
  { kind: 'choice', id: 'colour', concept: 'predefined-roles', title: 'Colour', options: () => [{ id: 'red', label: 'Red' }, { id: 'blue', label: 'Blue' }],
    get: (v) => v.colour, set: (v, colour) => ({ ...v, colour }) },
];

const chunk = (s: WizardState<V>, input: string) => wizardReducer(s, { type: 'key', name: undefined, input, steps: STEPS, env: null });
const start = () => initialWizard<V, null>({ name: '' }, STEPS, null);

describe('a chunk of several keys', () => {
  it('types the text and answers the step with the Enter at its end', () => {
    const s = chunk(start(), 'marketing-*\r');
    expect(s.values.name).toBe('marketing-'); // * is refused by the as-you-type rule, as it would be when typed
    expect(currentId(s)).toBe('colour');
  });

  it('applies a Backspace inside the chunk, then moves on and answers the next step too', () => {
    const t = chunk(start(), 'ab\x7fc\r\r');
    expect(t.values).toEqual({ name: 'ac', colour: 'red' });
    expect(currentId(t)).toBe('review');
  });

  it('leaves a chunk with an escape sequence alone: its keys cannot be told apart safely', () => {
    const s = chunk(start(), 'ab\r\x1b[B');
    expect(s).toEqual(start());
  });

  it('still refuses an empty answer: Enter alone in the chunk validates like a single Enter', () => {
    const s = chunk(start(), '\r\r');
    expect(s.error).toBe('required');
    expect(currentId(s)).toBe('name');
  });
});
