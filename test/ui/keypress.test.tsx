/**
 * The keypress provider (src/ui/keypress.tsx): a terminal read holding several keys is applied key by key, each
 * after the render the previous one caused (a layer the first key opened hears the second), and a bracketed paste
 * is one paste press, never keys.
 */
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { KeyLayer, KeypressProvider, useFocus, useKeys } from '../../src/ui/keypress.js';
import { usePanelBindings } from '../../src/ui/use-panel-bindings.js';
import { keysOf, pastedText, type KeyPress } from '../../src/ui/keys.js';
import { whileLoading } from '../../src/ui/pending-loads.js';
import { settled } from '../support/ink-driver.js';
import { waitUntil } from '../support/wait.js';

const names = (event: string) => keysOf(event).map((k) => k.name);

describe('keysOf', () => {
  it('names escape sequences, control characters and printable keys', () => {
    expect(names('\x1b[A')).toEqual(['up']);
    expect(names('\x1bOP')).toEqual(['f1']);
    expect(names('\x1b[Z')).toEqual(['shift+tab']);
    expect(names('\x1b[6~')).toEqual(['pagedown']);
    expect(names('\x0f')).toEqual(['ctrl+o']);
    expect(names('saved\r')).toEqual(['s', 'a', 'v', 'e', 'd', 'enter']);
    expect(names('a\x7f')).toEqual(['a', 'backspace']);
    // An emoji names no key: it is text only.
    expect(keysOf('👍')).toEqual([{ name: undefined, input: '👍' }]);
  });

  it('reads ESC and a character as a quick esc, then that key', () => {
    expect(names('\x1bq')).toEqual(['escape', 'q']);
    expect(names('\x1b\x1b[A')).toEqual(['escape', 'up']);
  });
});

describe('pastedText', () => {
  it('keeps the text, line breaks as spaces, and drops other control characters', () => {
    expect(pastedText('a q\r\nb\nc\x1b[31m')).toBe('a q b c[31m');
  });
});

/**
 * The shell at the bottom: `o` opens a panel over it, `l` opens it once `load` settles (a panel whose code loads on
 * first use: screens/panels.ts); it records what reaches it.
 */
function Harness({ heard, load }: { heard: string[]; load?: Promise<void> }) {
  const [open, setOpen] = useState(false);
  useKeys(({ name, input, paste }) => {
    heard.push(`shell:${paste ? `paste ${JSON.stringify(input)}` : String(name)}`);
    if (name === 'o') setOpen(true);
    if (name === 'l' && load) whileLoading(load.then(() => setOpen(true)));
    return true;
  });
  return (
    <>
      <Text>shell</Text>
      {open ? (
        <KeyLayer>
          <Panel heard={heard} />
        </KeyLayer>
      ) : null}
    </>
  );
}

function Panel({ heard }: { heard: string[] }) {
  useKeys((press: KeyPress) => {
    heard.push(`panel:${press.paste ? `paste ${JSON.stringify(press.input)}` : String(press.name)}`);
    return true;
  });
  return <Text>panel</Text>;
}

describe('KeypressProvider', () => {
  it('applies every key of one read in order, each to what the previous one opened', async () => {
    const heard: string[] = [];
    const app = render(
      <KeypressProvider>
        <Harness heard={heard} />
      </KeypressProvider>,
    );
    await settled();
    app.stdin.write('xoab\r');
    await waitUntil(
      () => heard.length === 5,
      () => heard.join(' '),
    );
    expect(heard).toEqual(['shell:x', 'shell:o', 'panel:a', 'panel:b', 'panel:enter']);
    app.unmount();
  });

  it('holds the keys after one that loads a panel until the panel is open', async () => {
    const heard: string[] = [];
    let loaded = () => {};
    const load = new Promise<void>((resolve) => (loaded = resolve));
    const app = render(
      <KeypressProvider>
        <Harness heard={heard} load={load} />
      </KeypressProvider>,
    );
    await settled();
    app.stdin.write('lk\r');
    // Many idle moments pass while the panel's code loads: without the hold, the shell would hear k and enter.
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(heard).toEqual(['shell:l']);
    loaded();
    await waitUntil(
      () => heard.length === 3,
      () => heard.join(' '),
    );
    expect(heard).toEqual(['shell:l', 'panel:k', 'panel:enter']);
    app.unmount();
  });

  it('hands a bracketed paste over as one paste press: a pasted q or line break is no key', async () => {
    const heard: string[] = [];
    const app = render(
      <KeypressProvider>
        <Harness heard={heard} />
      </KeypressProvider>,
    );
    await settled();
    app.stdin.write('o');
    await waitUntil(
      () => app.lastFrame()?.includes('panel') === true,
      () => app.lastFrame() ?? '',
    );
    app.stdin.write('\x1b[200~q\rnext\x1b[201~');
    await settled();
    app.stdin.write('z');
    await waitUntil(
      () => heard.length === 3,
      () => heard.join(' '),
    );
    expect(heard).toEqual(['shell:o', 'panel:paste "q\\rnext"', 'panel:z']);
    app.unmount();
  });

  it("shows a panel's bindings to the footer from the very frame that first shows the panel", async () => {
    // A footer rendered after the panels, as the shell's is: it reads the panel on top (its overlay's serial).
    const Footer = ({ top }: { top: number | undefined }) => (
      <Text>{`footer:${
        useFocus(top)
          .bindings.map((b) => b.id)
          .join(',') || '-'
      }`}</Text>
    );
    const Secret = () => {
      usePanelBindings('secret', { 'secret.reveal': () => undefined, 'secret.close': () => undefined });
      return <Text>value</Text>;
    };
    const Shell = ({ serial }: { serial: number | undefined }) => (
      <KeypressProvider>
        {serial === undefined ? null : (
          <KeyLayer owner={serial}>
            <Secret />
          </KeyLayer>
        )}
        <Footer top={serial} />
      </KeypressProvider>
    );
    const app = render(<Shell serial={undefined} />);
    await settled();
    app.rerender(<Shell serial={1} />);
    await waitUntil(() => app.lastFrame()?.includes('value'), 'the panel');
    await settled();
    const withPanel = app.frames.filter((f) => f.includes('value'));
    expect(withPanel.length).toBeGreaterThan(0);
    for (const frame of withPanel) expect(frame).toContain('footer:secret.reveal,secret.close');
    // Closed: no frame keeps the gone panel's keys.
    app.rerender(<Shell serial={undefined} />);
    await waitUntil(() => !app.lastFrame()?.includes('value'), 'the panel gone');
    expect(app.lastFrame()).toContain('footer:-');
    app.unmount();
  });
});
