/** `d` (delete) on a predefined role does nothing, and says why, rather than ignoring the key. */
import { afterEach, expect, it } from 'vitest';
import { waitForList } from './app-screen.js';
import { closeAll, launch } from './harness.js';

afterEach(closeAll);

it('says why a predefined role cannot be deleted', async () => {
  const app = await launch({ cols: 80, rows: 24, args: ['roles'] });
  const roles = await waitForList(app, 'Roles');
  const role = /^│▶ \S+\s+(.+?)\s{2,}/m.exec(roles)?.[1];
  expect(role).toBe('Organization owner');
  await app.press('d');
  const screen = await app.waitForText('cannot be deleted');
  expect(screen).toMatch(/^Organization owner is predefined by Elastic Cloud and cannot be deleted/m);
  // Nothing opened: still the list, no confirmation.
  expect(screen).not.toMatch(/Type .* to confirm/);
  expect(await waitForList(app, 'Roles')).toBeTruthy();
});
