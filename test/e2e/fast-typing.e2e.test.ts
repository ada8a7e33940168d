/**
 * Keys that reach the app in one read (typed faster than it draws, pasted, or queued while it was busy) are
 * applied one by one, as if typed slowly: a screen switch, the wizard that the next key opens, the text typed
 * into its first field and the Enter after it, all in a single write. (src/ui/keypress.tsx does this: it splits
 * the read and hands each key over after the render the previous one caused.)
 */
import { afterEach, expect, it } from 'vitest';
import { WAIT_MS } from '../support/wait.js';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

it('applies every key of a single read, in order, to whatever the previous key opened', async () => {
  const app = await launch({ cols: 100, rows: 30 });
  await waitForList(app, 'Members');

  app.write('4nCI bot\r');
  const screen = await app.waitForText('Expiration');
  expect(screen).toMatch(/New API key · step 2/);
  expect(screen).toMatch(/What is the key for\? CI bot/);

  // Arrow keys and Enter in one read too: 30d → 90d, chosen.
  app.write('\x1b[B\r');
  await app.waitForText('Where may the key act?');
  expect(app.screen()).toMatch(/Expiration 90d/);
});

it('keeps a key pressed while the app is still starting, before anything is drawn', async () => {
  const app = await launch({ cols: 100, rows: 30 });
  // The first byte is the terminal being taken over; the UI itself is still loading.
  expect(await app.nextOutputAt(WAIT_MS)).toBeDefined();
  app.write('4');
  await waitForList(app, 'Keys');
  // Not echoed by the terminal either (input was raw from the first byte): nothing between taking the screen
  // (ESC [?1049h ESC [H) and the first frame's escape sequences.
  // eslint-disable-next-line no-control-regex -- ESC is the point: the bytes between two escape sequences
  const afterTakeover = /\x1b\[\?1049h\x1b\[H([^\x1b]*)/.exec(app.rawOutput());
  expect(afterTakeover?.[1]).toBe('');
});
