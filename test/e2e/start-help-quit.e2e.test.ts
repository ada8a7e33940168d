/**
 * Scenario 1: a first-time user starts ec-access with no key, lands on the sandbox's members list, opens help,
 * and quits, getting their terminal back exactly as it was.
 */
import { afterEach, expect, it } from 'vitest';
import { HELP_OPEN, SANDBOX_LABEL, waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

it('starts on the sandbox members list, shows help on ?, and restores the terminal on q', async () => {
  const app = await launch({ cols: 80, rows: 24 });

  await app.waitForText(SANDBOX_LABEL);
  const members = await waitForList(app, 'Members');
  expect(members).toMatch(/EMAIL/);
  expect(members).toMatch(/@/); // at least one member row
  expect(app.isAltScreenActive()).toBe(true);

  await app.press('?');
  await app.waitForText(HELP_OPEN);
  // The current screen's keys first.
  expect(app.screen()).toMatch(/Invite people/);

  await app.press('esc');
  await app.waitFor((s) => !HELP_OPEN.test(s), 'help to close');

  await app.press('q');
  expect(await app.exit()).toBe(0);
  expect(app.rawOutput()).toContain('\x1b[?1049h');
  expect(app.rawOutput()).toContain('\x1b[?1049l');
  expect(app.isAltScreenActive()).toBe(false);
  expect(app.isCursorVisible()).toBe(true);
});
