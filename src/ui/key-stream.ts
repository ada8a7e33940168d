/**
 * The terminal's input as Ink should see it: one key press at a time, each after React has finished with the
 * previous one.
 *
 * Why: a terminal read can hold several keys (fast typing, a paste, or keys queued while the app was busy), and
 * Ink 6.8 hands a run of plain characters to every handler as one string, so `saved⏎` is one "key" that no
 * handler understands and the Enter is lost. And even the keys Ink does split are emitted back to back, before
 * React has rendered the first one's update and run its effects: a panel that key opened (it subscribes to input
 * in an effect) misses the next one, and the other handlers still hold the previous render's closures.
 *
 * So this stream sits between the terminal and Ink: it splits every chunk into keys (escape sequences kept whole,
 * by the same rules as Ink's own parser) and offers the next key only when React's scheduler has nothing left to
 * do: an idle-priority task runs after the render the previous key caused and after that render's effects. Each
 * key meets the handlers the previous one installed, exactly as when a person types slowly.
 */
import { EventEmitter } from 'node:events';
// The scheduler react-reconciler (so Ink) renders with: one queue, so an idle task waits for the renders.
import scheduler from 'scheduler';
import { loadsSettled } from './pending-loads.js';

const ESC = '\x1b';

const isParameterOrIntermediate = (c: number) => c >= 0x20 && c <= 0x3f;
const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;

/** Length of the CSI (`ESC [ … final`) or SS3 (`ESC O x`) sequence at `at`, or undefined when there is none. */
function controlSequenceLength(text: string, at: number): number | undefined {
  const kind = text[at + 1];
  if (kind === 'O') return at + 2 < text.length && isFinal(text.charCodeAt(at + 2)) ? 3 : undefined;
  if (kind !== '[') return undefined;
  let i = at + 2;
  // Legacy function keys: ESC [ [ A.
  if (text[i] === '[') i++;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isFinal(c) && !(i === at + 2 && c === 0x5b)) return i - at + 1;
    if (!isParameterOrIntermediate(c)) return undefined;
  }
  // Cut off by the end of the chunk: hand over the rest, Ink's parser joins it with what follows.
  return text.length - at;
}

/** Length of the key starting with ESC at `at`: a control sequence, ESC ESC + sequence (alt+arrow), ESC + one character (alt+key), or ESC alone. */
function escapeKeyLength(text: string, at: number): number {
  const sequence = controlSequenceLength(text, at);
  if (sequence !== undefined) return sequence;
  if (text[at + 1] === ESC) {
    const inner = controlSequenceLength(text, at + 1);
    return inner !== undefined ? 1 + inner : 2;
  }
  const next = text.codePointAt(at + 1);
  if (next === undefined) return 1;
  return 1 + (next > 0xffff ? 2 : 1);
}

/** One terminal read → the key presses in it, in order. Every character outside an escape sequence is a key of its own. */
export function splitKeys(chunk: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] === ESC) {
      const length = escapeKeyLength(chunk, i);
      keys.push(chunk.slice(i, i + length));
      i += length;
    } else {
      const char = String.fromCodePoint(chunk.codePointAt(i)!);
      keys.push(char);
      i += char.length;
    }
  }
  return keys;
}

/** What Ink needs of its stdin (components/App.js in ink 6.8), and what this stream forwards to the terminal. */
export interface TerminalInput extends NodeJS.EventEmitter {
  readonly isTTY?: boolean;
  setRawMode?(on: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  ref?(): unknown;
  unref?(): unknown;
  pause(): unknown;
  resume(): unknown;
}

/**
 * A stdin for Ink's `render(…, { stdin })` that reads `source` (process.stdin) only while Ink wants raw input, and
 * offers one key per `read()`, one `readable` per macrotask.
 */
export function createKeyStream(source: TerminalInput): NodeJS.ReadStream {
  const stream = new EventEmitter();
  const queue: string[] = [];
  let offered: string | undefined;
  let task: ReturnType<typeof scheduler.unstable_scheduleCallback> | undefined;
  let listening = false;

  const offerWhenIdle = () => {
    task ??= scheduler.unstable_scheduleCallback(scheduler.unstable_IdlePriority, offerNext);
  };
  function offerNext() {
    task = undefined;
    // A key offered but not read yet (nobody listening) stays first in line for the next offer.
    offered ??= queue.shift();
    if (offered === undefined) return;
    // The previous key is still loading the panel it opens (pending-loads.ts): this key is for that panel.
    const loading = loadsSettled();
    if (loading) {
      void loading.then(offerWhenIdle);
      return;
    }
    stream.emit('readable');
    // React queues the render of this key's update in a microtask; ours comes after it, so the idle task lines
    // up behind that render (and its effects) instead of running straight away in this scheduler pass.
    if (offered === undefined && queue.length > 0) queueMicrotask(offerWhenIdle);
  }
  const onData = (chunk: string | Buffer) => {
    queue.push(...splitKeys(String(chunk)));
    offerWhenIdle();
  };

  const api = {
    isTTY: source.isTTY === true,
    read: () => {
      const key = offered;
      offered = undefined;
      return key ?? null;
    },
    setEncoding: () => api,
    setRawMode(on: boolean) {
      source.setRawMode?.(on);
      if (on && !listening) {
        listening = true;
        source.setEncoding('utf8');
        source.on('data', onData);
        source.resume();
      } else if (!on && listening) {
        listening = false;
        source.off('data', onData);
        source.pause();
        queue.length = 0;
        offered = undefined;
        if (task) scheduler.unstable_cancelCallback(task);
        task = undefined;
      }
      return api;
    },
    ref: () => (source.ref?.(), api),
    unref: () => (source.unref?.(), api),
  };
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- Ink's option is typed as a whole tty.ReadStream but uses only TerminalInput plus read(); no narrowing can produce the fd-backed type.
  return Object.assign(stream, api) as unknown as NodeJS.ReadStream;
}
