/**
 * The input layer between the terminal and Ink (src/ui/key-stream.ts): a read holding several keys must reach the
 * app as those keys, one by one, each after the previous key's render has run its effects — so a panel that the
 * first key opens hears the second, and an Enter typed right after a word is an Enter.
 */
import { EventEmitter } from 'node:events';
import { render, Text, useInput } from 'ink';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyStream, splitKeys } from '../../src/ui/key-stream.js';
import { whileLoading } from '../../src/ui/pending-loads.js';
import { settled } from '../support/ink-driver.js';
import { waitUntil } from '../support/wait.js';

describe('splitKeys', () => {
  it('makes every plain character a key of its own', () => {
    expect(splitKeys('saved\r')).toEqual(['s', 'a', 'v', 'e', 'd', '\r']);
    expect(splitKeys('ab\x7f\x7f')).toEqual(['a', 'b', '\x7f', '\x7f']);
    expect(splitKeys('é👍x')).toEqual(['é', '👍', 'x']);
  });

  it('keeps escape sequences whole, by the rules of Ink’s parser', () => {
    expect(splitKeys('\x1b[A\x1b[B')).toEqual(['\x1b[A', '\x1b[B']); // two arrows in one read
    expect(splitKeys('\x1b[1;5Cx')).toEqual(['\x1b[1;5C', 'x']); // ctrl+right
    expect(splitKeys('\x1b[6~\x1b[Z')).toEqual(['\x1b[6~', '\x1b[Z']); // pagedown, shift+tab
    expect(splitKeys('\x1bOP\x1b[[A')).toEqual(['\x1bOP', '\x1b[[A']); // SS3 F1, legacy F1
    expect(splitKeys('\x1b\x1b[A')).toEqual(['\x1b\x1b[A']); // alt+up
    expect(splitKeys('\x1bq')).toEqual(['\x1bq']); // alt+q
    expect(splitKeys('a\x1b')).toEqual(['a', '\x1b']); // a lone escape at the end
    expect(splitKeys('\x1b[1;')).toEqual(['\x1b[1;']); // cut off: Ink joins it with the next read
  });
});

/** The terminal side: what the user types arrives as `data`; Ink may also read it directly (without the stream). */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  private pending: string | null = null;
  type(chunk: string) {
    this.pending = chunk;
    this.emit('readable');
    this.emit('data', chunk);
  }
  read = () => {
    const chunk = this.pending;
    this.pending = null;
    return chunk;
  };
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

class FakeStdout extends EventEmitter {
  readonly columns = 80;
  readonly rows = 24;
  write() {
    return true;
  }
}

/**
 * `o` opens a panel; the panel subscribes to input when it mounts (in an effect, as every useInput does). `l` opens
 * it once `load` settles, as a panel whose code is loaded on first use does (components/panels.ts).
 */
function App({ heard, load }: { heard: string[]; load?: Promise<void> }) {
  const [open, setOpen] = useState(false);
  useInput((input) => {
    if (input === 'o') setOpen(true);
    if (input === 'l' && load) whileLoading(load.then(() => setOpen(true)));
  });
  return open ? <Panel heard={heard} /> : <Text>closed</Text>;
}

function Panel({ heard }: { heard: string[] }) {
  useInput((input, key) => void heard.push(key.return ? 'enter' : input));
  return <Text>open</Text>;
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function start(stdin: NodeJS.ReadStream, load?: Promise<void>) {
  const heard: string[] = [];
  const instance = render(<App heard={heard} {...(load ? { load } : {})} />, {
    stdin,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- Ink types stdout as a whole tty.WriteStream; it uses only what FakeStdout has.
    stdout: new FakeStdout() as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  unmount = instance.unmount;
  return heard;
}

describe('createKeyStream', () => {
  it('a panel opened by the first key of a read hears the rest, Enter included', async () => {
    const terminal = new FakeTerminal();
    const heard = start(createKeyStream(terminal));
    await settled();
    terminal.type('ok\r');
    // The stream offers one key per idle moment, so wait for the last one to arrive, then for anything after it.
    await waitUntil(
      () => heard.length >= 2,
      () => `two keys heard, not ${JSON.stringify(heard)}`,
    );
    await settled();
    expect(heard).toEqual(['k', 'enter']);
  });

  it('holds the keys after one that loads a panel until the panel is open', async () => {
    const terminal = new FakeTerminal();
    let loaded = () => {};
    const load = new Promise<void>((resolve) => (loaded = resolve));
    const heard = start(createKeyStream(terminal), load);
    await settled();
    terminal.type('lk\r');
    // Many idle moments pass while the panel's code loads: without the hold, the stream would hand them out.
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(heard).toEqual([]);
    loaded();
    await waitUntil(
      () => heard.length >= 2,
      () => `two keys heard, not ${JSON.stringify(heard)}`,
    );
    await settled();
    expect(heard).toEqual(['k', 'enter']);
  });

  it('without it, Ink gives the same read to the handlers that existed before it, and the panel hears nothing', async () => {
    const terminal = new FakeTerminal();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- Ink types stdin as a whole tty.ReadStream; it uses only what FakeTerminal has.
    const heard = start(terminal as unknown as NodeJS.ReadStream);
    await settled();
    terminal.type('ok\r'); // Ink reads it at once, as one string
    await settled();
    expect(heard).toEqual([]);
  });

  it('stops reading the terminal when Ink leaves raw mode', async () => {
    const terminal = new FakeTerminal();
    start(createKeyStream(terminal));
    await settled();
    expect(terminal.listenerCount('data')).toBe(1);
    unmount?.();
    unmount = undefined;
    expect(terminal.listenerCount('data')).toBe(0);
  });
});
