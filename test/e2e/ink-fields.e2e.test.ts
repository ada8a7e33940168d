/**
 * ink-text-input and ink-select-input in the shipped bundle, in a real terminal: the bundle holds one copy of Ink's
 * StdinContext (the input bridge provides Ink's own, scripts/ink-internals.mjs), a text step edits mid-text, and
 * one terminal read holding arrows and letters is applied in order. Needs `npm run build` first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { assertBuilt, closeAll, launch, repoRoot } from './harness.js';

afterEach(closeAll);

it("bundles Ink's StdinContext once: the bridge's provider is the context Ink's useInput reads", () => {
  assertBuilt();
  const app = join(repoRoot(), 'dist', 'app');
  const copies = readdirSync(app, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(app, f), 'utf8').split('InternalStdinContext').length - 1)
    .reduce((a, b) => a + b, 0);
  expect(copies).toBe(1);
});

it('a text step edits mid-text: ← moves the cursor, typing inserts there, a read of arrows and letters keeps order', async () => {
  const app = await launch({ cols: 80, rows: 24 });
  await waitForList(app, 'Members');
  await app.press('4');
  await waitForList(app, 'Keys');
  await app.press('n');
  await app.waitForText('What is the key for?');
  await app.type('ci pipline');
  await app.waitForText('ci pipline');
  for (let i = 0; i < 4; i++) await app.press('left');
  await app.type('e');
  await app.waitForText('▶ ci pipeline');
  // One read: five arrows back to the space after "ci", then text.
  app.write(`${'\x1b[D'.repeat(5)}-cd`);
  await app.waitForText('▶ ci-cd pipeline');
  await app.press('enter');
  await app.waitForText('Expiration');
  expect(app.screen()).toContain('ci-cd pipeline');
});
