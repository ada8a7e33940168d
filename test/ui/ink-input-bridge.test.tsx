/**
 * The input bridge (src/ui/ink-input-bridge.tsx): ink-text-input and ink-select-input under the keypress provider
 * hear exactly the presses a panel's bindings forward, encoded as a terminal sends them, one per committed render
 * (so fast typing never meets a stale closure), a paste as one chunk; keys the binding table keeps never reach them.
 */
import { Text } from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { InkField, InkInput, rawInput, useInkInput } from '../../src/ui/ink-input-bridge.js';
import { KeyLayer, KeypressProvider } from '../../src/ui/keypress.js';
import { PASTE_END, PASTE_START } from '../../src/ui/keys.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { KEY, settled, strip, waitUntil } from '../support/ink-driver.js';

const CTRL_O = '\x0f';
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';

/** A text panel: the value is the panel's state (controlled), and what the binding table keeps is logged. */
function TextPanel({ log }: { log: string[] }) {
  const [value, setValue] = useState('');
  const [submitted, setSubmitted] = useState('');
  const input = useInkInput();
  usePanelBindings(
    'wizard',
    {
      'wizard.next': input.forward,
      'wizard.erase': input.forward,
      'wizard.cursor': input.forward,
      'wizard.explain': () => log.push('explain'),
      'wizard.back': () => log.push('back'),
    },
    { onText: input.type },
  );
  return (
    <>
      <InkField input={input}>
        <TextInput value={value} onChange={setValue} onSubmit={setSubmitted} />
      </InkField>
      <Text>{`value=[${value}] submitted=[${submitted}]`}</Text>
    </>
  );
}

function SelectPanel({ log }: { log: string[] }) {
  const [chosen, setChosen] = useState('');
  const input = useInkInput();
  usePanelBindings('wizard', {
    'wizard.up': input.forward,
    'wizard.down': input.forward,
    'wizard.choose': input.forward,
    'wizard.back': () => log.push('back'),
  });
  return (
    <>
      <InkField input={input}>
        <SelectInput
          items={['alpha', 'beta', 'gamma'].map((v) => ({ label: v, value: v }))}
          onSelect={(item) => setChosen(item.value)}
        />
      </InkField>
      <Text>{`chosen=[${chosen}]`}</Text>
    </>
  );
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function mount(panel: React.ReactElement) {
  const app = render(
    <KeypressProvider>
      <KeyLayer>{panel}</KeyLayer>
    </KeypressProvider>,
  );
  unmount = app.unmount;
  return {
    frame: () => strip(app.lastFrame() ?? ''),
    async write(...reads: string[]) {
      for (const read of reads) {
        app.stdin.write(read);
        await settled();
      }
    },
    /** Waits for the frame to show `text`: a burst of keys is worked off one render at a time. */
    shows: (text: string) =>
      waitUntil(
        () => strip(app.lastFrame() ?? '').includes(text),
        () => `${text} in\n${strip(app.lastFrame() ?? '')}`,
      ),
  };
}

describe('ink-text-input through the bridge', () => {
  it('takes a fast burst of typing (one terminal read) key by key, with every key meeting the latest value', async () => {
    const app = mount(<TextPanel log={[]} />);
    await settled();
    // One read: the provider splits it and dispatches each key after the previous key's render and effects. A
    // stale closure (Ink 6.8's useInput re-subscribes in an effect) would keep one letter of it.
    await app.write('quick brown fox');
    await app.shows('value=[quick brown fox]');
  });

  it('moves the cursor and inserts in the middle; backspace deletes before the cursor; enter submits', async () => {
    const app = mount(<TextPanel log={[]} />);
    await settled();
    await app.write('abcd', LEFT, LEFT, 'X');
    await app.shows('value=[abXcd]');
    await app.write(RIGHT, KEY.backspace);
    await app.shows('value=[abXd]');
    // In one read too: arrows and letters keep their order.
    await app.write(`${LEFT}${LEFT}${LEFT}>`);
    await app.shows('value=[>abXd]');
    await app.write(KEY.enter);
    await app.shows('submitted=[>abXd]');
  });

  it('inserts a bracketed paste at the cursor as one chunk, line breaks as spaces and a pasted q as text', async () => {
    const log: string[] = [];
    const app = mount(<TextPanel log={log} />);
    await settled();
    await app.write('ad', LEFT, `${PASTE_START}b q\r\nc${PASTE_END}`);
    await app.shows('value=[ab q cd]');
    expect(log).toEqual([]);
  });

  it('never hears what the binding table keeps: ctrl+o, esc, tab; a ctrl+letter is not its letter', async () => {
    const log: string[] = [];
    const app = mount(<TextPanel log={log} />);
    await settled();
    await app.write('a', CTRL_O, KEY.escape, KEY.tab, '\x01', 'b');
    await app.shows('value=[ab]');
    expect(log).toEqual(['explain', 'back']);
  });
});

describe('ink-select-input through the bridge', () => {
  it('moves with the arrows and j/k and chooses with enter; esc stays with the panel', async () => {
    const log: string[] = [];
    const app = mount(<SelectPanel log={log} />);
    await settled();
    await app.write(KEY.down, 'j', 'k');
    await app.write(KEY.escape, KEY.enter);
    await app.shows('chosen=[beta]');
    expect(log).toEqual(['back']);
  });
});

describe('InkInput', () => {
  it('encodes presses as a terminal sends them, and has nothing for keys a field has no use for', () => {
    expect(rawInput({ name: 'enter', input: '\r' })).toBe('\r');
    expect(rawInput({ name: 'left', input: LEFT })).toBe(LEFT);
    expect(rawInput({ name: 'backspace', input: '\b' })).toBe('\x7f');
    expect(rawInput({ name: 'q', input: 'q' })).toBe('q');
    expect(rawInput({ name: undefined, input: 'a\nb', paste: true })).toBe('a b');
    expect(rawInput({ name: 'ctrl+o', input: CTRL_O })).toBeUndefined();
    expect(rawInput({ name: 'escape', input: '\x1b' })).toBeUndefined();
  });

  it('holds keys while a render of the field has effects to run, then sends them in order', () => {
    const input = new InkInput();
    const heard: string[] = [];
    input.events.on('input', (raw: string) => heard.push(raw));
    expect(input.forward({ name: 'a', input: 'a' })).toBe(false); // no field mounted
    input.attach();
    input.committed();
    expect(input.forward({ name: 'a', input: 'a' })).toBe(true);
    input.type('bc');
    expect(heard).toEqual([]);
    input.settled();
    expect(heard).toEqual(['a', 'bc']);
    input.forward({ name: 'enter', input: '\r' });
    expect(heard).toEqual(['a', 'bc', '\r']);
  });
});
