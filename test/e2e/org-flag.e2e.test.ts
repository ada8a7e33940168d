/**
 * `--org` names the organization the TUI manages, on the sandbox as in Cloud (the commands honour it the same way,
 * src/cli/commands/shared/organization.ts): an organization the key cannot reach is reported as not found, never
 * quietly replaced by the one the sandbox seeds.
 */
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

it('asks the sandbox for the organization --org names, not the one it seeds', async () => {
  const app = await launch({ cols: 80, rows: 24, args: ['--org', '424242'] });
  const screen = await app.waitForText(/Loading members failed/);
  expect(screen).toMatch(/not found/i);
  expect(screen).toContain('(424242)');
  expect(screen).not.toMatch(/@acme/);
  await app.press('q');
  expect(await app.exit()).toBe(0);
});

it('shows the organization --org names when the key reaches it', async () => {
  const seeded = await launch({ cols: 80, rows: 24 });
  const id = /\((\d+)\)/.exec(await seeded.waitForText(/Acme Analytics \(\d+\)/))![1]!;
  await seeded.press('q');
  await seeded.exit();

  const app = await launch({ cols: 80, rows: 24, args: ['--org', id] });
  const screen = await waitForList(app, 'Members');
  expect(screen).toContain(`Acme Analytics (${id})`);
  expect(screen).toMatch(/@acme/);
});
